package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;

/**
 * RL8002: a resource the templates declare (by a literal name) that AWS Config did not record,
 * in a Region whose deployed state holds other resources of the same type, so Config records the
 * type there. Where no resource of the type was recorded in the Region, absence proves nothing
 * and nothing is reported.
 */
@RuleInfo(id = "RL8002", summary = "A declared resource is not deployed", severity = Severity.ERROR, category = "drift",
        since = "0.1.0")
public final class DriftResourceMissingRule implements Rule {

    @Override
    public void check(RuleContext context) {
        DeclaredDeployed joined = DeclaredDeployed.of(context.topology());
        for (Resource declared : joined.unpaired()) {
            if (!joined.recordedIn(declared.type(), declared.stack().account(), declared.region())) {
                continue;
            }
            context.report(Site.of(declared), declared.type().replace("AWS::", "") + " "
                    + DeclaredDeployed.describe(declared) + " is declared in the template, but AWS Config recorded no "
                    + declared.type() + " named '" + DeclaredDeployed.name(declared) + "' in "
                    + declared.region().orElse("?") + ", where it records that type: it was deleted or never deployed; deploy the stack again, or remove it from the"
                    + " template if it is gone for good");
        }
    }
}
