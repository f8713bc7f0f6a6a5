package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.load.Defect;

/**
 * RL1009: a resource without a usable {@code Type} (missing, not text, computed by an intrinsic
 * function). The resource cannot be modelled and is left out; the rest of the template is still
 * linted. CloudFormation rejects such a template, so this is an error with an obvious fix.
 */
@RuleInfo(id = "RL1009", summary = "A resource has no usable Type, so it is left out and nothing in it is checked",
        severity = Severity.ERROR, category = "inputs", since = "0.1.0")
public final class ResourceTypeMissingRule implements Rule {

    @Override
    public void check(RuleContext context) {
        RecoveredDefects.report(context, Defect.Kind.RESOURCE_TYPE_MISSING);
    }
}
