package io.regionlint.rules.drift;

import io.regionlint.engine.RuleContext;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Every difference between a declared resource and what AWS Config recorded of it, computed once
 * per topology and sorted into three kinds, one per rule, so that no difference is reported
 * twice: a setting that changed (RL8001), one that left the system less able to survive a Region
 * (RL8005: a replication rule removed or disabled, versioning suspended, deletion protection or
 * point-in-time recovery off), and a replica set that changed (RL8006).
 *
 * <p>Value normalisation (../shared/reference/aws-config-and-drift.md §3.3): only settings the
 * template states are compared (an absent one is a default, which Config records as a value); an
 * unknown template value is never drift; scalars compare without case or surrounding space, so
 * {@code Enabled}/{@code enabled} and {@code true}/{@code "true"} are equal; numbers compare by
 * value ({@code 10}, {@code "10"}, {@code 10.0}); buckets compare by name whether written as ARN or
 * name; replica sets compare as sets of Regions, whatever their order; replication rules join by
 * {@code Id}, never by position.
 */
final class Differences {

    enum Kind { CHANGED, WEAKENED, REPLICAS }

    /**
     * One difference.
     *
     * @param what the setting and its two values, for the message ("Status is 'Enabled' in the
     *     template but 'Disabled' where it is deployed")
     * @param at where the template states it
     * @param deployedAt where Config recorded it (empty: the recorded resource as a whole)
     * @param severity a severity other than the rule's, where the difference is smaller
     * @param region the Region the difference is about, where it is not the resource's own (a replica's)
     */
    record Difference(Kind kind, Resource declared, Resource observed, String what, Value at,
                      Optional<Value> deployedAt, Optional<Severity> severity, Optional<String> region) {

        Difference(Kind kind, Resource declared, Resource observed, String what, Value at,
                   Optional<Value> deployedAt, Optional<Severity> severity) {
            this(kind, declared, observed, what, at, deployedAt, severity, Optional.empty());
        }
    }

