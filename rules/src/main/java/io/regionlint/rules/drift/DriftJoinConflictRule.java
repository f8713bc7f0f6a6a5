package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import java.util.Optional;

/**
 * RL1015: the deployed stack's resource list and CloudFormation's tags name different deployed
 * resources for one declared resource (../shared/reference/aws-config-and-drift.md §3.2: a
 * conflict between join methods is an input note, not a guess). The resource list wins, since
 * CloudFormation keeps it; the note says which other resource carries the same stack and logical
 * id in its tags, so that drift of the declared resource is read knowing there were two.
 */
@RuleInfo(id = "RL1015", summary = "The stack's resource list and CloudFormation's tags join a declared resource"
        + " differently", severity = Severity.NOTE, category = "drift", since = "0.1.0")
public final class DriftJoinConflictRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (DeclaredDeployed.Conflict c : DeclaredDeployed.of(context.topology()).conflicts()) {
            context.report(Site.of(c.declared()), c.declared().describe() + " is deployed as "
                            + c.listed().type() + " '" + c.listed().physicalName() + "' according to the deployed"
                            + " stack's resource list, but CloudFormation's tags on '" + c.tagged().physicalName() + "' name the"
                            + " same stack and logical id: one of the two is stale (a resource replaced, or re-created"
                            + " outside the stack, with the tags copied); drift was compared with the listed one."
                            + " Delete or untag the other, or import it into the stack if it is the one in use")
                    .related(c.listed(), Optional.empty(), "the resource the stack's resource list names")
                    .related(c.tagged(), Optional.empty(), "the resource CloudFormation's tags name")
                    .key(c.tagged().physicalName());
        }
    }
}
