package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.ModelDiagnostic;

/**
 * RL1008: resources that exist when the template is deployed but that regionlint did not model,
 * so no rule checked them: an {@code Fn::ForEach} loop whose collection is not known, a template
 * using the SAM transform, a macro or {@code AWS::Include}. One note per loop or per template,
 * naming what was not checked and why.
 */
@RuleInfo(id = "RL1008", summary = "Resources created by a loop that cannot be expanded or by a transform were not"
        + " checked", severity = Severity.NOTE, category = "inputs", since = "0.1.0")
public final class ResourcesNotCheckedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        ModelDiagnostics.report(context, ModelDiagnostic.Kind.NOT_CHECKED);
    }
}
