package io.regionlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the routing tier across stacks and Regions: Route 53 records grouped by hosted zone,
 * name and type, with their health checks and the Regions they send traffic to; Global
 * Accelerator listeners with their endpoint groups; ARC control panels with their routing
 * controls and safety rules. Built once; every join is a hash lookup (tokens by resource key,
 * groups by zone, name and type), so the cost is linear in the number of routing resources.
 */
final class RoutingLinker {

    static final String RECORD_SET = "AWS::Route53::RecordSet";
    static final String RECORD_SET_GROUP = "AWS::Route53::RecordSetGroup";
    static final String HEALTH_CHECK = "AWS::Route53::HealthCheck";
    static final String HOSTED_ZONE = "AWS::Route53::HostedZone";
    static final String GA_LISTENER = "AWS::GlobalAccelerator::Listener";
    static final String GA_ACCELERATOR = "AWS::GlobalAccelerator::Accelerator";
    static final String GA_ENDPOINT_GROUP = "AWS::GlobalAccelerator::EndpointGroup";
    static final String ARC_PANEL = "AWS::Route53RecoveryControl::ControlPanel";
    static final String ARC_ROUTING_CONTROL = "AWS::Route53RecoveryControl::RoutingControl";
    static final String ARC_SAFETY_RULE = "AWS::Route53RecoveryControl::SafetyRule";

    /** A Region code inside a DNS name: {@code my-alb-1.us-east-1.elb.amazonaws.com}, {@code s3-website-us-east-1...}. */
    private static final Pattern REGION_IN_DNS = Pattern.compile("(?:^|[.-])([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)(?=\\.)");

    private final Map<String, Resource> byKey;
    private final Map<String, List<Resource>> byType;
    private final Map<String, Route53HealthCheck> healthChecks = new HashMap<>();
    private final List<RecordGroup> groups = new ArrayList<>();
    private final List<DnsRecord> unjoined = new ArrayList<>();
    private final List<GaListener> listeners = new ArrayList<>();
    private final List<ArcControlPanel> panels = new ArrayList<>();
    /** The loaded resources of a type by their recorded ARN, per type, made on first use. */
    private final Map<String, Map<String, Resource>> byArn = new HashMap<>();

    RoutingLinker(Map<String, Resource> byKey, Map<String, List<Resource>> byType) {
        this.byKey = byKey;
        this.byType = byType;
        Set<String> building = new HashSet<>();
        for (Resource check : type(HEALTH_CHECK)) {
            healthCheck(check, building);
        }
        linkRecords();
        linkAccelerators();
        linkControlPanels();
    }

    List<RecordGroup> recordGroups() {
        return Collections.unmodifiableList(groups); // never changed after the constructor
    }

    List<DnsRecord> unjoinedRecords() {
        return Collections.unmodifiableList(unjoined); // never changed after the constructor
    }

    Optional<Route53HealthCheck> healthCheck(Resource resource) {
        return Optional.ofNullable(healthChecks.get(resource.key()));
    }

    List<Route53HealthCheck> healthChecks() {
        return type(HEALTH_CHECK).stream().map(r -> healthChecks.get(r.key())).toList();
    }

    List<GaListener> listeners() {
        return Collections.unmodifiableList(listeners); // never changed after the constructor
    }

    List<ArcControlPanel> controlPanels() {
        return Collections.unmodifiableList(panels); // never changed after the constructor
    }

