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
    private final Map<String, List<Resource>> resourcesByType;
    private final Map<String, RegionRole> regionRoles;
    private final List<ReplicationRule> replicationRules;
    private final Map<String, List<ReplicationRule>> rulesBySource;
    private final Map<String, List<ReplicationRule>> rulesByDestination;
    private final Map<String, RolePermissions> permissionsByRole;
    private final List<UnresolvedPeer> unresolvedPeers;

    Topology(List<StackInstance> stacks, List<Resource> resources, Map<String, List<Resource>> resourcesByType,
             Map<String, RegionRole> regionRoles, List<ReplicationRule> replicationRules,
             Map<String, List<ReplicationRule>> rulesBySource, Map<String, List<ReplicationRule>> rulesByDestination,
             Map<String, RolePermissions> permissionsByRole, List<UnresolvedPeer> unresolvedPeers) {
        this.stacks = List.copyOf(stacks);
        this.resources = List.copyOf(resources);
        this.resourcesByType = resourcesByType;
        this.regionRoles = Map.copyOf(regionRoles);
        this.replicationRules = List.copyOf(replicationRules);
        this.rulesBySource = rulesBySource;
        this.rulesByDestination = rulesByDestination;
        this.permissionsByRole = permissionsByRole;
        this.unresolvedPeers = List.copyOf(unresolvedPeers);
    }

    public List<StackInstance> stacks() {
        return stacks;
    }

    public List<Resource> resources() {
        return resources;
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

    public List<UnresolvedPeer> unresolvedPeers() {
        return Collections.unmodifiableList(unresolvedPeers);
    }
}
