package io.regionlint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the data tier across stacks and Regions: DynamoDB global tables and their replicas,
 * Aurora global databases and their member clusters and instances, KMS keys (template keys,
 * replica keys, aliases and key ARNs) and the Regions they live in. Every join is a hash
 * lookup.
 */
final class DataTierLinker {


    private final Map<String, Resource> byKey;
    private final Map<String, List<Resource>> byType;
    private final Map<String, Resource> aliases = new HashMap<>();
    private final java.util.Set<String> placesWithUnknownInstances = new java.util.HashSet<>();

    DataTierLinker(Map<String, Resource> byKey, Map<String, List<Resource>> byType) {
        this.byKey = byKey;
        this.byType = byType;
        for (Resource alias : byType.getOrDefault("AWS::KMS::Alias", List.of())) {
            alias.properties().textAt("AliasName").ifPresent(name -> aliases.putIfAbsent(
                    aliasKey(alias.stack().account(), alias.region(), name), alias));
        }
        for (Resource instance : byType.getOrDefault("AWS::RDS::DBInstance", List.of())) {
            Optional<Value> cluster = instance.properties().get("DBClusterIdentifier");
            if (cluster.isPresent() && cluster.get().text().isEmpty()) {
                placesWithUnknownInstances.add(place(instance));
            }
        }
    }

    private static String aliasKey(Optional<String> account, Optional<String> region, String name) {
        return account.orElse("?") + "|" + region.orElse("?") + "|" + name;
    }

    // ---- KMS --------------------------------------------------------------------------------

    /**
     * Where the key a value names lives. {@code user} is the resource that uses the key and
     * {@code usedIn} the Region the use happens in (a replica's Region, say): bare aliases
     * resolve there.
     */
    KeyLocation locate(Value reference, Resource user, Optional<String> usedIn) {
        Optional<String> text = reference.text();
        if (text.isEmpty()) {
            return new KeyLocation(Optional.empty(), Optional.empty(), Optional.empty(),
                    reference instanceof UnknownValue u ? u.reason() : "?");
        }
        return locate(text.get(), user, usedIn, 0);
    }

    private KeyLocation locate(String text, Resource user, Optional<String> usedIn, int depth) {
        Optional<Arn> arn = Arn.kms(text);
        if (Tokens.containsToken(text) && arn.isEmpty()) {
            Optional<Resource> resource = Tokens.resourceKey(text).map(byKey::get);
            if (resource.isPresent()) {
                return ofResource(resource.get(), text, depth);
            }
        }
        if (arn.isPresent()) {
            // the Region the ARN names wins: an ARN built from a multi-Region key's id and
            // another Region names that key's replica there, not the primary
            Arn a = arn.get();
            Optional<String> region = Optional.of(a.region());
            if (a.resourceType().equals("key")) {
                Optional<KeyLocation> named = Tokens.resourceKey(a.resourceId()).map(byKey::get)
                        .or(() -> keyById(a.account(), a.region(), a.resourceId()))
                        .map(r -> ofResource(r, text, depth));
                Optional<Boolean> multi = named.map(KeyLocation::multiRegion)
                        .orElse(Optional.of(a.resourceId().startsWith("mrk-")));
                Optional<Resource> key = named.flatMap(KeyLocation::key).filter(k -> k.region().equals(region));
                return new KeyLocation(key, region, multi, text);
            }
            Resource alias = aliases.get(aliasKey(Optional.of(a.account()), region, "alias/" + a.resourceId()));
            return alias != null ? ofResource(alias, text, depth)
                    : new KeyLocation(Optional.empty(), region, Optional.empty(), text);
        }
        if (text.startsWith("alias/")) {
            if (text.startsWith("alias/aws/")) {
                return new KeyLocation(Optional.empty(), usedIn, Optional.of(false), text);
            }
            Resource alias = aliases.get(aliasKey(user.stack().account(), usedIn, text));
            return alias != null ? ofResource(alias, text, depth)
                    : new KeyLocation(Optional.empty(), Optional.empty(), Optional.empty(), text);
        }
        return new KeyLocation(Optional.empty(), Optional.empty(),
                text.startsWith("mrk-") ? Optional.of(true) : Optional.empty(), text);
    }

    /** Keys whose id is literal (observed keys: Config records the id), by account, Region and id. */
    private Map<String, Resource> keysById;

    private synchronized Optional<Resource> keyById(String account, String region, String id) {
        if (keysById == null) {
            keysById = new HashMap<>();
            for (String type : List.of("AWS::KMS::Key", "AWS::KMS::ReplicaKey")) {
                for (Resource key : byType.getOrDefault(type, List.of())) {
                    if (!Tokens.containsToken(key.physicalName())) {
                        keysById.putIfAbsent(key.stack().account().orElse("") + "|" + key.region().orElse("") + "|"
                                + key.physicalName(), key);
                    }
                }
            }
        }
        return Optional.ofNullable(keysById.get(account + "|" + region + "|" + id));
    }

