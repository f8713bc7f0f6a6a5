package io.regionlint.lang;

import io.regionlint.engine.RuleFileReader;
import io.regionlint.load.InputError;
import java.nio.file.Path;

/** The rule language as the engine finds it: {@code *.rlr} files read by {@link RuleFiles}. */
public final class RuleLanguage implements RuleFileReader {

    @Override
    public String extension() {
        return RuleFiles.EXTENSION;
    }

    @Override
    public Result read(Path file, String display) {
        RuleFiles.Loaded loaded = RuleFiles.read(file, display);
        return new Result(loaded.rules(), loaded.problems().stream().map(p -> new InputError(display,
                Math.max(1, p.line()), Math.max(1, p.column()), "rule file: " + p.message())).toList());
    }
}
