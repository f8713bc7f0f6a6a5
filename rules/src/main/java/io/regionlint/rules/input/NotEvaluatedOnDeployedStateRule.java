package io.regionlint.rules.input;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.load.SourceRange;
import io.regionlint.model.StackInstance;
import java.util.Optional;

/**
 * RL1012: a rule that runs on this topology needs something AWS Config does not record (its
 * rule class is marked {@link NotRecordedByConfig}), and the topology holds deployed state it
 * would examine. One note per such rule and topology, at the first snapshot file read, so that
 * a clean report on deployed state never hides a check that could not run. A rule that needs
 * only in part what Config does not record ({@link NotRecordedByConfig#partial()}) gets a note
 * that says so.
 */
@RuleInfo(id = "RL1012", summary = "A rule was not evaluated on deployed state: AWS Config does not record what it needs",
        severity = Severity.NOTE, category = "inputs", since = "0.1.0")
public final class NotEvaluatedOnDeployedStateRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Optional<StackInstance> observed = context.topology().stacks().stream().filter(StackInstance::isObserved)
                .findFirst();
        if (observed.isEmpty()) {
            return;
        }
        Site site = Site.of(SourceRange.fileStart(observed.get().file()));
        for (RuleDescriptor rule : context.rulesInRun()) {
            if (!rule.notEvaluatedOn(context.topology())) {
                continue;
            }
            NotRecordedByConfig mark = rule.notRecordedByConfig().orElseThrow();
            String said = mark.partial()
                    ? " was evaluated on deployed state only in part: it also needs " + mark.value()
                    + "; lint the templates that declare them with the deployed state to have that part checked"
                    : " was not evaluated on deployed state: it needs " + mark.value()
                    + "; lint the templates that declare them with the deployed state to have it checked";
            context.report(site, rule.id() + " " + rule.name() + said).key(rule.id());
        }
    }
}
