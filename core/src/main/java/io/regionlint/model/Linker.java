package io.regionlint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins resources across stack instances and Regions. Every join goes through a hash index
 * (logical key, physical name), so linking costs time linear in the number of resources and
 * links; nothing compares all pairs.
 */
final class Linker {

    static final String BUCKET = "AWS::S3::Bucket";
    static final String ROLE = "AWS::IAM::Role";

    private final List<StackInstance> stacks;
    private final List<Resource> resources;
    private final Map<String, RegionRole> regionRoles;
    private final Map<String, Resource> byKey = new HashMap<>();
    private final Map<String, List<Resource>> byType = new HashMap<>();
    private final Map<String, List<Resource>> byPhysicalName = new HashMap<>();
    private final List<UnresolvedPeer> unresolved = new ArrayList<>();

    Linker(List<StackInstance> stacks, List<Resource> resources, Map<String, RegionRole> regionRoles) {
        this(stacks, resources, regionRoles, List.of());
    }

    /** A linker that also reports the given peers (templates a stack deploys that were not read). */
    Linker(List<StackInstance> stacks, List<Resource> resources, Map<String, RegionRole> regionRoles,
           List<UnresolvedPeer> unread) {
        this.stacks = stacks;
        this.resources = resources;
        this.regionRoles = regionRoles;
        this.unresolved.addAll(unread);
    }

    Topology link() {
        for (Resource r : resources) {
            byKey.put(r.key(), r);
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
            byPhysicalName.computeIfAbsent(r.type() + " " + r.physicalName(), t -> new ArrayList<>()).add(r);
        }
        List<ReplicationRule> rules = new ArrayList<>();
        Map<String, List<ReplicationRule>> bySource = new HashMap<>();
        Map<String, List<ReplicationRule>> byDestination = new HashMap<>();
        for (Resource bucket : byType.getOrDefault(BUCKET, List.of())) {
            for (ReplicationRule rule : replicationRules(bucket)) {
                rules.add(rule);
                bySource.computeIfAbsent(bucket.key(), k -> new ArrayList<>()).add(rule);
                rule.destination().ifPresent(d -> byDestination.computeIfAbsent(d.key(), k -> new ArrayList<>())
                        .add(rule));
            }
        }
        Map<String, RolePermissions> permissions = permissions();
        DataTierLinker data = new DataTierLinker(byKey, byType);
        List<GlobalTable> tables = data.globalTables();
        List<GlobalDatabase> databases = data.globalDatabases();
        List<KeyUse> keyUses = data.keyUses(rules, tables, databases);
        for (KeyUse use : keyUses) {
            KeyLocation k = use.location();
            if (use.replicated() && k.region().isEmpty() && !k.awsManaged()) {
                unresolved.add(new UnresolvedPeer(use.owner(), use.at(), "KMS key of the " + use.copy(),
                        use.at().isUnknown() ? ((UnknownValue) use.at()).reason() : keyNotLocated(k, use.copyRegion())));
            }
        }
        Map<String, List<Resource>> frozenTypes = new LinkedHashMap<>();
        byType.forEach((type, list) -> frozenTypes.put(type, List.copyOf(list)));
        List<RoleUse> roleUses = new RoleUsers(byKey, byType, this::roleByArnOrName).uses();
        return new Topology(stacks, resources, frozenTypes, regionRoles, rules, bySource, byDestination, permissions,
                unresolved, data, tables, databases, data.instancesByCluster(),
                data.replicaKeys(), new SecretLinker(byKey, byType, resources).uses(), keyUses, roleUses);
    }

    /** Why a key reference that is known text could not be located, by its shape. */
    private static String keyNotLocated(KeyLocation key, Optional<String> usedIn) {
        String text = key.reference();
        if (text.startsWith("alias/")) {
            return "alias '" + text + "' resolves in " + usedIn.orElse("the Region of use")
                    + ", and no loaded template declares it there";
        }
        if (Tokens.containsToken(text)) {
            return "'" + Tokens.display(text) + "' does not name a KMS key";
        }
        if (!text.contains(":") && !text.contains("/")) {
            return "key id '" + text + "' does not name its Region, and no loaded template declares that key";
        }
        return "'" + text + "' is not a KMS key ARN, alias ARN, alias name or key id";
    }

