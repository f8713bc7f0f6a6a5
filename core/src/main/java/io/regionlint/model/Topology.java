package io.regionlint.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-Region model that rules read: every stack instance and resource, the Regions and
 * their roles, and the links between resources (built once, by hash index, in {@link Linker}).
 * Immutable once built.
 */
public final class Topology {

    private final List<StackInstance> stacks;
    private final List<Resource> resources;
    private final Map<String, Resource> resourcesByKey;
    private final Map<String, List<Resource>> resourcesByType;
    private final Map<String, RegionRole> regionRoles;
    private final List<ReplicationRule> replicationRules;
    private final Map<String, List<ReplicationRule>> rulesBySource;
    private final Map<String, List<ReplicationRule>> rulesByDestination;
    private final Map<String, RolePermissions> permissionsByRole;
    private final List<UnresolvedPeer> unresolvedPeers;
    private final DataTierLinker data;
    private final List<GlobalTable> globalTables;
    private final List<GlobalDatabase> globalDatabases;
    private final Map<String, List<Resource>> instancesByCluster;
    private final Map<String, List<Resource>> replicaKeysByPrimary;
    /** The key of each linked replica key's primary, by the replica (records hash deeply: by identity). */
    private final Map<Resource, String> primaryOfReplica = new java.util.IdentityHashMap<>();
    private final List<SecretUse> secretUses;
    private final List<KeyUse> keyUses;
    private final List<RoleUse> roleUses;
    private final Map<String, List<RoleUse>> roleUsesByRole;
    private final Map<StackId, String> fingerprintNames;
    private final RoutingLinker routing;
    /** Built on first use: only the rule language navigates every link at once. */
    private volatile LinkIndex links;
    /** Set once by the topology builder before anyone reads the topology. */
    private List<ModelDiagnostic> diagnostics = List.of();
    private DeployedCoverage coverage = DeployedCoverage.NONE;
    /** Read on first use: most runs have no alarm rule to ask. */
    private volatile List<MetricAlarm> metricAlarms;
    /** The watches of {@link #metricAlarms} by namespace and metric name, built with them. */
    private volatile Map<String, List<MetricAlarm.Watch>> watchesByMetric;

    Topology(List<StackInstance> stacks, List<Resource> resources, Map<String, List<Resource>> resourcesByType,
             Map<String, RegionRole> regionRoles, List<ReplicationRule> replicationRules,
             Map<String, List<ReplicationRule>> rulesBySource, Map<String, List<ReplicationRule>> rulesByDestination,
             Map<String, RolePermissions> permissionsByRole, List<UnresolvedPeer> unresolvedPeers,
             DataTierLinker data, List<GlobalTable> globalTables, List<GlobalDatabase> globalDatabases,
             Map<String, List<Resource>> instancesByCluster, Map<String, List<Resource>> replicaKeysByPrimary,
             List<SecretUse> secretUses, List<KeyUse> keyUses, List<RoleUse> roleUses) {
        this.stacks = List.copyOf(stacks);
        this.resources = List.copyOf(resources);
        this.resourcesByKey = new java.util.HashMap<>();
        for (Resource r : this.resources) {
            resourcesByKey.putIfAbsent(r.key(), r);
        }
        this.resourcesByType = resourcesByType;
        this.regionRoles = Map.copyOf(regionRoles);
        this.replicationRules = List.copyOf(replicationRules);
        this.rulesBySource = rulesBySource;
        this.rulesByDestination = rulesByDestination;
        this.permissionsByRole = permissionsByRole;
        this.unresolvedPeers = List.copyOf(unresolvedPeers);
        this.data = data;
        this.globalTables = List.copyOf(globalTables);
        this.globalDatabases = List.copyOf(globalDatabases);
        this.instancesByCluster = instancesByCluster;
        this.replicaKeysByPrimary = replicaKeysByPrimary;
        replicaKeysByPrimary.forEach((primary, replicas) -> replicas.forEach(r -> primaryOfReplica.put(r, primary)));
        this.secretUses = List.copyOf(secretUses);
        this.keyUses = List.copyOf(keyUses);
        this.roleUses = List.copyOf(roleUses);
        Map<String, List<RoleUse>> byRole = new java.util.HashMap<>();
        for (RoleUse use : this.roleUses) {
            byRole.computeIfAbsent(use.role().key(), k -> new java.util.ArrayList<>()).add(use);
        }
        byRole.replaceAll((k, v) -> List.copyOf(v));
        this.roleUsesByRole = byRole;
        this.fingerprintNames = fingerprintNames(this.stacks);
        // the routing tier needs only the resource indexes, so it is linked here, once
        this.routing = new RoutingLinker(resourcesByKey, resourcesByType);
    }

