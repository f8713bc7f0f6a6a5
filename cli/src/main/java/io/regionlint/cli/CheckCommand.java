package io.regionlint.cli;

import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.report.ReportContext;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.Reporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code regionlint check}: lint, write the reports, map the result to an exit code. */
@Command(name = "check", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        abbreviateSynopsis = true,
        description = {
            "Lint CloudFormation templates (YAML or JSON), folders of templates, CDK cloud assemblies "
                    + "(cdk.out) or a project file, across every Region the stacks are deployed to.",
            "",
            "The Regions come from the project file (.regionlint.yaml), from --regions, or from the "
                    + "environment each CDK stack was synthesised for. With no PATH, the .regionlint.yaml in the "
                    + "working directory or its parents is used. Folders are searched for .yaml, .yml, .json and "
                    + ".template files, skipping node_modules, .git, target and cdk.out (name a cdk.out folder "
                    + "itself to read it as a cloud assembly)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # Lint the sample project; its .regionlint.yaml names the stacks and Regions",
            "  regionlint check samples/two-region-app",
            "",
            "  # A CDK app after 'cdk synth': each stack in its environment, stages and nested stacks too",
            "  regionlint check cdk.out",
            "",
            "  # Deploy each template in templates/ to two Regions; SARIF for code scanning",
            "  regionlint check templates/ --regions us-east-1,eu-west-1 \\",
            "      --format sarif --output regionlint.sarif",
            "",
            "  # Fail on warnings too; text on the terminal and JSON in a file",
            "  regionlint check app.yaml --regions us-east-1,us-west-2 --parameter Env=prod \\",
            "      --fail-on warning --format text --format json --output regionlint.json"})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Template files, folders of templates, CDK cloud assemblies (cdk.out, or its "
                    + "manifest.json), or a project file (.regionlint.yaml, or a folder holding one).")
    private List<String> paths = new ArrayList<>();

    @Mixin
    private TopologyOptions topology;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private ReportOptions reports;

    @Mixin
    private ColorOption color;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        Environment environment = main.environment();
        RuleRegistry registry = main.rules();
        rules.validate(registry, spec.commandLine());
        List<ReportTarget> targets = reports.targets(environment, spec.commandLine());
        LintRequest request = request(environment);
        LintResult result = new Linter(registry).run(request);
        List<String> unwritten = new ArrayList<>();
        for (ReportTarget target : targets) {
            write(target, result, environment).ifPresent(unwritten::add);
        }
        if (!unwritten.isEmpty()) {
            // the other reports were still written; a missing one must not pass unnoticed in CI
            PrintWriter err = spec.commandLine().getErr();
            unwritten.forEach(problem -> err.println("regionlint: " + problem));
            err.flush();
            return ExitCode.USAGE.code();
        }
        return ExitCode.of(result, reports.failOn().threshold()).code();
    }

    private LintRequest request(Environment environment) {
        return LintRequests.of(paths, topology, rules, environment, spec.commandLine(), "check");
    }

    /** Writes one report; returns what went wrong if its file could not be written. */
    private Optional<String> write(ReportTarget target, LintResult result, Environment environment) {
        boolean colored = target.toStdout() && target.format() == ReportFormat.TEXT && color.colorAllowed(environment);
        ReportContext context = new ReportContext(ReportContext.currentVersion(), colored, environment.workingDir());
        if (target.toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
            writeReport(target, result, context, out);
            out.flush();
            return Optional.empty();
        }
        Path file = target.file().orElseThrow();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeReport(target, result, context, out);
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("cannot write the " + target.describe() + ": " + reason(e));
        }
    }

    /** What the file system said, without Java's exception class names. */
    static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(cause.getMessage());
    }

    private void writeReport(ReportTarget target, LintResult result, ReportContext context, Writer out) {
        try {
            Writer sink = reports.quiet() && target.format() == ReportFormat.TEXT ? new WithoutLastLine(out) : out;
            new Reporter().write(target.format(), result, context, sink);
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
