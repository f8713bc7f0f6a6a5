package io.regionlint.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link Link} of a topology by the key of the resource it starts at, built once from the
 * topology's own joins (replication rules, global tables and databases, instances, key and secret
 * uses, stack twins): the links are those joins, read one way.
 */
final class LinkIndex {

    private final Map<String, List<Link>> byFrom = new HashMap<>();
    /**
     * The same links by kind, for the topology's own resource objects: rules ask for the links of
     * the resources they iterate, and a resource's text key costs a string each time it is built.
     */
    private final Map<Resource, Links> byResource = new IdentityHashMap<>();

    /** One resource's links, all and by kind. */
    private record Links(List<Link> all, Map<Link.Kind, List<Link>> byKind) {
        static final Links NONE = new Links(List.of(), Map.of());
    }

    LinkIndex(Topology topology) {
        for (ReplicationRule rule : topology.replicationRules()) {
            add(new Link(Link.Kind.REPLICATION, rule.source(), rule.destination(),
                    rule.destination().flatMap(Resource::region), rule.destinationValue(), rule.rule(),
                    statusOf(rule.rule())));
        }
        for (GlobalTable table : topology.globalTables()) {
            for (GlobalTable.Replica replica : table.replicas()) {
                add(new Link(Link.Kind.REPLICA, table.table(), Optional.empty(), replica.region(), replica.spec(),
                        replica.spec(), Truth.TRUE));
            }
        }
        for (GlobalDatabase db : topology.globalDatabases()) {
            for (Resource m : db.members()) {
                for (Resource other : db.members()) {
                    if (!other.key().equals(m.key())) {
                        add(toResource(Link.Kind.MEMBER, m, other));
                    }
                }
            }
            db.primary().ifPresent(primary -> {
                for (Resource secondary : db.secondaries()) {
                    add(toResource(Link.Kind.PRIMARY, secondary, primary));
                    add(toResource(Link.Kind.SECONDARY, primary, secondary));
                }
            });
        }
        for (Resource cluster : topology.resources("AWS::RDS::DBCluster")) {
            for (Resource instance : topology.instancesOf(cluster)) {
                add(toResource(Link.Kind.INSTANCE, cluster, instance));
                add(toResource(Link.Kind.CLUSTER, instance, cluster));
            }
        }
        for (KeyUse use : topology.keyUses()) {
            Map<String, String> facts = new HashMap<>();
            use.location().region().ifPresent(r -> facts.put("keyRegion", r));
            use.location().multiRegion().ifPresent(m -> facts.put("multiRegion", m.toString()));
            facts.put("awsManaged", Boolean.toString(use.location().awsManaged()));
            facts.put("replicated", Boolean.toString(use.replicated()));
            facts.put("reference", use.location().reference());
            facts.put("copy", use.copy());
            add(new Link(Link.Kind.KEY, use.owner(), use.location().key(), use.copyRegion(), use.at(),
                    use.location().key().map(Resource::properties).orElse(MapValue.empty(use.at())),
                    Truth.TRUE, facts));
        }
        for (SecretUse use : topology.secretUses()) {
            add(new Link(Link.Kind.SECRET, use.user(), use.secret(), use.user().region(), use.at(),
                    use.secret().map(Resource::properties).orElse(MapValue.empty(use.at())), Truth.TRUE,
                    Map.of("reference", use.reference())));
        }
        for (Resource secret : topology.resources("AWS::SecretsManager::Secret")) {
            Value at = secret.properties().get("ReplicaRegions").orElse(secret.properties());
            topology.secretRegions(secret).ifPresent(regions -> regions.stream().sorted()
                    .filter(r -> !secret.region().equals(Optional.of(r)))
                    .forEach(r -> add(new Link(Link.Kind.SECRET_REPLICA, secret, Optional.empty(), Optional.of(r),
                            at, MapValue.empty(at), Truth.TRUE))));
        }
        twins(topology);
        byFrom.replaceAll((k, v) -> List.copyOf(v));
        for (Resource r : topology.resources()) {
            List<Link> all = byFrom.get(r.key());
            if (all != null) {
                Map<Link.Kind, List<Link>> byKind = new EnumMap<>(Link.Kind.class);
                all.forEach(l -> byKind.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(l));
                byKind.replaceAll((k, v) -> List.copyOf(v));
                byResource.put(r, new Links(all, byKind));
            } else {
                byResource.put(r, Links.NONE);
            }
        }
    }

    List<Link> from(Resource resource) {
        Links known = byResource.get(resource);
        return known != null ? known.all() : byFrom.getOrDefault(resource.key(), List.of());
    }

    List<Link> from(Resource resource, Link.Kind kind) {
        Links known = byResource.get(resource);
        if (known != null) {
            return known.byKind().getOrDefault(kind, List.of());
        }
        return byFrom.getOrDefault(resource.key(), List.of()).stream().filter(l -> l.kind() == kind).toList();
    }

    private void twins(Topology topology) {
        Map<String, List<Resource>> byGroup = new HashMap<>();
        for (Resource r : topology.resources()) {
            if (r.observed().isEmpty()) {
                byGroup.computeIfAbsent(r.stack().group() + "\n" + r.logicalId(), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<Resource> group : byGroup.values()) {
            for (Resource r : group) {
                for (Resource twin : group) {
                    if (!twin.stack().id().equals(r.stack().id())) {
                        add(toResource(Link.Kind.TWIN, r, twin));
                    }
                }
            }
        }
    }

    private static Link toResource(Link.Kind kind, Resource from, Resource to) {
        return new Link(kind, from, Optional.of(to), to.region(), from.properties(), to.properties(), Truth.TRUE);
    }

    private static Truth statusOf(MapValue rule) {
        Optional<Value> status = rule.get("Status");
        if (status.isEmpty()) {
            return Truth.FALSE;
        }
        return status.get().text().map(t -> Truth.of(t.equals("Enabled"))).orElse(Truth.UNKNOWN);
    }

    private void add(Link link) {
        byFrom.computeIfAbsent(link.from().key(), k -> new ArrayList<>()).add(link);
    }
}
