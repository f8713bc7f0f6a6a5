package io.regionlint.model;

import io.regionlint.load.ConfigItem;
import io.regionlint.load.ConfigMapper;
import io.regionlint.load.Document;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns configuration items into pseudo stack instances, one per account and Region (and one
 * per account for global types such as IAM, recorded in Region {@code global}: they apply to
 * every Region of their account), so that the topology builder and the same linkers model
 * deployed state exactly like templates. Each observed resource is declared as a template would
 * declare it ({@link ConfigMapper}'s CloudFormation shapes) under its ARN as logical id; its
 * physical id is what Config recorded.
 *
 * <p>Where Config records one resource several times, the pseudo stacks hold it once, shaped the
 * way a template declares it:
 * <ul>
 *   <li>the same ARN in several files (history, overlapping snapshots): the latest capture wins;</li>
 *   <li>a global table is recorded by each Region's recorder: one {@code AWS::DynamoDB::GlobalTable}
 *       is kept (in the first Region by code), its {@code Replicas} holding its own Region and
 *       every Region any copy was recorded in or lists;</li>
 *   <li>a replicated secret is a secret of the same name in several Regions of one account: the
 *       copy in its {@code PrimaryRegion} (else the first Region by code) is kept, the others
 *       become its {@code ReplicaRegions};</li>
 *   <li>a global cluster's {@code GlobalClusterMembers} name member clusters by ARN: each member
 *       gains {@code GlobalClusterIdentifier}, and the writer becomes the global cluster's
 *       {@code SourceDBClusterIdentifier}, which is how templates state membership.</li>
 * </ul>
 * Not thread-safe; one instance per topology being planned.
 */
public final class ObservedStacks {

    /** The name of every pseudo stack of deployed state; its account and Region tell them apart. */
    public static final String STACK_NAME = "deployed";

    private final Map<String, Entry> byArn = new LinkedHashMap<>();
    /** The latest resource list of each stack Config recorded, by account, Region and stack name. */
    private final Map<String, StackItem> stacks = new TreeMap<>();

    private record StackItem(DeployedCoverage.StackList list, Optional<java.time.Instant> capturedAt) {
    }

    /** One mapped item, without the item's tree. */
    private record Entry(String type, String physicalId, MapNode properties, Provenance.Observed observed,
                         Optional<java.time.Instant> capturedAt) {

        Entry(String type, String physicalId, MapNode properties, Provenance.Observed observed) {
            this(type, physicalId, properties, observed, Optional.empty());
        }

        String region() {
            return observed.region();
        }

        String account() {
            return observed.account();
        }
    }

    /**
     * Adds an item; items of types not modelled, deleted ones and AWS-managed keys are left out.
     * A CloudFormation stack's item is not a resource of the model: its resource list is kept
     * for {@link #stackLists()}.
     */
    public void add(ConfigItem item) {
        ConfigMapper.map(item).ifPresent(this::add);
        ConfigMapper.stackResources(item).ifPresent(s -> {
            String key = item.accountId() + " " + item.region() + " " + s.stackName();
            StackItem previous = stacks.get(key);
            if (previous == null || item.capturedAt().isPresent() && (previous.capturedAt().isEmpty()
                    || item.capturedAt().get().isAfter(previous.capturedAt().get()))) {
                stacks.put(key, new StackItem(new DeployedCoverage.StackList(item.accountId(), item.region(),
                        s.stackName(), s.physicalIds()), item.capturedAt()));
            }
        });
    }

    /** The resource lists of the stacks Config recorded (the latest item of each), by account, Region and name. */
    public List<DeployedCoverage.StackList> stackLists() {
        return stacks.values().stream().map(StackItem::list).toList();
    }

    private void add(ConfigMapper.Mapped mapped) {
        ConfigItem item = mapped.item();
        String arn = item.arn().orElse(item.resourceType() + "/" + item.resourceId());
        String itemPointer = item.configuration().pointer().replaceFirst("/configuration$", "");
        Entry entry = new Entry(mapped.type(), mapped.physicalId(), mapped.properties(),
                new Provenance.Observed(item.range(), itemPointer, item.captureTime(), arn, item.accountId(),
                        item.region(), item.resourceType(), mapped.physicalId()), item.capturedAt());
        String key = item.accountId() + " " + arn;
        Entry previous = byArn.get(key);
        if (previous == null || entry.capturedAt.isPresent() && (previous.capturedAt.isEmpty()
                || entry.capturedAt.get().isAfter(previous.capturedAt.get()))) {
            byArn.put(key, entry);
        }
    }

    public boolean isEmpty() {
        return byArn.isEmpty();
    }

    /** The Regions items were recorded in (never {@code global}), by code. */
    public List<String> regions() {
        return byArn.values().stream().map(Entry::region).filter(r -> !r.equals("global")).distinct().sorted()
                .toList();
    }

    /**
     * The pseudo stacks, by account then Region (the global one of an account first).
     *
     * @param file where reports say a pseudo stack comes from when no resource is named (the
     *     first snapshot read)
     */
    public List<StackSpec> specs(Path file, String displayPath) {
        List<Entry> entries = new ArrayList<>(byArn.values());
        entries = mergeGlobalTables(entries);
        entries = mergeSecrets(entries);
        entries = joinGlobalClusters(entries);
        Map<String, List<Entry>> byPlace = new TreeMap<>();
        for (Entry e : entries) {
            byPlace.computeIfAbsent(e.account() + " " + (e.region().equals("global") ? "" : e.region()),
                    k -> new ArrayList<>()).add(e);
        }
        List<StackSpec> out = new ArrayList<>();
        byPlace.forEach((place, list) -> {
            Entry first = list.get(0);
            Optional<String> region = first.region().equals("global") ? Optional.empty() : Optional.of(first.region());
            Map<String, Node> resources = new LinkedHashMap<>();
            Map<String, SourceRange> keys = new LinkedHashMap<>();
            Map<String, Provenance.Observed> items = new LinkedHashMap<>();
            for (Entry e : list) {
                String logicalId = e.observed.arn();
                SourceRange at = e.observed.range();
                Map<String, Node> declaration = new LinkedHashMap<>();
                declaration.put("Type", new ScalarNode(e.type, at, e.properties.path()));
                declaration.put("Properties", e.properties);
                resources.put(logicalId, new MapNode(declaration, Map.of("Type", at, "Properties", at), at,
                        io.regionlint.load.JsonPointer.literal(e.observed.pointer())));
                keys.put(logicalId, at);
                items.put(logicalId, e.observed);
            }
            SourceRange whole = SourceRange.fileStart(displayPath);
            MapNode section = new MapNode(resources, keys, whole, "/Resources");
            MapNode root = new MapNode(Map.of("Resources", section), Map.of("Resources", whole), whole, "");
            out.add(StackSpec.observed(STACK_NAME, new Document(file, displayPath, root), region, first.account(),
                    new ObservedStack(items)));
        });
        return out;
    }

    // ---- one resource per global table, replicated secret; global cluster membership --------

    private static List<Entry> mergeGlobalTables(List<Entry> entries) {
        Map<String, List<Entry>> copies = new TreeMap<>();
        for (Entry e : entries) {
            if (e.type.equals("AWS::DynamoDB::GlobalTable")) {
                copies.computeIfAbsent(e.account() + " " + e.physicalId, k -> new ArrayList<>()).add(e);
            }
        }
        if (copies.isEmpty()) {
            return entries;
        }
        Map<Entry, Entry> replaced = new java.util.IdentityHashMap<>();
        for (List<Entry> group : copies.values()) {
            group.sort(java.util.Comparator.comparing(Entry::region));
            Entry kept = group.get(0);
            MapNode props = kept.properties;
            List<Node> replicas = new ArrayList<>(props.get("Replicas").filter(ListNode.class::isInstance)
                    .map(n -> ((ListNode) n).items()).orElse(List.of()));
            java.util.Set<String> listed = new java.util.LinkedHashSet<>();
            replicas.forEach(r -> regionOf(r).ifPresent(listed::add));
            for (Entry copy : group) {
                if (listed.add(copy.region())) {
                    // a Region's own table is not in its own replica list: it is the replica there
                    replicas.add(mapOf(copy.observed.range(), copy.properties.path(), "Region",
                            new ScalarNode(copy.region(), copy.observed.range(), copy.properties.path())));
                }
                if (copy != kept) {
                    for (Node r : copy.properties.get("Replicas").filter(ListNode.class::isInstance)
                            .map(n -> ((ListNode) n).items()).orElse(List.of())) {
                        regionOf(r).filter(listed::add).ifPresent(x -> replicas.add(r));
                    }
                    replaced.put(copy, null);
                }
            }
            replicas.sort(java.util.Comparator.comparing(r -> regionOf(r).orElse("")));
            ListNode list = new ListNode(replicas, props.get("Replicas").map(Node::range).orElse(props.range()),
                    props.get("Replicas").map(Node::path).orElse(props.path()));
            replaced.put(kept, new Entry(kept.type, kept.physicalId, with(props, "Replicas", list), kept.observed));
        }
        return substitute(entries, replaced);
    }

    private static List<Entry> mergeSecrets(List<Entry> entries) {
        Map<String, List<Entry>> copies = new TreeMap<>();
        for (Entry e : entries) {
            if (e.type.equals(SecretLinker.SECRET) && !e.region().equals("global")) {
                String name = text(e.properties, "Name").orElse(e.physicalId);
                copies.computeIfAbsent(e.account() + " " + name, k -> new ArrayList<>()).add(e);
            }
        }
        Map<Entry, Entry> replaced = new java.util.IdentityHashMap<>();
        for (List<Entry> group : copies.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(java.util.Comparator.comparing(Entry::region));
            Optional<String> primaryRegion = group.stream().flatMap(e -> text(e.properties, "PrimaryRegion").stream())
                    .findFirst();
            Entry kept = group.stream().filter(e -> primaryRegion.map(e.region()::equals).orElse(false)).findFirst()
                    .orElse(group.get(0));
            List<Node> replicas = new ArrayList<>();
            for (Entry copy : group) {
                if (copy == kept) {
                    continue;
                }
                SourceRange at = copy.observed.range();
                Map<String, Node> replica = new LinkedHashMap<>();
                replica.put("Region", new ScalarNode(copy.region(), at, copy.properties.path()));
                copy.properties.get("KmsKeyId").ifPresent(k -> replica.put("KmsKeyId", k));
                replicas.add(new MapNode(replica, Map.of(), at, copy.properties.path()));
                replaced.put(copy, null);
            }
            replaced.put(kept, new Entry(kept.type, kept.physicalId, with(kept.properties, "ReplicaRegions",
                    new ListNode(replicas, kept.observed.range(), kept.properties.path())), kept.observed));
        }
        return replaced.isEmpty() ? entries : substitute(entries, replaced);
    }

    private static List<Entry> joinGlobalClusters(List<Entry> entries) {
        Map<String, Entry> clusters = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.type.equals("AWS::RDS::DBCluster")) {
                clusters.put(e.observed.arn(), e);
            }
        }
        Map<Entry, Entry> replaced = new java.util.IdentityHashMap<>();
        for (Entry global : entries) {
            if (!global.type.equals("AWS::RDS::GlobalCluster")) {
                continue;
            }
            MapNode props = global.properties;
            for (Node member : props.get("GlobalClusterMembers").filter(ListNode.class::isInstance)
                    .map(n -> ((ListNode) n).items()).orElse(List.of())) {
                Optional<Node> arn = field(member, "DBClusterArn");
                Entry cluster = arn.map(a -> clusters.get(((ScalarNode) a).text())).orElse(null);
                if (cluster == null) {
                    continue;
                }
                Entry current = replaced.getOrDefault(cluster, cluster);
                if (current.properties.get("GlobalClusterIdentifier").isEmpty()) {
                    ScalarNode id = new ScalarNode(global.physicalId, arn.get().range(), arn.get().path());
                    replaced.put(cluster, new Entry(current.type, current.physicalId,
                            with(current.properties, "GlobalClusterIdentifier", id), current.observed));
                }
                boolean writer = field(member, "IsWriter").map(w -> w instanceof ScalarNode s
                        && (Boolean.TRUE.equals(s.value()) || "true".equalsIgnoreCase(s.text()))).orElse(false);
                if (writer && props.get("SourceDBClusterIdentifier").isEmpty()) {
                    props = with(props, "SourceDBClusterIdentifier", arn.get());
                }
            }
            if (props != global.properties) {
                replaced.put(global, new Entry(global.type, global.physicalId, props, global.observed));
            }
        }
        return replaced.isEmpty() ? entries : substitute(entries, replaced);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The entries with each replaced one swapped (or dropped where it maps to null), in order. */
    private static List<Entry> substitute(List<Entry> entries, Map<Entry, Entry> replaced) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (!replaced.containsKey(e)) {
                out.add(e);
            } else if (replaced.get(e) != null) {
                out.add(replaced.get(e));
            }
        }
        return out;
    }

    private static MapNode with(MapNode map, String key, Node value) {
        Map<String, Node> entries = new LinkedHashMap<>(map.entries());
        Map<String, SourceRange> keys = new LinkedHashMap<>();
        int i = 0;
        for (String k : map.entries().keySet()) {
            keys.put(k, map.keyRange(i++));
        }
        entries.put(key, value);
        keys.putIfAbsent(key, value.range());
        return new MapNode(entries, keys, map.range(), map.path());
    }

    private static MapNode mapOf(SourceRange at, io.regionlint.load.JsonPointer path, String key, Node value) {
        return new MapNode(Map.of(key, value), Map.of(key, at), at, path);
    }

    private static Optional<String> regionOf(Node replica) {
        return field(replica, "Region").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }

    private static Optional<String> text(MapNode map, String key) {
        return map.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }

    private static Optional<Node> field(Node node, String key) {
        if (!(node instanceof MapNode map)) {
            return Optional.empty();
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
