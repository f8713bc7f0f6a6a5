package io.regionlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One statement of an IAM policy document, its actions and resources as text (with tokens for
 * template resources). {@code known} is false when any action or resource could not be resolved.
 *
 * @param statement the statement's resolved map (for locations)
 * @param owner the resource that declares the document (a role, or a policy resource)
 */
public record PolicyStatement(Resource owner, MapValue statement, boolean allow, List<String> actions,
                              boolean notAction, List<String> resources, boolean notResource, boolean known) {

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** True when this statement's action list covers the action (IAM wildcards, case-insensitive). */
    public boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(a -> IamPatterns.matches(a.toLowerCase(Locale.ROOT),
                action.toLowerCase(Locale.ROOT)));
        return notAction ? !listed : listed;
    }

    /** True when this statement's resources cover the ARN. */
    public boolean coversResource(String arn) {
        boolean listed = resources.stream().anyMatch(r -> IamPatterns.matches(r, arn));
        return notResource ? !listed : listed;
    }

    public Optional<Value> value(String key) {
        return statement.get(key);
    }

    /** True for an explicit {@code Effect: Deny}. */
    public boolean deny() {
        return statement.textAt("Effect").map("Deny"::equals).orElse(false);
    }

    /**
     * False when some entry of {@code Action} (or {@code NotAction}) could not be resolved: then
     * the statement may name any action. {@code known} also covers the resources.
     */
    public boolean actionsKnown() {
        List<String> ignored = new ArrayList<>();
        return PolicyDocuments.texts(statement.get(notAction ? "NotAction" : "Action"), ignored);
    }

    /**
     * The statement's condition tests, in template order; one per operator and key. A
     * {@code Condition} that is not a map of maps gives {@link #conditionsKnown()} false.
     */
    public List<PolicyCondition> conditions() {
        Optional<Value> condition = statement.get("Condition");
        if (condition.isEmpty() || !(condition.get() instanceof MapValue operators)) {
            return List.of();
        }
        List<PolicyCondition> out = new ArrayList<>();
        for (Map.Entry<String, Value> block : operators.entries().entrySet()) {
            if (!(block.getValue() instanceof MapValue keys)) {
                continue;
            }
            for (Map.Entry<String, Value> test : keys.entries().entrySet()) {
                List<String> values = new ArrayList<>();
                boolean known = PolicyDocuments.texts(Optional.of(test.getValue()), values);
                out.add(new PolicyCondition(block.getKey(), test.getKey(), values, known, test.getValue()));
            }
        }
        return out;
    }

    /**
     * False when the statement has a {@code Condition} whose shape cannot be read as operators
     * over keys (an unresolved value, or a block that is not a map): its tests are then unknown.
     */
    public boolean conditionsKnown() {
        Optional<Value> condition = statement.get("Condition");
        if (condition.isEmpty()) {
            return true;
        }
        return condition.get() instanceof MapValue operators
                && operators.entries().values().stream().allMatch(v -> v instanceof MapValue);
    }

    /**
     * The statements of every policy document a resource declares: the identity policies of IAM
     * roles, users and groups ({@code Policies}) and of the policy resources, a role's trust
     * policy, and the resource policies of buckets ({@code AWS::S3::BucketPolicy}), KMS keys
     * ({@code KeyPolicy}), secrets ({@code AWS::SecretsManager::ResourcePolicy}) and DynamoDB
     * tables ({@code ResourcePolicy.PolicyDocument}). Documents
     * that cannot be read are left out; empty for other resource types.
     */
    public static List<PolicyStatement> declaredBy(Resource resource) {
        return PolicyDocuments.declaredBy(resource);
    }

    /** True when the statement's Condition tests the key (case-insensitive), under any operator. */
    public boolean hasConditionKey(String key) {
        Optional<Value> condition = statement.get("Condition");
        if (condition.isEmpty() || !(condition.get() instanceof MapValue operators)) {
            return false;
        }
        for (Value block : operators.entries().values()) {
            if (block instanceof MapValue keys && keys.entries().keySet().stream().anyMatch(key::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }
}
