package io.regionlint.rules.kms;

import io.regionlint.model.Arn;
import io.regionlint.model.IamPatterns;
import io.regionlint.model.KeyLocation;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.PolicyStatement;
import io.regionlint.model.Resource;
import io.regionlint.model.RoleUse;
import io.regionlint.model.RolePermissions;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Questions about KMS keys that several KMS rules ask: which keys compute is granted or told
 * about, and which keys belong to one multi-Region family. Answers never guess: a reference
 * the model cannot locate is left out.
 */
final class KmsKeys {

    static final String KEY = "AWS::KMS::Key";
    static final String REPLICA_KEY = "AWS::KMS::ReplicaKey";
    /** The cryptographic operations that make compute call KMS with a key. */
    static final List<String> CRYPTO_ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext");

    private KmsKeys() {
    }

    /**
     * A key named in a policy statement of a role that compute runs with.
     *
     * @param use the compute and the role; the grant is used from the compute's Region
     * @param statement the Allow statement
     * @param at the {@code Resource} entry naming the key
     * @param key where that key lives
     * @param actions the cryptographic actions the statement allows, as users write them
     */
    record Grant(RoleUse use, PolicyStatement statement, Value at, KeyLocation key, List<String> actions) {
    }

    /**
     * A key named in the environment of compute (a Lambda variable, an ECS container variable).
     *
     * @param compute the function or task definition; the key is used from its Region
     * @param at the variable's value
     * @param key where that key lives
     */
    record EnvironmentReference(Resource compute, Value at, KeyLocation key) {
    }

    /** Every key compute is allowed to encrypt or decrypt with, per role use. */
    static List<Grant> grants(Topology topology) {
        List<Grant> out = new ArrayList<>();
        for (RoleUse use : topology.roleUses()) {
            Optional<RolePermissions> permissions = topology.permissions(use.role());
            if (permissions.isEmpty()) {
                continue;
            }
            for (PolicyStatement statement : permissions.get().statements()) {
                List<String> actions = cryptoActions(statement);
                if (!statement.allow() || statement.notResource() || actions.isEmpty()) {
                    continue;
                }
                for (Value item : items(statement.value("Resource"))) {
                    Optional<String> text = item.text();
                    if (text.isEmpty() || isAliasOrPattern(text.get())) {
                        continue; // IAM grants name keys; an alias or a wildcard is not one known key
                    }
                    KeyLocation key = topology.keyLocation(item, statement.owner(), use.region());
                    if (key.key().isPresent() || key.region().isPresent()) {
                        out.add(new Grant(use, statement, item, key, actions));
                    }
                }
            }
        }
        return out;
    }

    /** Every key that compute is handed in its environment variables. */
    static List<EnvironmentReference> environment(Topology topology) {
        List<EnvironmentReference> out = new ArrayList<>();
        for (Resource function : topology.resources("AWS::Lambda::Function")) {
            function.properties().at("Environment", "Variables").filter(MapValue.class::isInstance)
                    .ifPresent(v -> ((MapValue) v).entries().values().forEach(value -> reference(topology, function,
                            value, out)));
        }
        for (Resource task : topology.resources("AWS::ECS::TaskDefinition")) {
            for (Value container : items(task.properties().get("ContainerDefinitions"))) {
                for (Value variable : items(container.at("Environment"))) {
                    variable.at("Value").ifPresent(value -> reference(topology, task, value, out));
                }
            }
        }
        return out;
    }

    private static void reference(Topology topology, Resource compute, Value value, List<EnvironmentReference> out) {
        Optional<String> text = value.text();
        if (text.isEmpty() || !(Tokens.containsToken(text.get()) || Arn.kms(text.get()).isPresent())) {
            return;
        }
        KeyLocation key = topology.keyLocation(value, compute, compute.region());
        if (key.key().filter(k -> k.isType(KEY) || k.isType(REPLICA_KEY)).isPresent()
                || Arn.kms(text.get()).isPresent() && key.region().isPresent()) {
            out.add(new EnvironmentReference(compute, value, key));
        }
    }

