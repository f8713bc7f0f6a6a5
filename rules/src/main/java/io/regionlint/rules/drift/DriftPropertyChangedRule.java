package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;

/**
 * RL8001: a deployed resource (as AWS Config recorded it) differs from its template in a setting
 * that decides how it survives a Region: versioning, a replication rule's destination, a
 * replica's read capacity or table class, engine version, backup retention, multi-Region keys.
 * Changes that weaken resilience are RL8005's and changed replica sets RL8006's, so each
 * difference is reported once. Values are normalised first (see {@link Differences}), and an
 * unknown template value is never drift.
 */
@RuleInfo(id = "RL8001", summary = "A deployed resource's property differs from its template", severity = Severity.WARNING,
        category = "drift", since = "0.1.0")
public final class DriftPropertyChangedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Differences.Difference d : Differences.of(context.topology(), Differences.Kind.CHANGED)) {
            Differences.report(context, d, "deploy the template again to restore it, or write the deployed value"
                    + " into the template if the change was meant");
        }
    }
}
