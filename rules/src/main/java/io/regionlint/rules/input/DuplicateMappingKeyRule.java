package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.load.Defect;

/**
 * RL1006: a mapping repeats a key. CloudFormation deploys such a template with the last value,
 * so the loader keeps the last value too and the rest of the template is linted; the first
 * value is silently ignored by both, which is rarely what its author meant.
 */
@RuleInfo(id = "RL1006", summary = "A mapping repeats a key, so CloudFormation keeps the last value and ignores the first",
        severity = Severity.WARNING, category = "inputs", since = "0.1.0")
public final class DuplicateMappingKeyRule implements Rule {

    @Override
    public void check(RuleContext context) {
        RecoveredDefects.report(context, Defect.Kind.DUPLICATE_KEY);
    }
}
