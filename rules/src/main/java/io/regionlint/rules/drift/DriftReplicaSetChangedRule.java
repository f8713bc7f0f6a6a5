package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;

/**
 * RL8006: the Regions a data store is replicated to are not the ones its template declares: a
 * DynamoDB global table's replicas, a secret's {@code ReplicaRegions}. A declared Region with no
 * deployed replica is an error (that Region has no copy to fail over to); a deployed replica the
 * template does not declare is a warning (the next deployment may remove it). A secret's replica
 * counts as missing only where AWS Config records secrets in that Region.
 */
@RuleInfo(id = "RL8006", summary = "A data store's deployed replica Regions differ from its template",
        severity = Severity.ERROR, category = "drift", since = "0.1.0")
public final class DriftReplicaSetChangedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Differences.Difference d : Differences.of(context.topology(), Differences.Kind.REPLICAS)) {
            Differences.report(context, d, "deploy the template again to restore the declared Regions, or change"
                    + " the template to the Regions that are meant");
        }
    }
}
