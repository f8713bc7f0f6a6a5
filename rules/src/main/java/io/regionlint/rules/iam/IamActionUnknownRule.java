package io.regionlint.rules.iam;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.IamPatterns;
import io.regionlint.model.ListValue;
import io.regionlint.model.PolicyStatement;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import io.regionlint.rules.facts.IamActions;
import java.util.List;
import java.util.Optional;

/**
 * RL5009: a policy statement names an action that the Service Authorization Reference does not
 * list for its service, so the statement grants (or denies) nothing for it. A misspelling is
 * wrong whatever the account, Region or resource, so this needs nothing from the deployment.
 * Only services whose complete action list the facts hold are judged.
 */
@RuleInfo(id = "RL5009", summary = "A policy statement names an IAM action that does not exist",
        severity = Severity.ERROR, category = "iam", since = "0.1.0")
public final class IamActionUnknownRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Resource resource : ctx.topology().resources()) {
            for (PolicyStatement statement : PolicyStatement.declaredBy(resource)) {
                String element = statement.notAction() ? "NotAction" : "Action";
                Optional<Value> actions = statement.value(element);
                if (actions.isEmpty()) {
                    continue;
                }
                List<Value> items = actions.get() instanceof ListValue list ? list.items() : List.of(actions.get());
                for (Value item : items) {
                    Optional<String> action = item.text();
                    if (action.isPresent() && IamActions.exists(action.get()).equals(Optional.of(false))) {
                        report(ctx, resource, statement, element, item, action.get());
                    }
                }
            }
        }
    }

    private static void report(RuleContext ctx, Resource resource, PolicyStatement statement, String element,
                               Value at, String action) {
        String service = action.substring(0, action.indexOf(':'));
        boolean pattern = IamPatterns.hasWildcard(action);
        String what = pattern ? "'" + action + "' which matches no " + service + " action"
                : "'" + action + "', which is not an IAM action";
        String effect;
        if (statement.notAction()) {
            effect = "so listing it under NotAction excludes nothing";
        } else if (statement.deny()) {
            effect = "so the statement denies nothing for it";
        } else {
            effect = "so the statement grants nothing for it";
        }
        String hint = IamActions.nearest(action).map(n -> "; did you mean '" + n + "'?")
                .orElse(pattern ? "; write a pattern that matches the actions meant, or list them"
                        : "; use an action the reference lists for " + service);
        ctx.report(Site.of(resource, at), resource.type() + " " + resource.describe() + " names " + what
                + " (the Service Authorization Reference lists none such, as of " + IamActions.published() + "), "
                + effect + hint).key(element + "|" + action);
    }
}
