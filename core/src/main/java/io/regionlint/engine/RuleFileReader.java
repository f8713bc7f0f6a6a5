package io.regionlint.engine;

import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads a file of a team's own rules. The rule language ({@code io.regionlint.lang}) implements
 * it and registers it in {@code META-INF/services}, so the engine runs team rules without
 * depending on the language, its parser or ANTLR.
 */
public interface RuleFileReader {

    /** The file name ending of rule files, with its dot: {@code .rlr}. */
    String extension();

    /**
     * The rules of one file, and its problems as input errors at their line and column; a
     * problem in one rule never loses the file's other rules.
     *
     * @param display the path reports show for the file
     */
    Result read(Path file, String display);

    /** What a rule file gave. */
    record Result(List<Rule> rules, List<InputError> problems) {
        public Result {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    /** The reader on the class path, if the rule language is there. */
    static Optional<RuleFileReader> find() {
        return ServiceLoader.load(RuleFileReader.class, RuleFileReader.class.getClassLoader()).findFirst();
    }
}