    private KeyLocation ofResource(Resource r, String text, int depth) {
        switch (r.type()) {
            case "AWS::KMS::Key": {
                Optional<Boolean> multi = r.properties().get("MultiRegion").isEmpty() ? Optional.of(false)
                        : r.properties().textAt("MultiRegion").map(t -> t.equalsIgnoreCase("true"));
                return new KeyLocation(Optional.of(r), r.region(), multi, text);
            }
            case "AWS::KMS::ReplicaKey":
                return new KeyLocation(Optional.of(r), r.region(), Optional.of(true), text);
            case "AWS::KMS::Alias": {
                Optional<String> target = r.properties().textAt("TargetKeyId");
                if (target.isPresent() && depth < 3) {
                    KeyLocation k = locate(target.get(), r, r.region(), depth + 1);
                    return new KeyLocation(k.key(), k.region().or(r::region), k.multiRegion(), text);
                }
                return new KeyLocation(Optional.empty(), r.region(), Optional.empty(), text);
            }
            default:
                return new KeyLocation(Optional.empty(), Optional.empty(), Optional.empty(), text);
        }
    }

    /** Every key protecting a Regional copy of data, in topology order. */
    List<KeyUse> keyUses(List<ReplicationRule> replication, List<GlobalTable> tables, List<GlobalDatabase> databases) {
        List<KeyUse> out = new ArrayList<>();
        java.util.Set<String> replicatedBuckets = new java.util.HashSet<>();
        for (ReplicationRule rule : replication) {
            if (rule.enabled()) {
                replicatedBuckets.add(rule.source().key());
                rule.destination().ifPresent(d -> replicatedBuckets.add(d.key()));
            }
        }
        for (Resource bucket : byType.getOrDefault("AWS::S3::Bucket", List.of())) {
            Optional<Value> rules = bucket.properties().at("BucketEncryption", "ServerSideEncryptionConfiguration");
            if (rules.isPresent() && rules.get() instanceof ListValue list) {
                for (Value rule : list.items()) {
                    rule.at("ServerSideEncryptionByDefault", "KMSMasterKeyID").ifPresent(key -> out.add(use(bucket,
                            key, bucket.region(), "objects of bucket " + bucket.describe(),
                            replicatedBuckets.contains(bucket.key()))));
                }
            }
        }
        for (ReplicationRule rule : replication) {
            Optional<Value> key = rule.rule().at("Destination", "EncryptionConfiguration", "ReplicaKmsKeyID");
            if (key.isPresent() && rule.enabled()) {
                Optional<String> region = rule.destination().flatMap(Resource::region);
                String where = rule.destination().map(Resource::describe).orElse("its destination bucket");
                out.add(use(rule.source(), key.get(), region, "replicas of " + rule.source().describe() + " in "
                        + where, true));
            }
        }
        for (GlobalTable table : tables) {
            for (GlobalTable.Replica replica : table.replicas()) {
                replica.spec().at("SSESpecification", "KMSMasterKeyId").ifPresent(key -> out.add(use(table.table(),
                        key, replica.region(), "replica of table '" + table.table().displayName() + "' in "
                        + replica.region().orElse("an unknown Region"), table.replicas().size() > 1)));
            }
        }
        for (Resource table : byType.getOrDefault("AWS::DynamoDB::Table", List.of())) {
            table.properties().at("SSESpecification", "KMSMasterKeyId").ifPresent(key -> out.add(use(table, key,
                    table.region(), "table " + table.describe(), false)));
        }
        java.util.Set<String> members = new java.util.HashSet<>();
        databases.forEach(d -> d.members().forEach(m -> members.add(m.key())));
        for (Resource cluster : byType.getOrDefault("AWS::RDS::DBCluster", List.of())) {
            cluster.properties().get("KmsKeyId").ifPresent(key -> out.add(use(cluster, key, cluster.region(),
                    "storage of cluster " + cluster.describe(), members.contains(cluster.key()))));
        }
        for (Resource secret : byType.getOrDefault(SecretLinker.SECRET, List.of())) {
            Optional<Value> replicas = secret.properties().get("ReplicaRegions");
            boolean replicated = replicas.isPresent() && replicas.get() instanceof ListValue l && !l.items().isEmpty();
            secret.properties().get("KmsKeyId").ifPresent(key -> out.add(use(secret, key, secret.region(),
                    "secret " + secret.describe(), replicated)));
            if (replicas.isPresent() && replicas.get() instanceof ListValue list) {
                for (Value replica : list.items()) {
                    Optional<String> region = replica.textAt("Region");
                    replica.at("KmsKeyId").ifPresent(key -> out.add(use(secret, key, region, "replica of secret '"
                            + secret.displayName() + "' in " + region.orElse("an unknown Region"), true)));
                }
            }
        }
        return out;
    }

