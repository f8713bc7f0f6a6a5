package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.load.InputError;
import io.regionlint.load.SourceRange;

/**
 * RL1001: an input the load stage could not read, parse or understand. The loader has already
 * worded the problem and found its place; this rule turns each input error into a finding so
 * that it is reported, counted and formatted like every other.
 */
@RuleInfo(id = "RL1001", summary = "An input file cannot be read, parsed or understood, so nothing in it is checked",
        severity = Severity.ERROR, category = "inputs", since = "0.1.0")
public final class InputUnreadableRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (InputError error : context.inputErrors()) {
            SourceRange at = new SourceRange(error.file(), error.line(), error.column(), error.line(),
                    error.column() + 1);
            context.report(Site.of(at), error.message()).key(error.line() + ":" + error.column());
        }
    }
}