    /** The cryptographic actions a statement allows, "kms:GenerateDataKey*" standing for its variants. */
    static List<String> cryptoActions(PolicyStatement statement) {
        Set<String> out = new LinkedHashSet<>();
        for (String action : CRYPTO_ACTIONS) {
            if (statement.coversAction(action)) {
                out.add(action.startsWith("kms:GenerateDataKey") ? "kms:GenerateDataKey*" : action);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isAliasOrPattern(String text) {
        return text.startsWith("alias/") || text.contains(":alias/") || IamPatterns.hasWildcard(text);
    }

    /** The items of a list value, or the value itself; nothing for an absent value. */
    static List<Value> items(Optional<Value> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get() instanceof ListValue list ? list.items() : List.of(value.get());
    }

    // ---- multi-Region families --------------------------------------------------------------

    /** True when a template key is declared multi-Region ({@code MultiRegion: true}). */
    static boolean multiRegionPrimary(Resource key) {
        return key.isType(KEY) && key.properties().textAt("MultiRegion").map("true"::equalsIgnoreCase).orElse(false);
    }

    /** The template primary of a key resource: itself, or the primary a replica key is joined to. */
    static Optional<Resource> primaryOf(Topology topology, Resource key) {
        if (key.isType(KEY)) {
            return Optional.of(key);
        }
        if (key.isType(REPLICA_KEY)) {
            return topology.primaryKeyOf(key);
        }
        return Optional.empty();
    }

    /** A member of the key's multi-Region family in the Region: the primary or one of its replica keys. */
    static Optional<Resource> memberIn(Topology topology, Resource primary, String region) {
        if (primary.region().filter(region::equals).isPresent()) {
            return Optional.of(primary);
        }
        return topology.replicaKeysOf(primary).stream().filter(r -> r.region().filter(region::equals).isPresent())
                .findFirst();
    }

    /**
     * True when a replica key in the Region might replicate the primary although the model could
     * not join it: its {@code PrimaryKeyArn} is unknown, or a literal ARN in the primary's Region
     * (a template key's id is generated, so a literal ARN can never be matched to it).
     */
    static boolean mayHaveUnjoinedReplica(Topology topology, Resource primary, String region) {
        for (Resource replica : topology.resources(REPLICA_KEY)) {
            if (!replica.region().filter(region::equals).isPresent() || topology.replicaKeysOf(primary)
                    .contains(replica)) {
                continue;
            }
            Optional<Value> arn = replica.properties().get("PrimaryKeyArn");
            if (arn.isEmpty() || arn.get().text().isEmpty()) {
                return true;
            }
            String text = arn.get().text().get();
            if (Tokens.containsToken(text)) {
                continue; // joined to another template key, or to nothing
            }
            Optional<Arn> named = Arn.kms(text);
            if (named.isEmpty() || primary.region().map(named.get().region()::equals).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How messages name the member of a key's multi-Region family in a Region, when the loaded
     * templates declare one: the template primary or a replica key joined to it, or a replica key
     * whose literal {@code PrimaryKeyArn} has the same {@code mrk-} key id as the reference.
     */
    static Optional<String> localMember(Topology topology, KeyLocation key, String region) {
        Optional<Resource> loaded = key.key().flatMap(k -> primaryOf(topology, k)).flatMap(p -> memberIn(topology, p,
                region));
        if (loaded.isPresent()) {
            return Optional.of((loaded.get().isType(KEY) ? "its primary key " : "its replica key ")
                    + loaded.get().describe());
        }
        Optional<Arn> reference = Arn.kms(key.reference());
        if (Tokens.containsToken(key.reference()) || reference.isEmpty() || !reference.get().resourceType().equals("key")
                || !reference.get().resourceId().startsWith("mrk-")) {
            return Optional.empty();
        }
        Arn used = reference.get();
        String arn = new Arn(used.partition(), "kms", region, used.account(), used.resource()).toString();
        for (Resource replica : topology.resources(REPLICA_KEY)) {
            Optional<String> primary = replica.properties().textAt("PrimaryKeyArn");
            Optional<Arn> m = primary.flatMap(Arn::kms);
            if (m.isEmpty() || !m.get().resourceId().equals(used.resourceId())
                    || !m.get().account().equals(used.account())) {
                continue;
            }
            if (m.get().region().equals(region)) {
                return Optional.of("its primary key " + arn);
            }
            if (replica.region().filter(region::equals).isPresent()) {
                return Optional.of("its replica key " + arn + " ('" + replica.displayName() + "' in stack "
                        + replica.stack().name() + ")");
            }
        }
        return Optional.empty();
    }

    /** How messages name a key: the loaded key resource, else the reference as written. */
    static String name(KeyLocation key) {
        if (Tokens.containsToken(key.reference()) && key.key().isPresent()) {
            return "'" + key.key().get().displayName() + "'";
        }
        return "'" + key.reference() + "'";
    }
}