    private KeyUse use(Resource owner, Value key, Optional<String> copyRegion, String copy, boolean replicated) {
        return new KeyUse(owner, key, copyRegion, locate(key, owner, copyRegion), copy, replicated);
    }

    /**
     * Replica keys by the key key of their primary: a template's {@code GetAtt Key.Arn}, or a
     * literal key ARN (what AWS Config records) naming a loaded key by its id in the ARN's Region.
     */
    Map<String, List<Resource>> replicaKeys() {
        Map<String, List<Resource>> out = new HashMap<>();
        Map<String, Resource> keysById = null;
        for (Resource replica : byType.getOrDefault("AWS::KMS::ReplicaKey", List.of())) {
            Optional<String> primary = replica.properties().textAt("PrimaryKeyArn");
            if (primary.isEmpty()) {
                continue;
            }
            Optional<String> key;
            if (Tokens.containsToken(primary.get())) {
                key = Tokens.resourceKey(primary.get());
            } else {
                if (keysById == null) {
                    keysById = new HashMap<>();
                    for (Resource k : byType.getOrDefault("AWS::KMS::Key", List.of())) {
                        keysById.putIfAbsent(k.region().orElse("?") + " " + k.physicalName(), k);
                    }
                }
                Map<String, Resource> byId = keysById;
                key = Arn.kms(primary.get()).filter(a -> a.resourceType().equals("key"))
                        .map(a -> byId.get(a.region() + " " + a.resourceId())).map(Resource::key);
            }
            key.ifPresent(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(replica));
        }
        return out;
    }

    // ---- DynamoDB ---------------------------------------------------------------------------

    List<GlobalTable> globalTables() {
        List<GlobalTable> out = new ArrayList<>();
        for (Resource table : byType.getOrDefault("AWS::DynamoDB::GlobalTable", List.of())) {
            boolean complete = true;
            List<GlobalTable.Replica> replicas = new ArrayList<>();
            Optional<Value> list = table.properties().get("Replicas");
            if (list.isPresent() && list.get() instanceof ListValue items) {
                for (Value item : items.items()) {
                    if (item instanceof MapValue spec) {
                        Optional<String> region = spec.textAt("Region");
                        complete &= region.isPresent();
                        replicas.add(new GlobalTable.Replica(region, spec));
                    } else {
                        complete = false;
                    }
                }
            } else {
                complete = list.isEmpty() || !list.get().isUnknown();
            }
            List<GlobalTable.Witness> witnesses = new ArrayList<>();
            Optional<Value> witnessList = table.properties().get("GlobalTableWitnesses");
            if (witnessList.isPresent() && witnessList.get() instanceof ListValue items) {
                for (Value item : items.items()) {
                    if (item instanceof MapValue spec) {
                        Optional<String> region = spec.textAt("Region");
                        complete &= region.isPresent();
                        witnesses.add(new GlobalTable.Witness(region, spec));
                    } else {
                        complete = false;
                    }
                }
            } else if (witnessList.isPresent()) {
                complete = false;
            }
            Optional<Value> mode = table.properties().get("MultiRegionConsistency");
            Optional<String> consistency = mode.isEmpty() ? Optional.of("EVENTUAL") : mode.get().text();
            out.add(new GlobalTable(table, consistency, replicas, witnesses, complete));
        }
        return out;
    }

    // ---- Aurora -----------------------------------------------------------------------------