    // ---- lookups ----------------------------------------------------------------------------

    /**
     * The resource a text names: a token of a template resource, or a physical name of the type.
     * Where several loaded resources carry the name (a literal role name in a template deployed
     * to several Regions, which CloudFormation itself would refuse), the one in the referring
     * resource's own stack wins, then one in its account and Region.
     */
    private Optional<Resource> byTokenOrName(String text, String type, String name, Resource from) {
        if (Tokens.containsToken(text)) {
            return Tokens.resourceKey(text).map(byKey::get).filter(r -> r.isType(type));
        }
        List<Resource> candidates = byPhysicalName.getOrDefault(type + " " + name, List.of());
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        return candidates.stream().filter(c -> c.stack().id().equals(from.stack().id())).findFirst()
                .or(() -> candidates.stream().filter(c -> c.region().equals(from.region())
                        && c.stack().account().equals(from.stack().account())).findFirst())
                .or(() -> Optional.of(candidates.get(0)));
    }

    private Optional<Resource> bucketByArn(String arn, Resource from) {
        if (Tokens.containsToken(arn) && !arn.contains(":s3:::")) {
            return Optional.empty();
        }
        return Arn.bucket(arn).flatMap(name -> byTokenOrName(name, BUCKET, name, from));
    }

    private Optional<Resource> roleByArnOrName(String text, Resource from) {
        if (Tokens.containsToken(text)) {
            return Tokens.resourceKey(text).map(byKey::get).filter(r -> r.isType(ROLE));
        }
        String name = Arn.iam(text, "role").map(Arn::name).orElse(text);
        return byTokenOrName(name, ROLE, name, from);
    }

    // ---- S3 replication ---------------------------------------------------------------------

