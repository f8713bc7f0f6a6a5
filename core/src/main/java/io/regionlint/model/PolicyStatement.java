package io.regionlint.model;

import java.util.List;
import java.util.Locale;
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
