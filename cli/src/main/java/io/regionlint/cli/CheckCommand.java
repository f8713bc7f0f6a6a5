package io.regionlint.cli;

import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.report.ReportContext;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.ReportWriter;
import io.regionlint.report.Reporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            "  # In CI: fail only on findings that are not in the baseline; a summary for the job page",
            "  regionlint check . --baseline .regionlint-baseline.json --format sarif --output regionlint.sarif \\",
            "      --format markdown --output \"$GITHUB_STEP_SUMMARY\"",
            "",
            "  # Fail on warnings too; text on the terminal and JSON in a file",
            "  regionlint check app.yaml --regions us-east-1,us-west-2 --parameter Env=prod \\",
            "      --fail-on warning --format text --format json --output regionlint.json"})
class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Template files, folders of templates, CDK cloud assemblies (cdk.out, or its "
                    + "manifest.json), or project files (.regionlint.yaml, or a folder holding one); each project "
                    + "is linted as a system of its own.")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--changed", paramLabel = "PATH", split = ",",
            description = "Report only the findings located in, or related to, these files (and their input "
                    + "errors); everything given is still linted, since rules span stacks and Regions. The "
                    + "pre-commit hook passes the staged files, so old findings elsewhere never block a commit.")
    private List<String> changed = new ArrayList<>();

    @Mixin
    private TopologyOptions topology;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private ReportOptions reports;

    @Mixin
    private BaselineOption baseline;

    @Mixin
    private ColorOption color;

    @Mixin
    private TeamRulesOption teamRuleFiles;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        Environment environment = main.environment();
        RuleRegistry registry = registry(main.rules());
        ReportOptions.Plan plan = reports.plan(environment, spec.commandLine());
        List<Path> teamRules = teamRuleFiles.files(environment.workingDir());
        // --rule ACME-001 is checked against the team's rules too (read here only when an option
        // names rules: this reads the project file once more); the run itself reads them again
        Path start = paths.isEmpty() ? environment.workingDir()
                : environment.workingDir().resolve(paths.get(0));
        LintRequest request = request(environment, rules.namesRules()
                ? registry.withRuleFiles(teamRules, start, new ArrayList<>()) : registry);
        List<String> refused = ReportWriter.check(plan.files(), request);
        if (!refused.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("\nregionlint: ", refused));
        }
        LintResult linted = new Linter(registry).withRuleFiles(teamRules).run(request);
        LintResult result = changed.isEmpty() ? linted : onlyChanged(linted, environment);
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> refusal = refuse(result);
        if (refusal.isPresent()) {
            err.println("regionlint: " + refusal.get());
            err.flush();
            return ExitCode.USAGE.code();
        }
        List<String> unwritten = new ArrayList<>();
        plan.stdout().ifPresent(format -> writeToStdout(format, result, environment).ifPresent(unwritten::add));
        for (io.regionlint.report.ReportTarget target : plan.files()) {
            new Reporter().warnings(target.format(), result).forEach(w -> err.println("regionlint: warning: " + w));
        }
        err.flush();
        ReportContext context = new ReportContext(ReportContext.currentVersion(), false, environment.workingDir(),
                ReportContext.githubLinkBase(environment.variables()));
        unwritten.addAll(new ReportWriter(this::body).write(result, context, plan.files()));
        if (!unwritten.isEmpty()) {
            // the other reports were still written; a missing one must not pass unnoticed in CI
            unwritten.forEach(problem -> err.println("regionlint: " + problem));
            err.flush();
            return ExitCode.USAGE.code();
        }
        return ExitCode.of(result, reports.failOn()).code();
    }

    /** The rules this command runs: every rule for {@code check}. */
    RuleRegistry registry(RuleRegistry all) {
        return all;
    }

    /** Why a result cannot be reported as this command's answer; empty for {@code check}. */
    Optional<String> refuse(LintResult result) {
        return Optional.empty();
    }

    /** The findings of the --changed files; says on standard error how many others were left out. */
    private LintResult onlyChanged(LintResult result, Environment environment) {
        Path base = environment.workingDir().toAbsolutePath().normalize();
        List<String> files = changed.stream().map(p -> {
            Path abs = environment.resolve(p).toAbsolutePath().normalize();
            return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
        }).toList();
        LintResult shown = result.touching(files);
        int others = result.findings().size() - shown.findings().size();
        int otherErrors = result.errors().size() - shown.errors().size();
        if (others > 0 || otherErrors > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("regionlint: " + others + " finding(s) and " + otherErrors + " input error(s) outside the "
                    + "changed files are not shown; run without --changed to see them");
            err.flush();
        }
        return shown;
    }

    /** The core's request; what it refuses is a usage error naming the option. */
    private LintRequest request(Environment environment, RuleRegistry registry) {
        return rules.build(topology.requestFor(paths, environment).baseline(baseline.file(environment)), registry,
                spec.commandLine());
    }

    /** Writes the report for standard output; returns what went wrong if it was refused. */
    private Optional<String> writeToStdout(ReportFormat format, LintResult result, Environment environment) {
        boolean colored = format == ReportFormat.TEXT && color.colorAllowed(environment);
        ReportContext context = new ReportContext(ReportContext.currentVersion(), colored, environment.workingDir(),
                ReportContext.githubLinkBase(environment.variables()));
        PrintWriter err = spec.commandLine().getErr();
        new Reporter().warnings(format, result).forEach(w -> err.println("regionlint: warning: " + w));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        try {
            body(format, result, context, out);
        } catch (IOException | UncheckedIOException e) {
            // a report the reporter refuses (a SARIF log over GitHub's limits) is a usage error
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            return Optional.of("cannot write the " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " report to standard output: " + cause.getMessage());
        }
        out.flush();
        return Optional.empty();
    }

    /** A report as {@link Reporter} writes it, without the text report's summary line under --quiet. */
    private void body(ReportFormat format, LintResult result, ReportContext context, Writer out) throws IOException {
        Writer sink = reports.quiet() && format == ReportFormat.TEXT ? new WithoutLastLine(out) : out;
        new Reporter().write(format, result, context, sink);
        sink.flush();
    }
}
