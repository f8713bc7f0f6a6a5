package io.regionlint.cli;

import io.regionlint.engine.Baseline;
import io.regionlint.engine.BaselineComparison;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code regionlint baseline}: lint as {@code check} does and write the fingerprints of the
 * findings into a baseline file, so that {@code check --baseline FILE} fails only on new ones.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class,
        sortOptions = false, abbreviateSynopsis = true,
        description = {
            "Lint like 'check' and write the current findings into a baseline file, so that 'check --baseline FILE' "
                    + "(or the project file's 'baseline:') fails only on findings that are new.",
            "",
            "The file is JSON: a format version and one entry per finding, with its rule id, its fingerprint (rule, "
                    + "stack or construct path and Region, logical id, property path; never a line number) and a "
                    + "hint for the reader, sorted by rule and hint. Findings suppressed in a template or the "
                    + "project file are not written. Commit the file; write it again to accept the findings of today."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # Accept what the project has today; from now on only new findings fail",
            "  regionlint baseline samples/two-region-app --output samples/two-region-app/.regionlint-baseline.json",
            "  regionlint check samples/two-region-app --baseline samples/two-region-app/.regionlint-baseline.json"})
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "What 'check' takes: template files, folders, CDK cloud assemblies, or a project file.")
    private List<String> paths = new ArrayList<>();

    @Mixin
    private TopologyOptions topology;

    @Mixin
    private RuleOptions rules;

    @Option(names = "--output", paramLabel = "FILE",
            description = "The baseline file to write (default: the project file's 'baseline:', else "
                    + Baseline.DEFAULT_FILE + " in the working directory). Folders are created.")
    private String output;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        Environment environment = main.environment();
        RuleRegistry registry = main.rules();
        LintRequest request = rules.build(topology.requestFor(paths, environment), registry, spec.commandLine());
        // compared with the project's previous baseline, if any, to say what changed
        LintResult result = new Linter(registry).run(request);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!result.errors().isEmpty()) {
            // a baseline without an unreadable file's findings would make them "new" the day it is fixed
            for (InputError e : result.errors()) {
                err.println(e.file() + ":" + e.line() + ":" + e.column() + ": error: " + e.message());
            }
            err.println("regionlint: no baseline written: fix the input errors above first");
            err.flush();
            return ExitCode.INPUT_ERROR.code();
        }
        Path file = Optional.ofNullable(output).map(environment::resolve)
                .or(() -> result.baseline().map(BaselineComparison::path))
                .orElse(environment.resolve(Baseline.DEFAULT_FILE));
        Baseline baseline = Baseline.of(result);
        try {
            baseline.write(file);
        } catch (IOException e) {
            err.println("regionlint: cannot write the baseline " + file + ": " + e.getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        StringBuilder message = new StringBuilder("regionlint: wrote " + baseline.entries().size() + " finding"
                + (baseline.entries().size() == 1 ? "" : "s") + " to " + shown(environment, file));
        result.baseline().filter(b -> b.path().equals(file)).ifPresent(b -> message.append(" (since the previous "
                + "baseline: ").append(b.newFindings()).append(" new, ").append(b.fixed().size()).append(" fixed)"));
        out.println(message);
        out.flush();
        return ExitCode.OK.code();
    }

    private static String shown(Environment environment, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(environment.workingDir()) ? environment.workingDir().relativize(abs) : abs).toString()
                .replace('\\', '/');
    }
}
