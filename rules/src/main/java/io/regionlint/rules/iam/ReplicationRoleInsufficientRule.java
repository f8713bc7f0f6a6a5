package io.regionlint.rules.iam;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ListValue;
import io.regionlint.model.KmsDefaultEncryption;
import io.regionlint.model.MapValue;
import io.regionlint.model.PolicyStatement;
import io.regionlint.model.Regions;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.RolePermissions;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import io.regionlint.rules.facts.IamActions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RL5006: the role S3 assumes to replicate lacks a permission replication needs. One finding per
 * missing action per role, naming every bucket or key it is missing on. Silent for a role whose
 * policies are not all known (an AWS managed policy, an unresolved document, an unknown action).
 * Where only resources are unknown (ARNs built from an account id that was not given), an action
 * that no statement names is still missing, whatever the ARNs turn out to be.
 */
@RuleInfo(id = "RL5006", summary = "A replication role is not allowed an action S3 replication needs",
        severity = Severity.ERROR, category = "iam", since = "0.1.0")
public final class ReplicationRoleInsufficientRule implements Rule {

    static final List<String> SOURCE_BUCKET_ACTIONS = List.of("s3:GetReplicationConfiguration", "s3:ListBucket");
    static final List<String> SOURCE_OBJECT_ACTIONS = List.of("s3:GetObjectVersionForReplication",
            "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging");
    static final List<String> DESTINATION_OBJECT_ACTIONS = List.of("s3:ReplicateObject", "s3:ReplicateDelete",
            "s3:ReplicateTags");
    static final String DECRYPT = "kms:Decrypt";
    static final String ENCRYPT = "kms:Encrypt";
    /** An object key under the rule's prefix that no policy names literally. */
    private static final String PROBE_OBJECT = "regionlint-probe-object";

    @Override
    public void check(RuleContext ctx) {
        Topology topology = ctx.topology();
        for (ReplicationRoles.Use use : ReplicationRoles.of(topology)) {
            Optional<RolePermissions> permissions = topology.permissions(use.role());
            if (permissions.isEmpty() || !permissions.get().actionsComplete() || hasUnknownEffect(permissions.get())) {
                continue; // an absent permission may be granted where we cannot see
            }
            // with unknown resources, only an action named nowhere is certainly missing
            boolean anywhere = !permissions.get().complete();
            Grants grants = new Grants(topology, permissions.get(), anywhere);
            Map<String, Missing> missing = new LinkedHashMap<>();
            for (ReplicationRule rule : use.rules()) {
                if (rule.enabled()) {
                    if (anywhere) {
                        checkActionsNamed(rule, grants, missing);
                    } else {
                        checkRule(rule, grants, missing);
                    }
                }
            }
            missing.forEach((action, m) -> report(ctx, use, permissions.get(), action, m, anywhere));
        }
    }

    private static boolean hasUnknownEffect(RolePermissions permissions) {
        return permissions.statements().stream().anyMatch(s -> s.value("Effect").map(v -> v.text().isEmpty())
                .orElse(false));
    }

    // ---- what one replication rule needs ----------------------------------------------------

    /**
     * The actions a rule needs that no Allow statement of the role names at all, for a role whose
     * statements hold unknown resources: these are missing whichever ARNs the unknowns become.
     */
    private static void checkActionsNamed(ReplicationRule rule, Grants grants, Map<String, Missing> missing) {
        List<String> needed = new java.util.ArrayList<>(SOURCE_BUCKET_ACTIONS);
        needed.addAll(SOURCE_OBJECT_ACTIONS);
        needed.addAll(DESTINATION_OBJECT_ACTIONS);
        for (String action : needed) {
            if (!grants.allowedSomewhere(action)) {
                missing(missing, action, rule);
            }
        }
        if (sourceKmsKey(rule.source()).isPresent() && !grants.allowedSomewhere(DECRYPT)) {
            missing(missing, DECRYPT, rule);
        }
        Optional<Value> replicaKey = rule.rule().at("Destination", "EncryptionConfiguration", "ReplicaKmsKeyID");
        if (sourceKmsKey(rule.source()).isPresent() && replicaKey.isPresent() && !grants.allowedSomewhere(ENCRYPT)) {
            missing(missing, ENCRYPT, rule);
        }
    }

    private static void checkRule(ReplicationRule rule, Grants grants, Map<String, Missing> missing) {
        String source = ReplicationRoles.bucketArn(rule.source());
        for (String action : SOURCE_BUCKET_ACTIONS) {
            if (!grants.allowed(action, source)) {
                missing(missing, action, rule).on.add(arnLabel(source, Optional.of(rule.source()), ""));
            }
        }
        Optional<String> prefix = prefix(rule);
        if (prefix.isPresent()) {
            for (String action : SOURCE_OBJECT_ACTIONS) {
                if (!grants.allowed(action, source + "/" + prefix.get() + PROBE_OBJECT)) {
                    missing(missing, action, rule).on.add(arnLabel(source, Optional.of(rule.source()),
                            "/" + prefix.get() + "*"));
                }
            }
            Optional<String> destination = ReplicationRoles.destinationArn(rule);
            if (destination.isPresent()) {
                for (String action : DESTINATION_OBJECT_ACTIONS) {
                    if (!grants.allowed(action, destination.get() + "/" + prefix.get() + PROBE_OBJECT)) {
                        missing(missing, action, rule).on.add(arnLabel(destination.get(), rule.destination(),
                                "/" + prefix.get() + "*"));
                    }
                }
            }
        }
        checkKms(rule, grants, missing);
    }