    private List<ReplicationRule> replicationRules(Resource bucket) {
        Optional<Value> config = bucket.properties().get("ReplicationConfiguration");
        if (config.isEmpty() || !(config.get() instanceof MapValue configuration)) {
            config.filter(Value::isUnknown).ifPresent(v -> unresolved.add(new UnresolvedPeer(bucket, v,
                    "replication configuration", ((UnknownValue) v).reason())));
            return List.of();
        }
        Optional<Resource> role = Optional.empty();
        Optional<Value> roleValue = configuration.get("Role");
        if (roleValue.isPresent()) {
            Optional<String> roleText = roleValue.get().text();
            role = roleText.flatMap(t -> roleByArnOrName(t, bucket));
            if (role.isEmpty()) {
                unresolved.add(new UnresolvedPeer(bucket, roleValue.get(), "replication role",
                        roleText.map(t -> "role '" + Tokens.display(t) + "' is not among the loaded templates")
                                .orElseGet(() -> reason(roleValue.get()))));
            }
        }
        List<ReplicationRule> out = new ArrayList<>();
        Optional<Value> rulesValue = configuration.get("Rules");
        if (rulesValue.isEmpty() || !(rulesValue.get() instanceof ListValue list)) {
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof MapValue rule)) {
                continue;
            }
            Value destinationValue = rule.at("Destination", "Bucket").orElse(rule);
            Optional<String> text = rule.textAt("Destination", "Bucket");
            Optional<Resource> destination = text.flatMap(t -> bucketByArn(t, bucket));
            if (destination.isEmpty() && rule.textAt("Status").map("Enabled"::equals).orElse(false)) {
                unresolved.add(new UnresolvedPeer(bucket, destinationValue, "replication destination bucket",
                        text.map(t -> Arn.bucket(t).isPresent()
                                ? "bucket '" + Tokens.display(t) + "' is not among the loaded templates"
                                : "'" + Tokens.display(t) + "' is not an S3 bucket ARN")
                                .orElseGet(() -> reason(destinationValue))));
            }
            out.add(new ReplicationRule(bucket, i, rule, destinationValue, destination, configuration, role));
        }
        return out;
    }

    private static String reason(Value v) {
        return v instanceof UnknownValue u ? u.reason() : "the value is not a string";
    }

    // ---- IAM --------------------------------------------------------------------------------

    private Map<String, RolePermissions> permissions() {
        Map<String, List<PolicyStatement>> statements = new HashMap<>();
        Map<String, Boolean> complete = new HashMap<>();
        List<Resource> roles = byType.getOrDefault(ROLE, List.of());
        for (Resource role : roles) {
            statements.put(role.key(), new ArrayList<>());
            complete.put(role.key(), true);
            Optional<Value> inline = role.properties().get("Policies");
            if (inline.isPresent()) {
                if (inline.get() instanceof ListValue list) {
                    for (Value policy : list.items()) {
                        attach(role, role, policy.at("PolicyDocument"), statements, complete);
                    }
                } else {
                    complete.put(role.key(), false);
                }
            }
            List<String> managed = new ArrayList<>();
            if (!PolicyDocuments.texts(role.properties().get("ManagedPolicyArns"), managed)) {
                complete.put(role.key(), false);
            }
            for (String arn : managed) {
                Optional<Resource> policy = managedPolicy(arn);
                if (policy.isPresent()) {
                    attach(role, policy.get(), policy.get().properties().get("PolicyDocument"), statements, complete);
                } else {
                    complete.put(role.key(), false); // an AWS managed or external policy: contents unknown
                }
            }
        }
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (Resource policy : byType.getOrDefault(type, List.of())) {
                List<String> names = new ArrayList<>();
                PolicyDocuments.texts(policy.properties().get("Roles"), names);
                for (String name : names) {
                    roleByArnOrName(name, policy).ifPresent(role -> attach(role, policy,
                            policy.properties().get("PolicyDocument"), statements, complete));
                }
            }
        }
        for (Resource policy : byType.getOrDefault("AWS::IAM::RolePolicy", List.of())) {
            policy.properties().textAt("RoleName").flatMap(t -> roleByArnOrName(t, policy)).ifPresent(role -> attach(role,
                    policy, policy.properties().get("PolicyDocument"), statements, complete));
        }
        Map<String, RolePermissions> out = new HashMap<>();
        for (Resource role : roles) {
            List<PolicyStatement> trust = role.properties().get("AssumeRolePolicyDocument")
                    .flatMap(d -> PolicyDocuments.statements(role, d)).orElse(List.of());
            boolean documentsComplete = complete.get(role.key());
            boolean statementsKnown = statements.get(role.key()).stream().allMatch(PolicyStatement::known);
            out.put(role.key(), new RolePermissions(role, statements.get(role.key()), trust,
                    documentsComplete && statementsKnown, documentsComplete));
        }
        return out;
    }

    private Optional<Resource> managedPolicy(String arn) {
        if (Tokens.containsToken(arn)) {
            return Tokens.resourceKey(arn).map(byKey::get).filter(r -> r.isType("AWS::IAM::ManagedPolicy"));
        }
        Optional<Arn> policy = Arn.iam(arn, "policy");
        if (policy.isEmpty() || policy.get().account().equals("aws")) {
            return Optional.empty(); // an AWS managed policy is not among the templates
        }
        String name = policy.get().name();
        return byType.getOrDefault("AWS::IAM::ManagedPolicy", List.of()).stream()
                .filter(p -> p.properties().textAt("ManagedPolicyName").map(name::equals).orElse(false))
                .findFirst();
    }

    private static void attach(Resource role, Resource owner, Optional<Value> document,
                               Map<String, List<PolicyStatement>> statements, Map<String, Boolean> complete) {
        if (!statements.containsKey(role.key())) {
            return;
        }
        Optional<List<PolicyStatement>> parsed = document.flatMap(d -> PolicyDocuments.statements(owner, d));
        if (parsed.isEmpty()) {
            complete.put(role.key(), false);
            return;
        }
        statements.get(role.key()).addAll(parsed.get()); // unknown values are judged per statement
    }
}
