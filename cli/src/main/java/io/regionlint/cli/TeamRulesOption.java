package io.regionlint.cli;

import io.regionlint.engine.RuleRegistry;
import io.regionlint.load.InputError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --rules FILE} of {@code rules} and {@code explain}: the built-in rules plus a team's own,
 * from the files given and from the project file at or above the project path. A mistake in a
 * rule file is printed where it is, the way {@code check} prints it; the other rules are listed.
 */
final class TeamRulesOption {

    @Option(names = "--rules", paramLabel = "FILE", description = "A file of your team's own rules (*.rlr, see"
            + " docs/custom-rules.md), besides those the project file names or its rules/ folder holds. Repeatable.")
    private List<Path> ruleFiles = new ArrayList<>();

    /** The files given, resolved against the working folder. */
    List<Path> files(Path workingDir) {
        return ruleFiles.stream().map(workingDir::resolve).toList();
    }

    /** The rules, and whether every rule file was read; problems go to {@code err}. */
    Loaded registry(Main main, String project, PrintWriter err) {
        Path dir = main.environment().workingDir();
        List<InputError> problems = new ArrayList<>();
        RuleRegistry registry = main.rules().withRuleFiles(files(dir), dir.resolve(project), problems);
        for (InputError e : problems) {
            err.println(e.file() + ":" + e.line() + ":" + e.column() + ": error: " + e.message());
        }
        err.flush();
        return new Loaded(registry, problems.isEmpty());
    }

    record Loaded(RuleRegistry registry, boolean complete) {
    }
}