    /**
     * Fingerprints name a stack by its name alone wherever that is unique among the loaded
     * stacks, as they did before stacks were keyed by account and Region, so every existing
     * baseline and code-scanning alert keeps its fingerprint. Stacks that share a name add only
     * what tells them apart, judged among the stacks of that name alone: {@code @region} when
     * one of them is in another Region, {@code @account} when one of them is in the same Region.
     */
    private static Map<StackId, String> fingerprintNames(List<StackInstance> stacks) {
        Map<String, java.util.Set<StackId>> byName = new java.util.HashMap<>();
        for (StackInstance s : stacks) {
            byName.computeIfAbsent(s.name(), n -> new java.util.LinkedHashSet<>()).add(s.id());
        }
        Map<StackId, String> out = new java.util.HashMap<>();
        byName.forEach((name, ids) -> {
            for (StackId id : ids) {
                boolean regionNeeded = ids.stream().anyMatch(o -> !o.region().equals(id.region()));
                boolean accountNeeded = ids.stream().anyMatch(o -> !o.equals(id) && o.region().equals(id.region()));
                out.put(id, name + (regionNeeded ? "@" + id.region().orElse("?") : "")
                        + (accountNeeded ? "@" + id.account().orElse("?") : ""));
            }
        });
        return out;
    }

    /**
     * The name fingerprints give a stack: its name where no other loaded stack has that name,
     * else the name with the Region (and account) that set it apart. Unique in the topology.
     */
    public String fingerprintName(StackId stack) {
        return fingerprintNames.getOrDefault(stack, stack.name());
    }

    /** {@code stack/logicalId} with the stack's {@link #fingerprintName}: a resource in fingerprint text. */
    public String fingerprintKey(Resource resource) {
        return fingerprintName(resource.stack().id()) + "/" + resource.logicalId();
    }

    /**
     * Every loaded compute resource (Lambda function, ECS task definition, EC2 instance or launch
     * template) that runs with a loaded IAM role, in topology order.
     */
    public List<RoleUse> roleUses() {
        return roleUses;
    }

    /** The compute that runs with a role, and so the Regions its permissions are used from. */
    public List<RoleUse> roleUsers(Resource role) {
        return roleUsesByRole.getOrDefault(role.key(), List.of());
    }

    /** Every KMS key that protects a Regional copy of data, with where the key and the copy live. */
    public List<KeyUse> keyUses() {
        return keyUses;
    }

    /** Every place a loaded resource reads a secret, in topology order. */
    public List<SecretUse> secretUses() {
        return secretUses;
    }

    /** The Regions a secret exists in (its own and its replicas'); empty when not known. */
    public Optional<java.util.Set<String>> secretRegions(Resource secret) {
        return SecretLinker.regions(secret);
    }

    /** Every DynamoDB global table with its replicas and witnesses. */
    public List<GlobalTable> globalTables() {
        return globalTables;
    }

    /** Every Aurora global database, its members joined across stacks and Regions. */
    public List<GlobalDatabase> globalDatabases() {
        return globalDatabases;
    }

    /** The DB instances of a cluster. */
    public List<Resource> instancesOf(Resource cluster) {
        return instancesByCluster.getOrDefault(cluster.key(), List.of());
    }

    /**
     * True when {@link #instancesOf} is the cluster's complete list as far as the inputs go:
     * no loaded DB instance in the cluster's account and Region names its cluster by an unknown
     * value. Rules that act on a missing or small instance list (a headless secondary, an
     * undersized one) stay silent when this is false.
     */
    public boolean instancesKnown(Resource cluster) {
        return data.instancesKnown(cluster);
    }

    /**
     * The primary key an {@code AWS::KMS::ReplicaKey} replicates, when it is loaded (named by a
     * template's reference, or by the key ARN Config records).
     */
    public Optional<Resource> primaryKeyOf(Resource replicaKey) {
        return Optional.ofNullable(primaryOfReplica.get(replicaKey)).flatMap(this::resource);
    }

    /** The {@code AWS::KMS::ReplicaKey}s of a multi-Region primary key. */
    public List<Resource> replicaKeysOf(Resource primaryKey) {
        return replicaKeysByPrimary.getOrDefault(primaryKey.key(), List.of());
    }

    /**
     * Where the KMS key a value names lives. {@code user} is the resource that uses it and
     * {@code usedIn} the Region of the use (a replica's Region; bare aliases resolve there).
     */
    public KeyLocation keyLocation(Value reference, Resource user, Optional<String> usedIn) {
        return data.locate(reference, user, usedIn);
    }

    public List<StackInstance> stacks() {
        return stacks;
    }

    public List<Resource> resources() {
        return resources;
    }

    /** The resource with this key ({@link Resource#key}), found by hash. */
    public Optional<Resource> resource(String key) {
        return Optional.ofNullable(resourcesByKey.get(key));
    }

    public List<Resource> resources(String type) {
        return resourcesByType.getOrDefault(type, List.of());
    }

    /** The role of a Region, empty where the topology does not say. */
    public Optional<RegionRole> regionRole(String region) {
        return Optional.ofNullable(regionRoles.get(region));
    }

    public Map<String, RegionRole> regionRoles() {
        return regionRoles;
    }

    /** True when the Region is known and declared active. */
    public boolean isActive(Optional<String> region) {
        return region.flatMap(this::regionRole).map(RegionRole.ACTIVE::equals).orElse(false);
    }

