package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;

/**
 * RL8005: what is deployed is weaker than the template for surviving a Region: a declared
 * replication rule removed or disabled (or its delete-marker replication, replica modification
 * sync or replication time control turned off), versioning suspended, deletion protection or a
 * replica's point-in-time recovery off. Unlike other drift (RL8001), the system that runs no
 * longer does what the template promises when a Region fails, so it is an error.
 */
@RuleInfo(id = "RL8005", summary = "A deployed resource is weaker than its template for surviving a Region",
        severity = Severity.ERROR, category = "drift", since = "0.1.0")
public final class DriftResilienceWeakenedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Differences.Difference d : Differences.of(context.topology(), Differences.Kind.WEAKENED)) {
            Differences.report(context, d, "deploy the template again to restore it (and find out who changed"
                    + " it and why: the console and scripts bypass the template)");
        }
    }
}