    /**
     * When the source bucket encrypts by default with SSE-KMS or DSSE-KMS (where RL2007 applies),
     * S3 decrypts source objects with the bucket's key and encrypts replicas with the rule's
     * {@code ReplicaKmsKeyID}.
     */
    private static void checkKms(ReplicationRule rule, Grants grants, Map<String, Missing> missing) {
        Optional<KmsKey> sourceKey = sourceKmsKey(rule.source());
        if (sourceKey.isEmpty()) {
            return; // not KMS-encrypted by default, or its encryption cannot be known
        }
        Optional<String> account = rule.source().stack().account();
        if (!grants.allowedOnKey(DECRYPT, sourceKey.get(), rule.source().region(), account)) {
            missing(missing, DECRYPT, rule).on.add(quote(sourceKey.get().label("the source bucket's AWS managed key aws/s3")));
        }
        Optional<Value> replicaKey = rule.rule().at("Destination", "EncryptionConfiguration", "ReplicaKmsKeyID");
        if (replicaKey.isEmpty() || replicaKey.get().text().isEmpty()) {
            return; // absent (RL2007 reports it) or unknown
        }
        KmsKey key = new KmsKey(replicaKey.get().text());
        Optional<String> region = rule.destination().flatMap(Resource::region);
        if (!grants.allowedOnKey(ENCRYPT, key, region, account)) {
            missing(missing, ENCRYPT, rule).on.add(quote(key.label("the replica key")));
        }
    }

    /**
     * The default KMS key of a bucket that encrypts with SSE-KMS or DSSE-KMS; empty when the
     * bucket does not, or when its encryption settings cannot be known.
     */
    static Optional<KmsKey> sourceKmsKey(Resource bucket) {
        return KmsDefaultEncryption.of(bucket).map(encryption -> encryption.key()
                .map(key -> key.text().isEmpty() ? new KmsKey(Optional.empty(), true) : new KmsKey(key.text()))
                .orElseGet(() -> new KmsKey(Optional.empty())));
    }

    /**
     * The object key prefix a rule replicates ({@code Filter.Prefix}, {@code Filter.And.Prefix},
     * or the V1 {@code Prefix}); "" for the whole bucket; empty when it cannot be known.
     */
    static Optional<String> prefix(ReplicationRule rule) {
        MapValue map = rule.rule();
        Optional<Value> prefix;
        if (map.has("Filter")) {
            Value filter = map.get("Filter").get();
            if (!(filter instanceof MapValue f)) {
                return Optional.empty();
            }
            if (f.has("And") && !(f.get("And").get() instanceof MapValue)) {
                return Optional.empty();
            }
            prefix = f.get("Prefix").or(() -> f.at("And", "Prefix"));
        } else {
            prefix = map.get("Prefix");
        }
        return prefix.isEmpty() ? Optional.of("") : prefix.get().text();
    }

    // ---- reporting --------------------------------------------------------------------------

    /**
     * How a message names a bucket ARN (plus a suffix such as {@code /logs/*}) so that the user
     * can write it: the literal ARN where the bucket's name is known, else the expression that
     * gives it in the template ({@code !GetAtt Source.Arn}, {@code !Sub '${Source.Arn}/logs/*'}),
     * never the logical id dressed up as a bucket name.
     */
    static String arnLabel(String arn, Optional<Resource> bucket, String suffix) {
        if (!Tokens.containsToken(arn)) {
            return "'" + arn + suffix + "'";
        }
        if (bucket.isEmpty()) {
            return "the objects of the destination bucket";
        }
        Resource b = bucket.get();
        String expression = suffix.isEmpty() ? "!GetAtt " + b.logicalId() + ".Arn"
                : "!Sub '${" + b.logicalId() + ".Arn}" + suffix + "'";
        return expression + " (bucket '" + b.logicalId() + "' of stack '" + b.stack().name()
                + "', whose name CloudFormation generates)";
    }

    private static String quote(String text) {
        return text.startsWith("the ") ? text : "'" + text + "'";
    }

    /** What one action is missing on, and which rules need it. */
    private static final class Missing {
        final Set<String> on = new LinkedHashSet<>();
        final Map<String, ReplicationRule> rules = new LinkedHashMap<>();
    }

    private static Missing missing(Map<String, Missing> missing, String action, ReplicationRule rule) {
        Missing m = missing.computeIfAbsent(action, a -> new Missing());
        m.rules.putIfAbsent(rule.source().key() + "#" + rule.index(), rule);
        return m;
    }

