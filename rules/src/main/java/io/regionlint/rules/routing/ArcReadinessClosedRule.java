package io.regionlint.rules.routing;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import io.regionlint.rules.facts.AwsFacts;

/**
 * RL6009: ARC readiness check resources, a feature closed to new customers and managed in
 * us-west-2 only: declared in templates, or recorded by AWS Config (its
 * {@code AWS::Route53RecoveryReadiness::*} items, mapped by their names).
 */
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
            String kind = r.type().substring(PREFIX.length());
            // a deployed resource by its name (its logical id is its ARN)
            String name = r.observed().isPresent() ? r.properties().textAt(kind + "Name").orElse(r.physicalName())
                    : r.logicalId();
            context.report(Site.of(r), kind + " '" + name + "' uses ARC"
                    + " readiness checks, which are no longer open to new customers (existing customers keep them) and"
                    + " whose resources live in us-west-2 only; for a new system plan failover with ARC Region switch"
                    + " (AWS::ARCRegionSwitch::Plan) and check Regional parity with this linter instead");
        }
    }
}