    private List<Resource> type(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The loaded resource of a type that the first token in a text names. */
    private Optional<Resource> byToken(String text, String type) {
        return Tokens.containsToken(text)
                ? Tokens.resourceKey(text).map(byKey::get).filter(r -> r.isType(type))
                : Optional.empty();
    }

    // ---- Route 53 health checks ----------------------------------------------------------------

    private Route53HealthCheck healthCheck(Resource check, Set<String> building) {
        Route53HealthCheck done = healthChecks.get(check.key());
        if (done != null) {
            return done;
        }
        Optional<String> type = check.properties().textAt("HealthCheckConfig", "Type")
                .map(t -> t.toUpperCase(Locale.ROOT));
        if (!building.add(check.key())) {
            // a cycle of calculated checks: CloudFormation would refuse it; judge nothing about it
            return new Route53HealthCheck(check, type, List.of(), Optional.empty(), Optional.empty());
        }
        List<Route53HealthCheck> children = new ArrayList<>();
        Optional<Integer> count = Optional.of(0);
        Optional<Value> childValue = check.properties().at("HealthCheckConfig", "ChildHealthChecks");
        if (childValue.isPresent()) {
            if (childValue.get() instanceof ListValue list) {
                count = Optional.of(list.items().size());
                for (Value child : list.items()) {
                    child.text().flatMap(t -> byToken(t, HEALTH_CHECK))
                            .ifPresent(c -> children.add(healthCheck(c, building)));
                }
            } else {
                count = Optional.empty();
            }
        }
        Optional<Resource> control = check.properties().textAt("HealthCheckConfig", "RoutingControlArn")
                .flatMap(t -> byToken(t, ARC_ROUTING_CONTROL));
        Route53HealthCheck built = new Route53HealthCheck(check, type, children, count, control);
        healthChecks.put(check.key(), built);
        building.remove(check.key());
        return built;
    }

    // ---- Route 53 records ----------------------------------------------------------------------

    /** A hosted zone as records name it: the key joins, the label is for messages. */
    private record Zone(String key, String label) {
    }

    private void linkRecords() {
        Map<String, List<DnsRecord>> byGroup = new LinkedHashMap<>();
        Map<String, String[]> labels = new HashMap<>();
        List<Resource> declaring = new ArrayList<>(type(RECORD_SET));
        declaring.addAll(type(RECORD_SET_GROUP));
        for (Resource resource : declaring) {
            if (resource.isType(RECORD_SET)) {
                add(resource, resource.properties(), -1, resource.properties(), byGroup, labels);
                continue;
            }
            Optional<Value> sets = resource.properties().get("RecordSets");
            if (sets.isPresent() && sets.get() instanceof ListValue list) {
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof MapValue spec) {
                        add(resource, spec, i, resource.properties(), byGroup, labels);
                    }
                }
            }
        }
        byGroup.forEach((key, records) -> {
            String[] label = labels.get(key);
            groups.add(new RecordGroup(label[0], label[1], label[2], records));
        });
    }

    private void add(Resource resource, MapValue spec, int index, MapValue owner, Map<String, List<DnsRecord>> byGroup,
                     Map<String, String[]> labels) {
        Optional<String> name = spec.textAt("Name").map(RoutingLinker::fqdn);
        Optional<String> type = spec.textAt("Type").map(t -> t.toUpperCase(Locale.ROOT));
        Optional<Zone> zone = zone(spec.has("HostedZoneId") || spec.has("HostedZoneName") ? spec : owner);
        DnsRecord record = record(resource, spec, index, name, type);
        if (zone.isEmpty() || name.isEmpty() || type.isEmpty() || Tokens.containsToken(name.get())) {
            unjoined.add(record);
            return;
        }
        String key = zone.get().key() + "|" + name.get() + "|" + type.get();
        byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        labels.putIfAbsent(key, new String[] {zone.get().label(), name.get(), type.get()});
    }

    private Optional<Zone> zone(MapValue spec) {
        Optional<Value> id = spec.get("HostedZoneId");
        if (id.isPresent()) {
            Optional<String> text = id.get().text();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (Tokens.containsToken(text.get())) {
                Optional<Resource> hosted = byToken(text.get(), HOSTED_ZONE);
                Optional<String> hostedName = hosted.flatMap(h -> h.properties().textAt("Name"))
                        .filter(n -> !Tokens.containsToken(n)).map(RoutingLinker::fqdn);
                if (hostedName.isPresent()) {
                    return Optional.of(new Zone("name:" + hostedName.get(), hostedName.get()));
                }
                return Tokens.resourceKey(text.get()).map(k -> new Zone("id:" + k, Tokens.display(text.get())));
            }
            String bare = text.get().replaceFirst("^/?hostedzone/", "");
            return Optional.of(new Zone("id:" + bare, bare));
        }
        return spec.textAt("HostedZoneName").filter(n -> !Tokens.containsToken(n)).map(RoutingLinker::fqdn)
                .map(n -> new Zone("name:" + n, n));
    }

    /** Lower case with a trailing dot: Route 53 treats {@code Example.com} and {@code example.com.} as one name. */
    static String fqdn(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private DnsRecord record(Resource resource, MapValue spec, int index, Optional<String> name, Optional<String> type) {
        Optional<Route53HealthCheck> check = spec.textAt("HealthCheckId").flatMap(t -> byToken(t, HEALTH_CHECK))
                .map(r -> healthChecks.get(r.key()));
        Optional<Resource> target = Optional.empty();
        Optional<String> targetRegion = Optional.empty();
        if (spec.has("AliasTarget")) {
            Optional<String> dns = spec.textAt("AliasTarget", "DNSName");
            if (dns.isPresent()) {
                if (Tokens.containsToken(dns.get())) {
                    target = Tokens.resourceKey(dns.get()).map(byKey::get);
                    targetRegion = target.flatMap(Resource::region);
                } else {
                    targetRegion = regionInDnsName(dns.get());
                }
            }
        } else if (spec.get("ResourceRecords").orElse(null) instanceof ListValue values) {
            Set<Resource> targets = new LinkedHashSet<>();
            for (Value v : values.items()) {
                v.text().filter(Tokens::containsToken).flatMap(Tokens::resourceKey).map(byKey::get)
                        .ifPresent(targets::add);
            }
            if (targets.size() == 1) {
                target = Optional.of(targets.iterator().next());
                targetRegion = target.get().region();
            }
        }
        return new DnsRecord(resource, spec, index, name, type, policy(spec), check, health(spec, check),
                target, targetRegion);
    }

    static DnsRecord.RoutingPolicy policy(MapValue spec) {
        if (spec.has("Failover")) {
            return DnsRecord.RoutingPolicy.FAILOVER;
        }
        if (spec.has("Region")) {
            return DnsRecord.RoutingPolicy.LATENCY;
        }
        if (spec.has("Weight")) {
            return DnsRecord.RoutingPolicy.WEIGHTED;
        }
        if (spec.has("GeoLocation")) {
            return DnsRecord.RoutingPolicy.GEOLOCATION;
        }
        if (spec.has("GeoProximityLocation")) {
            return DnsRecord.RoutingPolicy.GEOPROXIMITY;
        }
        if (spec.has("CidrRoutingConfig")) {
            return DnsRecord.RoutingPolicy.CIDR;
        }
        if (spec.textAt("MultiValueAnswer").map("true"::equalsIgnoreCase).orElse(false)) {
            return DnsRecord.RoutingPolicy.MULTIVALUE;
        }
        return DnsRecord.RoutingPolicy.SIMPLE;
    }

    private static DnsRecord.HealthEvaluation health(MapValue spec, Optional<Route53HealthCheck> check) {
        Optional<Value> id = spec.get("HealthCheckId");
        if (id.isPresent()) {
            if (id.get().text().isEmpty()) {
                return DnsRecord.HealthEvaluation.UNKNOWN;
            }
            if (check.isPresent()) {
                Optional<Boolean> never = check.get().neverFails();
                if (never.isEmpty()) {
                    return DnsRecord.HealthEvaluation.UNKNOWN;
                }
                return never.get() ? DnsRecord.HealthEvaluation.NEVER_FAILS : DnsRecord.HealthEvaluation.CHECKED;
            }
            return DnsRecord.HealthEvaluation.CHECKED; // a health check outside the templates: it probes something
        }
        Optional<Value> evaluate = spec.lookup("AliasTarget", "EvaluateTargetHealth");
        if (!spec.has("AliasTarget") || evaluate.isEmpty()) {
            return DnsRecord.HealthEvaluation.NONE;
        }
        Optional<String> text = evaluate.get().text();
        if (text.isEmpty()) {
            return DnsRecord.HealthEvaluation.UNKNOWN;
        }
        return text.get().equalsIgnoreCase("true") ? DnsRecord.HealthEvaluation.CHECKED : DnsRecord.HealthEvaluation.NONE;
    }

    static Optional<String> regionInDnsName(String dns) {
        Matcher m = REGION_IN_DNS.matcher(dns.toLowerCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ---- Global Accelerator --------------------------------------------------------------------

    /**
     * Listeners join their accelerator, and endpoint groups their listener, by the reference a
     * template writes ({@code !Ref}, {@code !GetAtt}) or, on deployed state, by the ARN text AWS
     * Config records, matched against the recorded ARNs of the loaded resources.
     */
    private void linkAccelerators() {
        Map<String, List<GaEndpointGroup>> byListener = new LinkedHashMap<>();
        Map<String, Optional<Resource>> listenerOf = new LinkedHashMap<>();
        for (Resource listener : type(GA_LISTENER)) {
            byListener.put(listener.key(), new ArrayList<>());
            listenerOf.put(listener.key(), Optional.of(listener));
        }
        for (Resource group : type(GA_ENDPOINT_GROUP)) {
            Optional<String> arn = group.properties().textAt("ListenerArn");
            Optional<Resource> listener = arn.flatMap(t -> byReference(t, GA_LISTENER));
            String key = listener.map(Resource::key)
                    .orElseGet(() -> arn.map(t -> "arn:" + Tokens.display(t)).orElse("unknown:" + group.key()));
            byListener.computeIfAbsent(key, k -> new ArrayList<>()).add(endpointGroup(group));
            listenerOf.putIfAbsent(key, listener);
        }
        byListener.forEach((key, list) -> {
            Optional<Resource> listener = listenerOf.get(key);
            Optional<Resource> accelerator = listener.flatMap(l -> l.properties().textAt("AcceleratorArn"))
                    .flatMap(t -> byReference(t, GA_ACCELERATOR));
            listeners.add(new GaListener(listener, accelerator, list));
        });
    }

    /**
     * The resource of a type that a reference names: a template's token ({@code !Ref}, {@code !GetAtt}),
     * or, on deployed state, the ARN text AWS Config records, matched against the recorded ARNs of
     * the loaded resources of that type.
     */
    private Optional<Resource> byReference(String text, String type) {
        return byToken(text, type).or(() -> Optional.ofNullable(byArn.computeIfAbsent(type, t -> {
            Map<String, Resource> out = new HashMap<>();
            for (Resource r : type(t)) {
                r.arn().ifPresent(arn -> out.putIfAbsent(arn, r));
            }
            return out;
        }).get(text)));
    }

    private GaEndpointGroup endpointGroup(Resource group) {
        MapValue p = group.properties();
        Optional<String> region = p.textAt("EndpointGroupRegion").filter(Regions::isRegionCode);
        Optional<Value> dialValue = p.get("TrafficDialPercentage");
        Optional<Double> dial = dialValue.isEmpty() ? Optional.of(100.0)
                : dialValue.get().text().flatMap(RoutingLinker::decimal);
        List<GaEndpointGroup.Endpoint> endpoints = new ArrayList<>();
        boolean known = true;
        Optional<Value> configs = p.get("EndpointConfigurations");
        if (configs.isPresent()) {
            if (configs.get() instanceof ListValue list) {
                for (Value item : list.items()) {
                    if (item instanceof MapValue spec) {
                        endpoints.add(endpoint(spec, region));
                    } else {
                        known = false;
                    }
                }
            } else {
                known = false;
            }
        }
        return new GaEndpointGroup(group, region, dial, endpoints, known);
    }

    private GaEndpointGroup.Endpoint endpoint(MapValue spec, Optional<String> groupRegion) {
        Optional<Value> weightValue = spec.get("Weight");
        Optional<Long> weight = weightValue.isEmpty() ? Optional.of(GaEndpointGroup.DEFAULT_WEIGHT)
                : weightValue.get().text().flatMap(DnsRecord::number);
        Optional<String> id = spec.textAt("EndpointId");
        Optional<Resource> target = id.filter(Tokens::containsToken).flatMap(Tokens::resourceKey).map(byKey::get);
        GaEndpointGroup.EndpointKind kind = GaEndpointGroup.EndpointKind.UNKNOWN;
        Optional<String> region = target.flatMap(Resource::region);
        if (target.isPresent()) {
            kind = switch (target.get().type()) {
                case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> GaEndpointGroup.EndpointKind.LOAD_BALANCER;
                case "AWS::EC2::Instance" -> GaEndpointGroup.EndpointKind.EC2_INSTANCE;
                case "AWS::EC2::EIP" -> GaEndpointGroup.EndpointKind.ELASTIC_IP;
                default -> GaEndpointGroup.EndpointKind.UNKNOWN;
            };
        } else if (id.isPresent() && !Tokens.containsToken(id.get())) {
            String text = id.get();
            if (text.contains(":elasticloadbalancing:")) {
                kind = GaEndpointGroup.EndpointKind.LOAD_BALANCER;
            } else if (text.startsWith("i-")) {
                kind = GaEndpointGroup.EndpointKind.EC2_INSTANCE;
            } else if (text.startsWith("eipalloc-")) {
                kind = GaEndpointGroup.EndpointKind.ELASTIC_IP;
            }
            Optional<String> named = Arn.parse(text).map(Arn::region).filter(Regions::isRegionCode);
            if (named.isPresent()) {
                region = named;
            }
        }
        return new GaEndpointGroup.Endpoint(spec, weight, kind, target, region.or(() -> groupRegion));
    }

    private static Optional<Double> decimal(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- ARC -----------------------------------------------------------------------------------

    /** Controls and rules join their panel, and rules their controls, by reference or by recorded ARN. */
    private void linkControlPanels() {
        Map<String, List<Resource>> controls = new LinkedHashMap<>();
        Map<String, List<ArcControlPanel.SafetyRule>> rules = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, Optional<Resource>> panelOf = new HashMap<>();
        for (Resource panel : type(ARC_PANEL)) {
            controls.put(panel.key(), new ArrayList<>());
            labels.put(panel.key(), "control panel '" + panel.properties().textAt("Name").orElse(panel.logicalId()) + "'");
            panelOf.put(panel.key(), Optional.of(panel));
        }
        for (Resource control : type(ARC_ROUTING_CONTROL)) {
            String key = panelKey(control, labels, panelOf);
            controls.computeIfAbsent(key, k -> new ArrayList<>()).add(control);
        }
        for (Resource rule : type(ARC_SAFETY_RULE)) {
            String key = panelKey(rule, labels, panelOf);
            controls.computeIfAbsent(key, k -> new ArrayList<>());
            rules.computeIfAbsent(key, k -> new ArrayList<>()).add(safetyRule(rule));
        }
        controls.forEach((key, list) -> panels.add(new ArcControlPanel(panelOf.getOrDefault(key, Optional.empty()),
                labels.get(key), list, rules.getOrDefault(key, List.of()))));
    }

    private String panelKey(Resource member, Map<String, String> labels, Map<String, Optional<Resource>> panelOf) {
        Optional<Value> arn = member.properties().get("ControlPanelArn");
        if (arn.isEmpty()) {
            Optional<String> cluster = member.properties().textAt("ClusterArn");
            // the cluster's token or ARN names one cluster; without one, the control joins nothing
            String key = cluster.map(c -> "default:" + c).orElse("unknown:" + member.key());
            labels.putIfAbsent(key, cluster.map(c -> "the default control panel of cluster '" + Tokens.display(c) + "'")
                    .orElse("the default control panel of an unknown cluster"));
            return key;
        }
        Optional<String> text = arn.get().text();
        if (text.isEmpty()) {
            String key = "unknown:" + member.key();
            labels.putIfAbsent(key, "a control panel whose ARN is not known");
            return key;
        }
        Optional<Resource> panel = byReference(text.get(), ARC_PANEL);
        if (panel.isPresent()) {
            return panel.get().key();
        }
        String key = "arn:" + text.get();
        labels.putIfAbsent(key, "control panel '" + Tokens.display(text.get()) + "'");
        panelOf.putIfAbsent(key, Optional.empty());
        return key;
    }

    private ArcControlPanel.SafetyRule safetyRule(Resource rule) {
        Optional<Value> named = rule.properties().at("AssertionRule", "AssertedControls")
                .or(() -> rule.properties().at("GatingRule", "TargetControls"));
        List<Resource> resolved = new ArrayList<>();
        boolean complete = named.isPresent() && named.get() instanceof ListValue;
        if (named.isPresent() && named.get() instanceof ListValue list) {
            for (Value v : list.items()) {
                Optional<Resource> control = v.text().flatMap(t -> byReference(t, ARC_ROUTING_CONTROL));
                if (control.isPresent()) {
                    resolved.add(control.get());
                } else {
                    complete = false;
                }
            }
        }
        return new ArcControlPanel.SafetyRule(rule, resolved, complete);
    }
}