    /** Every S3 replication rule of every loaded bucket, in topology order. */
    public List<ReplicationRule> replicationRules() {
        return replicationRules;
    }

    public List<ReplicationRule> replicationRulesFrom(Resource bucket) {
        return rulesBySource.getOrDefault(bucket.key(), List.of());
    }

    public List<ReplicationRule> replicationRulesInto(Resource bucket) {
        return rulesByDestination.getOrDefault(bucket.key(), List.of());
    }

    /** What the loaded templates grant a role; empty for a resource that is not a loaded role. */
    public Optional<RolePermissions> permissions(Resource role) {
        return Optional.ofNullable(permissionsByRole.get(role.key()));
    }

    // ---- routing tier ----------------------------------------------------------------------------

    /**
     * Every group of Route 53 records (one hosted zone, name and type) joined across stacks and
     * Regions: groups first seen in an {@code AWS::Route53::RecordSet} (in topology order), then
     * those first seen in a {@code RecordSetGroup}. Records within a group are in that order too.
     */
    public List<RecordGroup> recordGroups() {
        return routing.recordGroups();
    }

    /**
     * Route 53 records whose hosted zone, name or type is not known (an unknown parameter, say):
     * they join no group, so rules about groups cannot judge them.
     */
    public List<DnsRecord> unjoinedRecords() {
        return routing.unjoinedRecords();
    }

    /** Every loaded {@code AWS::Route53::HealthCheck}, its config read, in topology order. */
    public List<Route53HealthCheck> route53HealthChecks() {
        return routing.healthChecks();
    }

    /** The health check model of a loaded {@code AWS::Route53::HealthCheck}. */
    public Optional<Route53HealthCheck> route53HealthCheck(Resource healthCheck) {
        return routing.healthCheck(healthCheck);
    }

    /** Every Global Accelerator listener with its endpoint groups (joined across stacks). */
    public List<GaListener> gaListeners() {
        return routing.listeners();
    }

    /**
     * Every {@code AWS::CloudWatch::Alarm} with the metrics it watches (namespace, name and
     * dimensions as resolved in its stack instance), in topology order.
     */
    public List<MetricAlarm> metricAlarms() {
        List<MetricAlarm> alarms = metricAlarms;
        if (alarms == null) {
            alarms = resources("AWS::CloudWatch::Alarm").stream().map(MetricAlarm::of).toList();
            Map<String, List<MetricAlarm.Watch>> byMetric = new java.util.HashMap<>();
            for (MetricAlarm alarm : alarms) {
                for (MetricAlarm.Watch w : alarm.watches()) {
                    if (w.namespace().isPresent() && w.metricName().isPresent()) {
                        byMetric.computeIfAbsent(w.namespace().get() + "|" + w.metricName().get(),
                                k -> new java.util.ArrayList<>()).add(w);
                    }
                }
            }
            byMetric.replaceAll((k, v) -> List.copyOf(v));
            watchesByMetric = byMetric;
            metricAlarms = alarms;
        }
        return alarms;
    }

    /** The watches of one metric by every alarm of the Region (every alarm where the Region is empty). */
    public List<MetricAlarm.Watch> watches(Optional<String> region, String namespace, String metricName) {
        metricAlarms();
        List<MetricAlarm.Watch> all = watchesByMetric.getOrDefault(namespace + "|" + metricName, List.of());
        return region.isEmpty() ? all : all.stream().filter(w -> w.alarm().region().equals(region)).toList();
    }

    /** Every ARC control panel with its routing controls and safety rules. */
    public List<ArcControlPanel> arcControlPanels() {
        return routing.controlPanels();
    }

    /**
     * Every link that starts at a resource, of every {@link Link.Kind}: the one uniform way to
     * navigate from a resource to its replicas, members, keys, secrets and twins. Twins are
     * listed in topology order; the other kinds in the order of the joins they read.
     */
    public List<Link> links(Resource from) {
        return linkIndex().from(from);
    }

    /** The links of one kind that start at a resource. */
    public List<Link> links(Resource from, Link.Kind kind) {
        return linkIndex().from(from, kind);
    }

    private LinkIndex linkIndex() {
        LinkIndex index = links;
        if (index == null) {
            index = new LinkIndex(this);
            links = index;
        }
        return index;
    }

    public List<UnresolvedPeer> unresolvedPeers() {
        return Collections.unmodifiableList(unresolvedPeers);
    }

    /**
     * What resolution met in the stack instances: intrinsics CloudFormation would reject, content
     * that was not modelled. Ordered by stack instance, then as met.
     */
    public List<ModelDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** What the snapshot bundles among the inputs say they pulled ({@link DeployedCoverage#NONE} without one). */
    public DeployedCoverage coverage() {
        return coverage;
    }

    /** Set once, by the run, before any rule reads the topology. */
    public void coverage(DeployedCoverage pulled) {
        this.coverage = pulled;
    }

    void diagnostics(List<ModelDiagnostic> found) {
        this.diagnostics = List.copyOf(found);
    }
}
