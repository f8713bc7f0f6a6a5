package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.StackInstance;

/**
 * RL1003: a stack instance with no Region. It is still linted, but every question that needs a
 * Region (is this replication cross-Region? is that Region active?) has no answer for it, so
 * the Region-dependent rules stay silent; this note says so once per stack instead of guessing.
 */
@RuleInfo(id = "RL1003", summary = "A template is linted without a Region, so the checks that compare Regions skip it",
        severity = Severity.NOTE, category = "inputs", since = "0.1.0")
public final class RegionUnknownRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (StackInstance stack : context.topology().stacks()) {
            if (stack.region().isPresent() || stack.nestedIn().isPresent() || stack.isObserved()) {
                // (an observed stack without a Region holds an account's global types, IAM)
                continue; // a nested stack goes where its parent goes: the parent's note covers it
            }
            context.report(TemplateSites.firstResourceOrStart(stack), "Stack '" + stack.name() + "' ("
                    + stack.file() + ") has no Region, so the checks that compare Regions (replication between"
                    + " Regions, Region roles, failover) skip its resources; give the Regions it is deployed to"
                    + " with --regions (for example --regions us-east-1,us-west-2) or in the project file"
                    + " .regionlint.yaml (topology.regions, or regions on the stack)");
        }
    }
}
