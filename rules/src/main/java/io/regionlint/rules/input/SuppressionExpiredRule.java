package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.engine.SuppressionUse;

/**
 * RL1010: a project suppression whose {@code expires} day has passed. The engine no longer
 * applies it, so the findings it covered fail the run again; this finding, at the suppression's
 * entry in the project file, says why they came back and what to do about the entry.
 */
@RuleInfo(id = "RL1010", summary = "A suppression in the project file has expired and no longer applies",
        severity = Severity.WARNING, category = "inputs", since = "0.1.0")
public final class SuppressionExpiredRule implements Rule {

    @Override
    public boolean auditsSuppressions() {
        return true;
    }

    @Override
    public void check(RuleContext context) {
        for (SuppressionUse use : context.suppressionUses()) {
            if (use.status() != SuppressionUse.Status.EXPIRED) {
                continue;
            }
            String head = "Suppression of " + use.rule() + Suppressions.target(use) + " expired on "
                    + use.expires().orElseThrow();
            String message = use.matched() == 0 ? head + " and no longer applies; remove the entry, or set a new"
                    + " 'expires' day if the reason ('" + use.reason() + "') still holds"
                    : head + " and no longer applies: " + (use.matched() == 1 ? "the finding it covered is"
                    : "the " + use.matched() + " findings it covered are") + " reported again; fix "
                    + (use.matched() == 1 ? "it" : "them") + ", or set a new 'expires' day if the reason ('"
                    + use.reason() + "') still holds";
            context.report(Site.of(use.declaredAt()), message)
                    .key(use.rule() + "|" + use.target().orElse(""));
        }
    }
}