    private static void report(RuleContext ctx, ReplicationRoles.Use use, RolePermissions permissions, String action,
                               Missing m, boolean anywhere) {
        Resource role = use.role();
        Site site = role.properties().get("Policies").map(v -> Site.of(role, v)).orElseGet(() -> Site.of(role));
        String sources = m.rules.values().stream().map(r -> r.source().describe()).distinct()
                .collect(Collectors.joining(", "));
        String on = anywhere ? "any resource: no statement of its policies names it (some of their ARNs are not "
                + "known, but no ARN makes up for a missing action)" : String.join(" and ", m.on);
        FindingBuilder finding = ctx.report(site, "Replication role " + role.describe() + " is not allowed " + action
                + " on " + on + ", which replicating from " + sources + " needs; allow it in one of the role's "
                + "policies" + misspelt(permissions, action)).key(action);
        for (ReplicationRule rule : m.rules.values()) {
            finding.related(rule.source(), Optional.of(rule.destinationValue()), "replication rule " + rule.label()
                    + " of " + rule.source().describe() + " uses this role");
        }
    }

    /** Names the role's entries that look like the action but are no IAM action (RL5009 reports them). */
    private static String misspelt(RolePermissions permissions, String action) {
        List<String> near = permissions.statements().stream().filter(PolicyStatement::allow)
                .flatMap(s -> s.actions().stream())
                .filter(a -> IamActions.exists(a).equals(Optional.of(false)))
                .filter(a -> IamActions.nearest(a).map(action::equalsIgnoreCase).orElse(false))
                .distinct().toList();
        if (near.isEmpty()) {
            return "";
        }
        return " (the policies name " + near.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "))
                + ", which is not an IAM action)";
    }

    // ---- what the role is granted -----------------------------------------------------------

    /**
     * A KMS key as a replication setting names it.
     *
     * @param text the key id, key ARN, alias or alias ARN; empty for the AWS managed key
     * @param unknown true when the setting is present but its value cannot be known
     */
    record KmsKey(Optional<String> text, boolean unknown) {

        KmsKey(Optional<String> text) {
            this(text, false);
        }

        String label(String whenManaged) {
            if (unknown) {
                return "the source bucket's default KMS key";
            }
            return text.orElse(whenManaged);
        }
    }

    /** The role's effective grants, as far as unconditional Deny statements go. */
    private static final class Grants {
        private final Topology topology;
        private final RolePermissions permissions;
        /** True when statements with unknown resources count as granting their actions somewhere. */
        private final boolean resourcesUnknown;

        Grants(Topology topology, RolePermissions permissions, boolean resourcesUnknown) {
            this.topology = topology;
            this.permissions = permissions;
            this.resourcesUnknown = resourcesUnknown;
        }

        boolean allowed(String action, String arn) {
            return permissions.allows(action, arn) && !permissions.deniesUnconditionally(action, arn);
        }

        /** True when some Allow statement grants the action on any resource. */
        boolean allowedSomewhere(String action) {
            return permissions.statements().stream().anyMatch(s -> s.allow() && (s.known() || resourcesUnknown)
                    && s.coversAction(action) && (s.notResource() || !s.resources().isEmpty() || !s.known()));
        }

        /**
         * True when the action is allowed on the key. Where the key's ARN cannot be told from the
         * setting (the AWS managed key, an alias, a key id without a known Region or account), any
         * grant of the action counts: only its total absence is certain.
         */
        boolean allowedOnKey(String action, KmsKey key, Optional<String> region, Optional<String> account) {
            Set<String> arns = key.text().map(t -> keyArns(t, region, account)).orElse(Set.of());
            if (arns.isEmpty()) {
                return allowedSomewhere(action);
            }
            return arns.stream().anyMatch(arn -> allowed(action, arn));
        }

        /** The texts a policy may use for the key: as written, and as its Ref/ARN when it is a template key. */
        private Set<String> keyArns(String text, Optional<String> region, Optional<String> account) {
            Set<String> out = new LinkedHashSet<>();
            if (Tokens.containsToken(text)) {
                Optional<String> resourceKey = Tokens.resourceKey(text);
                if (resourceKey.isEmpty() || isAlias(resourceKey.get())) {
                    return out;
                }
                String ref = Tokens.refOf(text).orElseThrow();
                out.add(text);
                out.add(ref);
                out.add(Tokens.attributeOf(text, "Arn").orElseThrow());
                if (region.isPresent() && account.isPresent()) {
                    out.add(keyArn(region.get(), account.get(), ref));
                }
                return out;
            }
            if (text.startsWith("alias/") || text.contains(":alias/")) {
                return out; // IAM policies name keys, not aliases
            }
            if (text.startsWith("arn:")) {
                out.add(text);
            } else if (region.isPresent() && account.isPresent()) {
                out.add(keyArn(region.get(), account.get(), text));
            }
            return out;
        }

        private boolean isAlias(String resourceKey) {
            return topology.resource(resourceKey).map(r -> r.isType("AWS::KMS::Alias")).orElse(false);
        }

        private static String keyArn(String region, String account, String keyId) {
            return "arn:" + Regions.partition(region) + ":kms:" + region + ":" + account + ":key/" + keyId;
        }
    }
}