    List<GlobalDatabase> globalDatabases() {
        Map<String, List<Resource>> members = new LinkedHashMap<>();
        for (Resource cluster : byType.getOrDefault("AWS::RDS::DBCluster", List.of())) {
            cluster.properties().textAt("GlobalClusterIdentifier").map(DataTierLinker::identifier)
                    .ifPresent(id -> members.computeIfAbsent(id, k -> new ArrayList<>()).add(cluster));
        }
        Map<String, Resource> globals = new LinkedHashMap<>();
        for (Resource global : byType.getOrDefault("AWS::RDS::GlobalCluster", List.of())) {
            globals.putIfAbsent(identifier(global.physicalName()), global);
            members.putIfAbsent(identifier(global.physicalName()), new ArrayList<>());
        }
        // A global cluster made from an existing cluster names it in SourceDBClusterIdentifier; that
        // cluster becomes the primary without declaring GlobalClusterIdentifier itself.
        Map<String, Resource> clustersByName = clustersByName();
        for (Map.Entry<String, Resource> e : globals.entrySet()) {
            List<Resource> list = members.get(e.getKey());
            e.getValue().properties().textAt("SourceDBClusterIdentifier")
                    .flatMap(source -> sourceCluster(e.getValue(), source, clustersByName))
                    .filter(c -> !c.properties().has("GlobalClusterIdentifier"))
                    .filter(c -> list.stream().noneMatch(m -> m.key().equals(c.key())))
                    .ifPresent(c -> list.add(0, c));
        }
        List<GlobalDatabase> out = new ArrayList<>();
        for (Map.Entry<String, List<Resource>> e : members.entrySet()) {
            Optional<Resource> global = Optional.ofNullable(globals.get(e.getKey()));
            out.add(new GlobalDatabase(e.getKey(), global, primary(global, e.getValue()), e.getValue()));
        }
        return out;
    }

    /** The loaded cluster a global cluster's SourceDBClusterIdentifier names (a Ref, an ARN or a name in its Region). */
    private Optional<Resource> sourceCluster(Resource global, String source, Map<String, Resource> clustersByName) {
        if (Tokens.containsToken(source)) {
            return Tokens.resourceKey(source).map(byKey::get).filter(r -> r.isType("AWS::RDS::DBCluster"));
        }
        Optional<Arn> arn = Arn.regional(source, "rds", "cluster");
        if (arn.isPresent()) {
            return Optional.ofNullable(clustersByName.get(arn.get().account() + "|" + arn.get().region() + "|"
                    + identifier(arn.get().resourceId())));
        }
        return Optional.ofNullable(clustersByName.get(place(global) + identifier(source)));
    }

    /** Clusters by account, Region and identifier (see {@link #place}). */
    private Map<String, Resource> clustersByName() {
        Map<String, Resource> out = new HashMap<>();
        for (Resource cluster : byType.getOrDefault("AWS::RDS::DBCluster", List.of())) {
            out.putIfAbsent(place(cluster) + identifier(cluster.physicalName()), cluster);
        }
        return out;
    }

    /** Identifiers are case-insensitive in RDS; tokens stay as they are. */
    private static String identifier(String text) {
        return Tokens.containsToken(text) ? text : text.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The primary: the cluster the global cluster names as its source, else the one member
     * that has master credentials (secondaries cannot), else the one member in the global
     * cluster's own stack instance.
     */
    private Optional<Resource> primary(Optional<Resource> global, List<Resource> members) {
        if (global.isPresent()) {
            Optional<String> source = global.get().properties().textAt("SourceDBClusterIdentifier");
            if (source.isPresent()) {
                String s = source.get();
                Optional<Resource> named = members.stream().filter(m -> m.physicalName().equalsIgnoreCase(s)
                        || s.endsWith(":cluster:" + m.physicalName()) || s.equals(Tokens.ref(m.stack().id(),
                        m.logicalId()))).findFirst();
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        List<Resource> writers = members.stream().filter(m -> m.properties().has("MasterUsername")
                || m.properties().has("ManageMasterUserPassword") || m.properties().has("SnapshotIdentifier"))
                .toList();
        if (writers.size() == 1) {
            return Optional.of(writers.get(0));
        }
        if (global.isPresent()) {
            List<Resource> local = members.stream().filter(m -> m.stack().id().equals(global.get().stack().id()))
                    .toList();
            if (local.size() == 1) {
                return Optional.of(local.get(0));
            }
        }
        return Optional.empty();
    }

    /** Cluster identifiers are unique per account and Region. */
    private static String place(Resource r) {
        return r.stack().account().orElse("?") + "|" + r.region().orElse(r.stack().id().key()) + "|";
    }

    /** DB instances by the key of the cluster they belong to. */
    Map<String, List<Resource>> instancesByCluster() {
        Map<String, Resource> clustersByName = clustersByName();
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource instance : byType.getOrDefault("AWS::RDS::DBInstance", List.of())) {
            Optional<String> cluster = instance.properties().textAt("DBClusterIdentifier");
            cluster.map(c -> clustersByName.get(place(instance) + identifier(c)))
                    .ifPresent(c -> out.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(instance));
        }
        return out;
    }

    /**
     * False when a DB instance in the cluster's account and Region names its cluster by a value
     * the inputs cannot tell (an unset parameter, an unknown import): it may belong to this
     * cluster, so the cluster's instance list may be incomplete.
     */
    boolean instancesKnown(Resource cluster) {
        return !placesWithUnknownInstances.contains(place(cluster));
    }
}
