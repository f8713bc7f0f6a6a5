package io.regionlint.rules.routing;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import io.regionlint.rules.facts.AwsFacts;

/**
 * RL6009: ARC readiness check resources, a feature closed to new customers and managed in
 * us-west-2 only.
 */
@NotRecordedByConfig(value = "ARC readiness resources (AWS::Route53RecoveryReadiness::*), which regionlint does not map from AWS Config items")
@RuleInfo(id = "RL6009", summary = "ARC readiness checks are closed to new customers", severity = Severity.NOTE,
        category = "routing", since = "0.1.0")
public final class ArcReadinessClosedRule implements Rule {

    private static final String PREFIX = "AWS::Route53RecoveryReadiness::";

    @Override
    public void check(RuleContext context) {
        if (!Boolean.parseBoolean(AwsFacts.text("arc.readiness.closedToNewCustomers"))) {
            return;
        }
        for (Resource r : context.topology().resources()) {
            if (!r.type().startsWith(PREFIX)) {
                continue;
            }
            context.report(Site.of(r), r.type().substring(PREFIX.length()) + " '" + r.logicalId() + "' uses ARC"
                    + " readiness checks, which are no longer open to new customers (existing customers keep them) and"
                    + " whose resources live in us-west-2 only; for a new system plan failover with ARC Region switch"
                    + " (AWS::ARCRegionSwitch::Plan) and check Regional parity with this linter instead");
        }
    }
}
