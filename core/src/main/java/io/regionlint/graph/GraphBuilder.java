package io.regionlint.graph;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Related;
import io.regionlint.engine.ResourceRef;
import io.regionlint.model.DnsRecord;
import io.regionlint.model.GaEndpointGroup;
import io.regionlint.model.GaListener;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.KeyUse;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.RecordGroup;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.RoleUse;
import io.regionlint.model.Route53HealthCheck;
import io.regionlint.model.SecretUse;
import io.regionlint.model.StackId;
import io.regionlint.model.StackInstance;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link LintResult} (its topology and findings) into a {@link SystemGraph}.
 *
 * <p>What is drawn: every link that copies data or keys across Regions (replication, global
 * table replicas, global database members, replica keys), every link between two stacks or two
 * Regions (a role or key of a global stack, a secret read from another Region, a cross-stack
 * reference), and the links of a resource already drawn (a replicating bucket's role), one step
 * out and no further: that keeps a 50-stack system readable. Resources with a finding are drawn
 * whatever their links. Everything else is counted per stack.
 *
 * <p>Maps are only looked up, never iterated into output: every list here follows the
 * topology's order or an explicit sort, so the same input always gives the same graph.
 */
public final class GraphBuilder {

    private final Topology topology;
    private final List<Finding> findings;
    /** Edge candidates by (from, to, kind), first one wins, in discovery order. */
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    /** Replicas and witnesses of global tables, by virtual key. */
    private final Map<String, Virtual> virtuals = new LinkedHashMap<>();

    private GraphBuilder(LintResult result) {
        this.topology = result.topology();
        this.findings = result.findings();
    }

    /** The graph of a run. */
    public static SystemGraph build(LintResult result) {
        return new GraphBuilder(result).build();
    }

    /** A link between two resource keys (or virtual keys), before it is known to be drawn. */
    private record Candidate(String from, String to, EdgeKind kind, String label, boolean intrinsic) {
    }

    /** A replica or witness of a global table in a Region where no stack declares it. */
    private record Virtual(String key, Resource table, String region, String kind) {
    }

    private SystemGraph build() {
        replication();
        globalTables();
        globalDatabases();
        replicaKeys();
        keyUses();
        roleUses();
        secretUses();
        routing();
        references();

        Map<String, List<Finding>> byResource = new HashMap<>();
        List<Finding> unplaced = new ArrayList<>();
        for (Finding f : findings) {
            Optional<String> key = f.resource().map(GraphBuilder::keyOf).filter(k -> topology.resource(k).isPresent());
            if (key.isPresent()) {
                byResource.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(f);
            } else {
                unplaced.add(f);
            }
        }

        // first ring: data copies, links across stacks or Regions, resources with findings
        Set<String> core = new HashSet<>(byResource.keySet());
        for (Candidate c : candidates.values()) {
            if (c.intrinsic() || crosses(c)) {
                core.add(c.from());
                core.add(c.to());
            }
        }
        // second ring: the links of a drawn resource, one step out
        List<Candidate> drawn = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (Candidate c : candidates.values()) {
            if (c.kind() != EdgeKind.REFERENCE && (c.intrinsic() || crosses(c) || core.contains(c.from())
                    || core.contains(c.to()))) {
                drawn.add(c);
                pairs.add(pair(c.from(), c.to()));
            }
        }
        // a reference is only worth its own edge where no other link already joins the two
        for (Candidate c : candidates.values()) {
            if (c.kind() == EdgeKind.REFERENCE && pairs.add(pair(c.from(), c.to()))) {
                drawn.add(c);
            }
        }
        Set<String> shown = new HashSet<>(byResource.keySet());
        drawn.forEach(c -> {
            shown.add(c.from());
            shown.add(c.to());
        });

        Map<String, String> nodeIds = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        List<SystemGraph.Column> columns = columns(shown, byResource, nodeIds, order);
        List<SystemGraph.Edge> edges = edges(drawn, nodeIds, order, byResource);
        return new SystemGraph(columns, edges, unplaced, findings);
    }

    // ---------------------------------------------------------------------------------- links

    private void replication() {
        for (ReplicationRule rule : topology.replicationRules()) {
            Resource source = rule.source();
            rule.destination().ifPresent(d -> add(source.key(), d.key(), EdgeKind.REPLICATION,
                    EdgeKind.REPLICATION.label() + (rule.enabled() ? "" : " (disabled)"), true));
            rule.role().ifPresent(r -> add(source.key(), r.key(), EdgeKind.REPLICATION_ROLE,
                    EdgeKind.REPLICATION_ROLE.label(), false));
        }
    }

    private void globalTables() {
        for (GlobalTable table : topology.globalTables()) {
            Resource t = table.table();
            for (String region : table.replicaRegions()) {
                if (!table.stackRegion().map(region::equals).orElse(false)) {
                    String key = virtual(t, region, "replica");
                    add(t.key(), key, EdgeKind.TABLE_REPLICA, "replica", true);
                }
            }
            for (String region : table.witnessRegions()) {
                String key = virtual(t, region, "witness");
                add(t.key(), key, EdgeKind.TABLE_REPLICA, "witness", true);
            }
        }
    }

    private String virtual(Resource table, String region, String kind) {
        String key = "virtual:" + kind + ":" + region + ":" + table.key();
        virtuals.putIfAbsent(key, new Virtual(key, table, region, kind));
        return key;
    }

    private void globalDatabases() {
        for (GlobalDatabase db : topology.globalDatabases()) {
            List<Resource> members = db.members();
            if (db.globalCluster().isPresent()) {
                Resource global = db.globalCluster().get();
                for (Resource m : members) {
                    boolean primary = db.primary().map(p -> p.key().equals(m.key())).orElse(false);
                    add(global.key(), m.key(), EdgeKind.GLOBAL_MEMBER, primary ? "primary member" : "member", true);
                }
            } else if (!members.isEmpty()) {
                Resource head = db.primary().orElse(members.get(0));
                for (Resource m : members) {
                    if (!m.key().equals(head.key())) {
                        add(head.key(), m.key(), EdgeKind.GLOBAL_MEMBER, db.primary().isPresent()
                                ? "secondary" : "member", true);
                    }
                }
            }
            for (Resource m : members) {
                for (Resource instance : topology.instancesOf(m)) {
                    add(m.key(), instance.key(), EdgeKind.DB_INSTANCE, EdgeKind.DB_INSTANCE.label(), false);
                }
            }
        }
    }

    private void replicaKeys() {
        for (Resource key : topology.resources("AWS::KMS::Key")) {
            for (Resource replica : topology.replicaKeysOf(key)) {
                add(key.key(), replica.key(), EdgeKind.REPLICA_KEY, EdgeKind.REPLICA_KEY.label(), true);
            }
        }
    }

    private void keyUses() {
        for (KeyUse use : topology.keyUses()) {
            Optional<Resource> key = use.location().key();
            if (key.isEmpty()) {
                continue;
            }
            // the replica a key protects, where the picture draws it, rather than the table
            String from = use.copyRegion().map(r -> "virtual:replica:" + r + ":" + use.owner().key())
                    .filter(virtuals::containsKey).orElse(use.owner().key());
            add(from, key.get().key(), EdgeKind.KEY_USE, EdgeKind.KEY_USE.label(), false);
        }
    }

    private void roleUses() {
        for (RoleUse use : topology.roleUses()) {
            add(use.compute().key(), use.role().key(), EdgeKind.ROLE_USE, EdgeKind.ROLE_USE.label(), false);
        }
    }

    private void secretUses() {
        for (SecretUse use : topology.secretUses()) {
            use.secret().ifPresent(s -> add(use.user().key(), s.key(), EdgeKind.SECRET_READ,
                    EdgeKind.SECRET_READ.label(), false));
        }
    }

    /**
     * Traffic: the records of a Route 53 group joined across stacks and Regions (a failover
     * primary to its secondary, other policies member to member in the group's order), each to
     * its health check and target; Global Accelerator listeners to their endpoint groups and the
     * endpoints they send traffic to.
     */
    private void routing() {
        for (RecordGroup group : topology.recordGroups()) {
            List<DnsRecord> records = group.records();
            boolean failover = group.policy() == DnsRecord.RoutingPolicy.FAILOVER;
            List<DnsRecord> ordered = failover ? records.stream()
                    .sorted(Comparator.comparing(r -> !"PRIMARY".equals(r.failoverRole().orElse("")))).toList()
                    : records;
            for (int i = 1; i < ordered.size(); i++) {
                String label = failover ? "fails over to" : group.policy().label() + " peer";
                add(ordered.get(i - 1).resource().key(), ordered.get(i).resource().key(), EdgeKind.ROUTING_PEER,
                        label, true);
            }
            for (DnsRecord record : records) {
                record.healthCheck().ifPresent(h -> healthCheck(record.resource().key(), h));
                record.target().ifPresent(t -> add(record.resource().key(), t.key(), EdgeKind.TRAFFIC,
                        EdgeKind.TRAFFIC.label(), false));
            }
        }
        for (GaListener listener : topology.gaListeners()) {
            Optional<Resource> head = listener.listener().or(listener::accelerator);
            for (GaEndpointGroup group : listener.groups()) {
                head.ifPresent(h -> add(h.key(), group.resource().key(), EdgeKind.ENDPOINT_GROUP,
                        EdgeKind.ENDPOINT_GROUP.label() + group.region().map(r -> " " + r).orElse(""), true));
                for (GaEndpointGroup.Endpoint endpoint : group.endpoints()) {
                    endpoint.target().ifPresent(t -> add(group.resource().key(), t.key(), EdgeKind.TRAFFIC,
                            EdgeKind.TRAFFIC.label(), false));
                }
            }
        }
    }

    private void healthCheck(String from, Route53HealthCheck check) {
        add(from, check.resource().key(), EdgeKind.HEALTH_CHECK, EdgeKind.HEALTH_CHECK.label(), false);
        for (Route53HealthCheck child : check.children()) {
            healthCheck(check.resource().key(), child);
        }
    }

    /**
     * Values that name a resource of another stack: what imports, stack outputs and CDK
     * cross-Region references resolved to. Only the first resource a text names is seen (a
     * {@code Fn::Sub} naming two others draws one edge).
     */
    private void references() {
        for (Resource r : topology.resources()) {
            Set<String> targets = new TreeSet<>();
            tokens(r.properties(), targets);
            for (String target : targets) {
                Optional<Resource> to = topology.resource(target);
                if (to.isPresent() && !to.get().stack().id().equals(r.stack().id())) {
                    boolean crossRegion = !r.region().equals(to.get().region());
                    add(r.key(), target, EdgeKind.REFERENCE, crossRegion ? "cross-Region reference"
                            : "cross-stack reference", false);
                }
            }
        }
    }

    private static void tokens(Value value, Set<String> out) {
        if (value instanceof MapValue map) {
            map.entries().values().forEach(v -> tokens(v, out));
        } else if (value instanceof ListValue list) {
            list.items().forEach(v -> tokens(v, out));
        } else {
            value.text().filter(Tokens::containsToken).flatMap(Tokens::resourceKey).ifPresent(out::add);
        }
    }

    private void add(String from, String to, EdgeKind kind, String label, boolean intrinsic) {
        if (!from.equals(to)) {
            candidates.putIfAbsent(from + "\n" + to + "\n" + kind, new Candidate(from, to, kind, label, intrinsic));
        }
    }

    private boolean crosses(Candidate c) {
        return !stackOf(c.from()).equals(stackOf(c.to())) || !regionOf(c.from()).equals(regionOf(c.to()));
    }

    private Optional<String> stackOf(String key) {
        return topology.resource(key).map(r -> r.stack().id().key());
    }

    private Optional<String> regionOf(String key) {
        Virtual v = virtuals.get(key);
        return v != null ? Optional.of(v.region()) : topology.resource(key).flatMap(Resource::region);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a;
    }

    static String keyOf(ResourceRef ref) {
        return Resource.key(new StackId(ref.account(), ref.region(), ref.stack()), ref.logicalId());
    }

    // -------------------------------------------------------------------------------- layout

    private List<SystemGraph.Column> columns(Set<String> shown, Map<String, List<Finding>> byResource,
                                             Map<String, String> nodeIds, Map<String, Integer> order) {
        Map<String, List<Resource>> byStack = new HashMap<>();
        for (Resource r : topology.resources()) {
            byStack.computeIfAbsent(r.stack().id().key(), k -> new ArrayList<>()).add(r);
        }
        List<SystemGraph.Column> columns = new ArrayList<>();
        int columnIndex = 0;
        for (Optional<String> region : regions()) {
            List<SystemGraph.Box> boxes = new ArrayList<>();
            for (StackInstance stack : topology.stacks()) {
                if (!stack.region().equals(region)) {
                    continue;
                }
                List<Resource> resources = byStack.getOrDefault(stack.id().key(), List.of());
                List<SystemGraph.Node> nodes = new ArrayList<>();
                for (Resource r : resources) {
                    if (shown.contains(r.key())) {
                        nodes.add(node(r.key(), r.displayName(), r.logicalId(), r.type(), r.constructPath(),
                                Optional.of(r.observed().map(o -> o.file() + ":" + o.range().line())
                                        .orElse(r.stack().file() + ":" + r.declaredAt().line())),
                                byResource.getOrDefault(r.key(), List.of()), nodeIds, order));
                    }
                }
                boxes.add(new SystemGraph.Box("b" + boxes.size() + "c" + columnIndex, stack.name(), stack.group(),
                        true, stack.account(), nodes, resources.size() - nodes.size()));
                // the copies a twin of this stack creates here sit right under it, so their
                // edges stay short (a table in app-us-east-1 with a replica beside app-eu-west-1)
                copies(region, stack.group(), boxes, columnIndex, shown, nodeIds, order);
            }
            // the rest, one box per group of the stacks that create them (a global stack's table)
            Set<String> creators = new LinkedHashSet<>();
            virtuals.values().forEach(v -> creators.add(v.table().stack().group()));
            for (String group : creators) {
                copies(region, group, boxes, columnIndex, shown, nodeIds, order);
            }
            columns.add(new SystemGraph.Column("c" + columnIndex, region,
                    region.flatMap(topology::regionRole).map(r -> r.name().toLowerCase(Locale.ROOT)), boxes));
            columnIndex++;
        }
        return columns;
    }

    /**
     * A box of the replicas and witnesses drawn in this Region whose table a stack of this group
     * declares, each drawn once, named after those stacks. The box shares the group's band, so
     * the copies sit level with the stacks that create them.
     */
    private void copies(Optional<String> region, String group, List<SystemGraph.Box> boxes, int columnIndex,
                        Set<String> shown, Map<String, String> nodeIds, Map<String, Integer> order) {
        List<SystemGraph.Node> copies = new ArrayList<>();
        Set<String> creators = new LinkedHashSet<>();
        for (Virtual v : virtuals.values()) {
            if (region.isPresent() && v.region().equals(region.get()) && shown.contains(v.key())
                    && !nodeIds.containsKey(v.key()) && v.table().stack().group().equals(group)) {
                copies.add(node(v.key(), v.table().displayName(), v.table().logicalId(),
                        v.table().type() + " " + v.kind(), v.table().constructPath(), Optional.empty(), List.of(),
                        nodeIds, order));
                creators.add(v.table().stack().name());
            }
        }
        if (!copies.isEmpty()) {
            boxes.add(new SystemGraph.Box("b" + boxes.size() + "c" + columnIndex, "copies created by "
                    + String.join(", ", creators), group, false, Optional.empty(), copies, 0));
        }
    }

    private static SystemGraph.Node node(String key, String label, String logicalId, String type,
                                         Optional<String> constructPath, Optional<String> file, List<Finding> findings,
                                         Map<String, String> nodeIds, Map<String, Integer> order) {
        String id = "n" + nodeIds.size();
        order.put(key, nodeIds.size());
        nodeIds.put(key, id);
        return new SystemGraph.Node(id, label, logicalId, type, constructPath, file, findings);
    }

    /**
     * The Regions as columns: in the order the stacks first name them (the project file's or the
     * cloud assembly's order), then Regions named only by roles or replicas, by name; the
     * unknown Region last.
     */
    private List<Optional<String>> regions() {
        Set<String> named = new LinkedHashSet<>();
        boolean unknown = false;
        for (StackInstance s : topology.stacks()) {
            s.region().ifPresent(named::add);
            unknown |= s.region().isEmpty();
        }
        Set<String> others = new TreeSet<>(topology.regionRoles().keySet());
        virtuals.values().forEach(v -> others.add(v.region()));
        named.addAll(others);
        List<Optional<String>> out = new ArrayList<>();
        named.forEach(r -> out.add(Optional.of(r)));
        if (unknown) {
            out.add(Optional.empty());
        }
        return out;
    }

    private List<SystemGraph.Edge> edges(List<Candidate> drawn, Map<String, String> nodeIds,
                                         Map<String, Integer> order, Map<String, List<Finding>> byResource) {
        List<Candidate> sorted = new ArrayList<>(drawn);
        sorted.sort(Comparator.comparingInt((Candidate c) -> order.get(c.from()))
                .thenComparingInt(c -> order.get(c.to())).thenComparing(Candidate::kind));
        Map<String, List<Integer>> byEnds = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            byEnds.computeIfAbsent(sorted.get(i).from() + "\n" + sorted.get(i).to(), k -> new ArrayList<>()).add(i);
        }
        List<List<Finding>> about = new ArrayList<>();
        sorted.forEach(c -> about.add(new ArrayList<>()));
        for (Finding f : findings) {
            for (int i : edgesOf(f, byEnds)) {
                about.get(i).add(f);
            }
        }
        List<SystemGraph.Edge> edges = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            edges.add(new SystemGraph.Edge("e" + i, nodeIds.get(c.from()), nodeIds.get(c.to()), c.kind(), c.label(),
                    !regionOf(c.from()).equals(regionOf(c.to())), about.get(i)));
        }
        return edges;
    }

    /**
     * The edges a finding is about: from its resource to a resource it names as related (the
     * peer bucket of a replication finding), or, where no edge leaves its resource that way,
     * the edges that come in from there. Replicas drawn for a global table are no resource a
     * finding can name: their findings stay on the table.
     */
    private static Set<Integer> edgesOf(Finding f, Map<String, List<Integer>> byEnds) {
        Set<Integer> out = new TreeSet<>();
        if (f.resource().isEmpty()) {
            return out;
        }
        String about = keyOf(f.resource().get());
        for (Related r : f.related()) {
            Optional<String> other = r.resource().map(GraphBuilder::keyOf).filter(k -> !k.equals(about));
            if (other.isPresent()) {
                List<Integer> outgoing = byEnds.getOrDefault(about + "\n" + other.get(), List.of());
                out.addAll(!outgoing.isEmpty() ? outgoing : byEnds.getOrDefault(other.get() + "\n" + about, List.of()));
            }
        }
        return out;
    }
}