    /** One compared setting: what it is called in messages, how to read and normalise it, what weakens it. */
    private record Setting(String type, String label, Function<MapValue, Optional<Value>> read,
                           Function<Value, Optional<String>> normalise, Optional<String> strongValue) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("AWS::S3::Bucket", "VersioningConfiguration.Status",
                    p -> p.at("VersioningConfiguration", "Status"), Differences::word, Optional.of("enabled")),
            new Setting("AWS::DynamoDB::GlobalTable", "BillingMode", p -> p.get("BillingMode"),
                    Differences::word, Optional.empty()),
            new Setting("AWS::DynamoDB::Table", "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                    p -> p.at("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"), Differences::word,
                    Optional.of("true")),
            new Setting("AWS::DynamoDB::Table", "ProvisionedThroughput.ReadCapacityUnits",
                    p -> p.at("ProvisionedThroughput", "ReadCapacityUnits"), Differences::number, Optional.empty()),
            new Setting("AWS::RDS::DBCluster", "EngineVersion", p -> p.get("EngineVersion"),
                    Differences::word, Optional.empty()),
            new Setting("AWS::RDS::DBCluster", "DeletionProtection", p -> p.get("DeletionProtection"),
                    Differences::word, Optional.of("true")),
            new Setting("AWS::RDS::DBCluster", "BackupRetentionPeriod", p -> p.get("BackupRetentionPeriod"),
                    Differences::number, Optional.empty()),
            new Setting("AWS::KMS::Key", "MultiRegion", p -> p.get("MultiRegion"), Differences::word,
                    Optional.empty()));

    private static final Map<Topology, List<Difference>> COMPUTED = Collections.synchronizedMap(new WeakHashMap<>());

    private final DeclaredDeployed joined;
    private final List<Difference> out = new ArrayList<>();

    private Differences(DeclaredDeployed joined) {
        this.joined = joined;
    }

    static List<Difference> of(Topology topology, Kind kind) {
        return COMPUTED.computeIfAbsent(topology, t -> new Differences(DeclaredDeployed.of(t)).all()).stream()
                .filter(d -> d.kind() == kind).toList();
    }

    private List<Difference> all() {
        for (DeclaredDeployed.Pair pair : joined.pairs()) {
            Resource declared = pair.declared();
            Resource observed = pair.observed();
            for (Setting s : SETTINGS) {
                if (declared.isType(s.type())) {
                    compare(declared, observed, s.label(), s.read().apply(declared.properties()),
                            s.read().apply(observed.properties()), s.normalise(), s.strongValue());
                }
            }
            if (declared.isType("AWS::S3::Bucket")) {
                replication(declared, observed);
            } else if (declared.isType("AWS::DynamoDB::GlobalTable")) {
                replicas(declared, observed);
            } else if (declared.isType("AWS::SecretsManager::Secret")) {
                secretReplicas(declared, observed);
            }
        }
        return List.copyOf(out);
    }

    // ---- S3 replication rules, joined by Id --------------------------------------------------

    private void replication(Resource declared, Resource observed) {
        for (MapValue rule : rules(declared)) {
            Optional<String> id = rule.get("Id").flatMap(Value::text);
            if (id.isEmpty()) {
                continue; // CloudFormation generates the id of a rule without one: nothing to join on
            }
            Optional<MapValue> deployed = rules(observed).stream()
                    .filter(r -> r.get("Id").flatMap(Value::text).equals(id)).findFirst();
            String label = "replication rule '" + id.get() + "'";
            if (deployed.isEmpty()) {
                if (rule.textAt("Status").map("enabled"::equalsIgnoreCase).orElse(true)) {
                    out.add(new Difference(Kind.WEAKENED, declared, observed, label + " is declared in the template"
                            + " but not deployed: nothing is replicated by it", rule,
                            observed.properties().get("ReplicationConfiguration"), Optional.empty()));
                }
                continue;
            }
            MapValue live = deployed.get();
            compare(declared, observed, label + " Status", rule.get("Status"), live.get("Status"),
                    Differences::word, Optional.of("enabled"));
            compare(declared, observed, label + " DeleteMarkerReplication.Status",
                    rule.at("DeleteMarkerReplication", "Status"), live.at("DeleteMarkerReplication", "Status"),
                    Differences::word, Optional.of("enabled"));
            compare(declared, observed, label + " SourceSelectionCriteria.ReplicaModifications.Status",
                    rule.at("SourceSelectionCriteria", "ReplicaModifications", "Status"),
                    live.at("SourceSelectionCriteria", "ReplicaModifications", "Status"), Differences::word,
                    Optional.of("enabled"));
            compare(declared, observed, label + " Destination.ReplicationTime.Status",
                    rule.at("Destination", "ReplicationTime", "Status"),
                    live.at("Destination", "ReplicationTime", "Status"), Differences::word, Optional.of("enabled"));
            compare(declared, observed, label + " destination", rule.at("Destination", "Bucket"),
                    live.at("Destination", "Bucket"), Differences::bucket, Optional.empty());
        }
    }

    static List<MapValue> rules(Resource r) {
        List<MapValue> out = new ArrayList<>();
        if (r.properties().at("ReplicationConfiguration", "Rules").orElse(null) instanceof ListValue list) {
            list.items().stream().filter(MapValue.class::isInstance).map(MapValue.class::cast).forEach(out::add);
        }
        return out;
    }

    // ---- DynamoDB global table: its Regions, and each replica's own settings -----------------

    private void replicas(Resource declared, Resource observed) {
        Map<String, MapValue> was = byRegion(declared.properties().get("Replicas"), "Region");
        Map<String, MapValue> is = byRegion(observed.properties().get("Replicas"), "Region");
        if (was == null || is == null) {
            return; // a replica Region the template does not know: the set cannot be compared
        }
        regionSet(declared, observed, "replica", was, is, declared.properties().get("Replicas"),
                observed.properties().get("Replicas"), r -> true);
        was.forEach((region, replica) -> {
            MapValue live = is.get(region);
            if (live == null) {
                return;
            }
            String label = "replica " + region + " ";
            compare(declared, observed, label + "ReadProvisionedThroughputSettings.ReadCapacityUnits",
                    replica.at("ReadProvisionedThroughputSettings", "ReadCapacityUnits"),
                    live.at("ReadProvisionedThroughputSettings", "ReadCapacityUnits"), Differences::number,
                    Optional.empty(), Optional.of(region));
            compare(declared, observed, label + "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                    replica.at("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"),
                    live.at("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"), Differences::word,
                    Optional.of("true"), Optional.of(region));
            compare(declared, observed, label + "TableClass", replica.get("TableClass"), live.get("TableClass"),
                    Differences::word, Optional.empty(), Optional.of(region));
        });
    }

    /**
     * A secret's replica Regions. Config records each replica as a secret of the same name in its
     * own Region, which the model gathers into the primary's {@code ReplicaRegions}; a secret with
     * no copy elsewhere has none. A declared replica Region is missing only where Config records
     * secrets at all.
     */
    private void secretReplicas(Resource declared, Resource observed) {
        Optional<Value> declaredList = declared.properties().get("ReplicaRegions");
        if (declaredList.isEmpty()) {
            return;
        }
        Map<String, MapValue> was = byRegion(declaredList, "Region");
        Optional<Value> observedList = observed.properties().get("ReplicaRegions");
        Map<String, MapValue> listed = observedList.isPresent() ? byRegion(observedList, "Region") : Map.of();
        if (was == null || listed == null) {
            return;
        }
        // the model keeps one copy of a replicated secret (its primary, else the first Region by code):
        // the Regions holding it are that copy's and its ReplicaRegions, less the declared one's own
        Map<String, MapValue> is = new LinkedHashMap<>(listed);
        observed.region().ifPresent(r -> is.putIfAbsent(r, MapValue.empty(observed.node())));
        declared.region().ifPresent(is::remove);
        regionSet(declared, observed, "replica", was, is, declaredList, observedList,
                region -> joined.recordedIn(declared.type(), declared.stack().account(), Optional.of(region)));
    }

    private void regionSet(Resource declared, Resource observed, String noun, Map<String, MapValue> was,
                           Map<String, MapValue> is, Optional<Value> declaredList, Optional<Value> observedList,
                           java.util.function.Predicate<String> recorded) {
        String liveSet = is.isEmpty() ? "none" : String.join(", ", new TreeSet<>(is.keySet()));
        String declaredSet = String.join(", ", new TreeSet<>(was.keySet()));
        was.forEach((region, replica) -> {
            if (!is.containsKey(region) && recorded.test(region)) {
                out.add(new Difference(Kind.REPLICAS, declared, observed, "the template declares a " + noun + " in "
                        + region + " but none is deployed there (declared Regions: " + declaredSet + "; deployed: "
                        + liveSet + ")", replica.get("Region").orElse(replica), observedList, Optional.empty(),
                        Optional.of(region)));
            }
        });
        TreeSet<String> extra = new TreeSet<>(is.keySet());
        extra.removeAll(was.keySet());
        extra.remove(declared.region().orElse(""));
        if (!extra.isEmpty() && declaredList.isPresent()) {
            out.add(new Difference(Kind.REPLICAS, declared, observed, "a " + noun + " is deployed in "
                    + String.join(", ", extra) + ", which the template does not declare (declared Regions: "
                    + declaredSet + "; deployed: " + liveSet + ")", declaredList.get(), observedList,
                    Optional.of(Severity.WARNING)));
        }
    }

    /** A list of maps by their Region; null when one Region is not known. */
    private static Map<String, MapValue> byRegion(Optional<Value> list, String key) {
        Map<String, MapValue> out = new LinkedHashMap<>();
        if (list.isEmpty() || !(list.get() instanceof ListValue items)) {
            return list.isEmpty() ? out : null;
        }
        for (Value item : items.items()) {
            Optional<String> region = item instanceof MapValue m ? m.get(key).flatMap(Differences::word)
                    : Optional.empty();
            if (region.isEmpty()) {
                return null;
            }
            out.put(region.get(), (MapValue) item);
        }
        return out;
    }

    // ---- comparing one value ------------------------------------------------------------------

    private void compare(Resource declared, Resource observed, String label, Optional<Value> template,
                         Optional<Value> deployed, Function<Value, Optional<String>> normalise,
                         Optional<String> strongValue) {
        compare(declared, observed, label, template, deployed, normalise, strongValue, Optional.empty());
    }

    private void compare(Resource declared, Resource observed, String label, Optional<Value> template,
                         Optional<Value> deployed, Function<Value, Optional<String>> normalise,
                         Optional<String> strongValue, Optional<String> region) {
        if (template.isEmpty() || deployed.isEmpty()) {
            return; // not stated in the template (a default), or not recorded by Config
        }
        Optional<String> was = normalise.apply(template.get());
        Optional<String> is = normalise.apply(deployed.get());
        if (was.isEmpty() || is.isEmpty() || was.get().equals(is.get())) {
            return;
        }
        Kind kind = strongValue.filter(was.get()::equals).isPresent() ? Kind.WEAKENED : Kind.CHANGED;
        out.add(new Difference(kind, declared, observed, label + " is " + shown(template.get(), was.get())
                + " in the template but " + shown(deployed.get(), is.get()) + " where it is deployed",
                template.get(), deployed, Optional.empty(), region));
    }

    /** Reports a difference at the template's value, with what Config recorded as the related place. */
    static void report(RuleContext context, Difference d, String fix) {
        Resource declared = d.declared();
        Resource observed = d.observed();
        String captured = observed.observed().flatMap(o -> o.captureTime()).map(t -> ", captured " + t).orElse("");
        var finding = context.report(Site.of(declared, d.at()), declared.type().replace("AWS::", "") + " "
                        + DeclaredDeployed.describe(declared) + ": " + d.what() + " (AWS Config" + captured + "); "
                        + fix)
                .related(observed, d.deployedAt().or(() -> Optional.of(observed.properties())),
                        "what AWS Config recorded")
                .regions(d.region())
                .key(d.what());
        d.severity().ifPresent(finding::severity);
    }

    private static String shown(Value v, String normalised) {
        return v instanceof ListValue ? "[" + normalised + "]" : "'" + v.text().orElse(normalised) + "'";
    }

    /** A scalar compared without case and surrounding space ("Enabled", "enabled", "true", "True"). */
    static Optional<String> word(Value v) {
        return v.isUnknown() ? Optional.empty() : v.text().map(t -> t.trim().toLowerCase(Locale.ROOT));
    }

    /** A number by value: 10, "10" and 10.0 are equal; text that is no number compares as a word. */
    static Optional<String> number(Value v) {
        return word(v).map(t -> {
            try {
                return new BigDecimal(t).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return t;
            }
        });
    }

    /** A bucket named by ARN or by name. */
    static Optional<String> bucket(Value v) {
        return word(v).map(Differences::bucketName);
    }

    static String bucketName(String arnOrName) {
        return arnOrName.startsWith("arn:") ? arnOrName.substring(arnOrName.lastIndexOf(':') + 1) : arnOrName;
    }
}
