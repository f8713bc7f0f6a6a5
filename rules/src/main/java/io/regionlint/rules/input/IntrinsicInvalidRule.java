package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.ModelDiagnostic;

/**
 * RL1007: an intrinsic function, reference or condition that CloudFormation would reject, met
 * while resolving a stack instance: {@code Fn::Select} out of range, {@code Fn::Sub} or
 * {@code Ref} naming something the template does not declare, {@code Fn::GetAtt} to a missing
 * resource, an undefined or circular condition, a function with the wrong number of arguments,
 * names built from each other in a cycle. The value stays unknown and the run carries on; this
 * rule makes sure that silence is not read as a pass.
 */
@RuleInfo(id = "RL1007", summary = "An intrinsic function, reference or condition that CloudFormation would reject;"
        + " the value it gives stays unknown", severity = Severity.ERROR, category = "inputs", since = "0.1.0")
public final class IntrinsicInvalidRule implements Rule {

    @Override
    public void check(RuleContext context) {
        ModelDiagnostics.report(context, ModelDiagnostic.Kind.INTRINSIC_INVALID);
    }
}
