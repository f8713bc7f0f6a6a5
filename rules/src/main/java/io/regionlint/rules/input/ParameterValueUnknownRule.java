package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.StackInstance;
import io.regionlint.rules.Prose;
import java.util.List;

/**
 * RL1005: a stack instance with parameters that have neither a given value nor a default.
 * Values built from them are unknown, and rules stay silent where an answer depends on one;
 * this note makes that silence visible, once per stack instance, at the first such parameter.
 */
@RuleInfo(id = "RL1005", summary = "A stack has parameters with neither a value nor a default; values built from them"
        + " are unknown", severity = Severity.NOTE, category = "inputs", since = "0.1.0")
public final class ParameterValueUnknownRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (StackInstance stack : context.topology().stacks()) {
            List<String> names = stack.unknownParameters();
            if (names.isEmpty()) {
                continue;
            }
            String listed = listed(names);
            String noun = names.size() == 1 ? "parameter " : "parameters ";
            context.report(TemplateSites.parameter(stack, names.get(0)), "Stack '" + stack.name() + "' ("
                    + stack.regionLabel() + ") has " + noun + listed + " with neither a value nor a default, so"
                    + " values built from " + (names.size() == 1 ? "it" : "them") + " are unknown and the checks"
                    + " that need them stay silent; give values with --parameter " + names.get(0) + "=VALUE or"
                    + " in the project file (parameters, or regionParameters per Region), or add a Default");
        }
    }

    /** 'A'; 'A' and 'B'; 'A', 'B' and 'C'. */
    private static String listed(List<String> names) {
        return Prose.list(names.stream().map(n -> "'" + n + "'").toList());
    }
}
