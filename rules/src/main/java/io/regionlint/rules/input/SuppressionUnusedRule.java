package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.engine.Suppression;
import io.regionlint.engine.SuppressionUse;

/**
 * RL1011: a suppression (project file or template Metadata) that matches no finding although its
 * rule ran: the problem was fixed, the resource renamed, or the entry names the wrong rule or
 * resource. Left in place, it would silently hide the problem should it come back. A suppression
 * whose rule did not run (turned off, or not selected with --rule) cannot be judged and is left
 * alone; an expired one is RL1010's.
 */
@RuleInfo(id = "RL1011", summary = "A suppression matches no finding", severity = Severity.NOTE,
        category = "inputs", since = "0.1.0")
public final class SuppressionUnusedRule implements Rule {

    @Override
    public boolean auditsSuppressions() {
        return true;
    }

    @Override
    public void check(RuleContext context) {
        for (SuppressionUse use : context.suppressionUses()) {
            if (use.status() != SuppressionUse.Status.UNUSED) {
                continue;
            }
            String message = use.origin() == Suppression.Origin.TEMPLATE
                    ? "Metadata suppression of " + use.rule() + " on '" + use.target().orElse("") + "' matches no"
                    + " finding in any Region although " + use.rule() + " ran; remove it, or correct its rule id"
                    : "Suppression of " + use.rule() + Suppressions.target(use) + " matches no finding although "
                    + use.rule() + " ran; remove the entry, or correct its rule id or resource (stack/logicalId, "
                    + "construct path or ARN)";
            context.report(Site.of(use.declaredAt()), message).key(use.rule() + "|" + use.target().orElse(""));
        }
    }
}
