package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.load.MapNode;
import io.regionlint.model.DeployedOrigin;
import io.regionlint.model.Resource;
import io.regionlint.model.StackInstance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RL8003: a deployed resource whose CloudFormation tags name a stack of this project
 * ({@code aws:cloudformation:stack-name}, {@code aws:cloudformation:logical-id}), under a
 * logical id that stack's template does not declare: the stack was deployed from another version
 * of the template (a branch, an unmerged change), or the resource was moved between stacks. The
 * template in the repository no longer describes what the stack holds; the next deployment from
 * it deletes the resource. Reported at the template's {@code Resources}, with the item as the
 * related place.
 */
@RuleInfo(id = "RL8003", summary = "A deployed resource carries a stack's tags but is not in its template",
        severity = Severity.WARNING, category = "drift", since = "0.1.0")
public final class DriftResourceUndeclaredRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Map<String, StackInstance> stacks = new HashMap<>();
        for (StackInstance s : context.topology().stacks()) {
            if (!s.isObserved() && s.nestedIn().isEmpty()) {
                stacks.putIfAbsent(s.account().orElse("") + "|" + s.name(), s);
                stacks.putIfAbsent("|" + s.name(), s);
            }
        }
        for (Resource r : context.topology().resources()) {
            Optional<DeployedOrigin> origin = DeployedOrigin.of(r);
            if (origin.isEmpty()) {
                continue;
            }
            String account = origin.get().account();
            String stackName = origin.get().stackName();
            String logicalId = origin.get().logicalId();
            StackInstance stack = stacks.getOrDefault(account + "|" + stackName, stacks.get("|" + stackName));
            if (stack == null || stack.account().filter(a -> !a.equals(account)).isPresent()) {
                continue;
            }
            if (!(stack.template().root() instanceof MapNode root)
                    || !(root.get("Resources").orElse(null) instanceof MapNode resources)
                    || resources.get(logicalId).isPresent()) {
                continue;
            }
            context.report(Site.of(root.keyRange("Resources")), r.type().replace("AWS::", "") + " "
                            + r.describe() + " carries the tags of stack '" + stackName + "' (logical id '"
                            + logicalId + "'), but " + stack.file() + " declares no resource '"
                            + logicalId + "': the stack was deployed from another version of the template, and"
                            + " deploying this one deletes the resource; add the resource to the template, or retire"
                            + " it on purpose")
                    .regions(stack.region())
                    .related(r, Optional.empty(), "the deployed resource, as AWS Config recorded it")
                    .key(r.observed().get().arn());
        }
    }
}
