package io.regionlint.maven;

import io.regionlint.config.ProjectFileLoader;
import io.regionlint.engine.FailThreshold;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.load.InputError;
import io.regionlint.report.ReportContext;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.ReportTarget;
import io.regionlint.report.ReportWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints a module's multi-Region CloudFormation templates, CDK cloud assemblies or project file,
 * logs the findings in compiler style, writes SARIF and JSON reports to {@link #outputDirectory}
 * and fails the build at the {@link #failOn} threshold. It only turns its parameters into the
 * core's {@link LintRequest}: every check of ids, levels and report files is the core's, the same
 * as for the command line.
 *
 * <p>With neither {@code inputs} nor {@code configFile}, it reads the module's own
 * {@code .regionlint.yaml} and skips a module that has none: it never searches the parent
 * folders, so in a multi-module build each module lints its own project once.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The report files' base name: {@code regionlint.sarif}, {@code regionlint.json}, {@code regionlint.txt}. */
    static final String REPORT_NAME = "regionlint";

    /** The module's folder: the default project file is here, and reported paths are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * Template files, folders of templates, CDK cloud assemblies ({@code cdk.out}) or project
     * files to lint, relative to the module. Default: the module's {@code .regionlint.yaml}.
     */
    @Parameter(property = "regionlint.inputs")
    List<File> inputs = new ArrayList<>();

    /**
     * AWS Config snapshot files or folders of them (deployed state), relative to the module:
     * linted in the same topology as the inputs.
     */
    @Parameter(property = "regionlint.deployed")
    List<File> deployed = new ArrayList<>();

    /** The project file to use (default: the module's {@code .regionlint.yaml} when no inputs are given). */
    @Parameter(property = "regionlint.configFile")
    File configFile;

    /** Deploy every plain template and environment-agnostic CDK stack to these Regions (all active). */
    @Parameter(property = "regionlint.regions")
    List<String> regions = new ArrayList<>();

    /** Template parameter values for every stack; they override the project file's. */
    @Parameter
    Map<String, String> parameters = new LinkedHashMap<>();

    /** The AWS account id (12 digits) the stacks are deployed to. */
    @Parameter(property = "regionlint.account")
    String account;

    /**
     * Report formats besides SARIF and JSON, which are always written: {@code text} adds
     * {@code regionlint.txt}.
     */
    @Parameter(property = "regionlint.formats")
    List<String> formats = new ArrayList<>();

    /** Where the reports go: {@code regionlint.sarif}, {@code regionlint.json} (and {@code regionlint.txt}). */
    @Parameter(property = "regionlint.outputDirectory", defaultValue = "${project.build.directory}/regionlint",
            required = true)
    File outputDirectory;

    /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code note} or {@code never}. */
    @Parameter(property = "regionlint.failOn", defaultValue = "error")
    String failOn = "error";

    /** Whether findings at or above {@link #failOn}, or inputs that cannot be read, fail the build. */
    @Parameter(property = "regionlint.failOnViolation", defaultValue = "true")
    boolean failOnViolation = true;

    /** Skip regionlint ({@code -Dregionlint.skip}). */
    @Parameter(property = "regionlint.skip", defaultValue = "false")
    boolean skip;

    /** Run only these rules: ids or prefixes such as {@code RL2001} or {@code RL5}. */
    @Parameter(property = "regionlint.rules")
    List<String> rules = new ArrayList<>();

    /** Never run these rules: ids or prefixes. */
    @Parameter(property = "regionlint.skipRules")
    List<String> skipRules = new ArrayList<>();

    /**
     * Files of the team's own rules ({@code *.rlr}, see docs/custom-rules.md), relative to the
     * module, besides those the project file names ({@code rules.files}) or its {@code rules/}
     * folder holds.
     */
    @Parameter(property = "regionlint.ruleFiles")
    List<File> ruleFiles = new ArrayList<>();

    /** Levels by rule id or prefix: {@code error}, {@code warning}, {@code note} or {@code off}. */
    @Parameter
    Map<String, String> severities = new LinkedHashMap<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("regionlint: skipped (regionlint.skip)");
            return;
        }
        Path module = basedir.toPath().toAbsolutePath().normalize();
        List<Path> given = inputs.stream().map(f -> module.resolve(f.toPath()).normalize()).toList();
        Optional<Path> config = Optional.ofNullable(configFile).map(f -> module.resolve(f.toPath()).normalize());
        if (given.isEmpty() && config.isEmpty()) {
            Path own = module.resolve(ProjectFileLoader.FILE_NAME);
            if (!Files.isRegularFile(own) && !deployed.isEmpty()) {
                own = null; // deployed state alone
            } else if (!Files.isRegularFile(own)) {
                log.info("regionlint: skipped: no " + ProjectFileLoader.FILE_NAME + " in " + module
                        + " (set <inputs> or <configFile> to lint templates elsewhere)");
                return;
            }
            given = own == null ? List.of() : List.of(own);
        }
        RuleRegistry registry = RuleRegistry.load();
        List<Path> teamRules = ruleFiles.stream().map(f -> module.resolve(f.toPath()).normalize()).toList();
        // <rules>ACME-001</rules> is checked against the team's rules too; the run reads them again
        Path start = config.orElse(given.isEmpty() ? module : given.get(0));
        boolean namesRules = !rules.isEmpty() || !skipRules.isEmpty() || !severities.isEmpty();
        LintRequest request = request(module, given, config, namesRules ? registry.withRuleFiles(teamRules, start,
                new ArrayList<>()) : registry);
        FailThreshold threshold = FailThreshold.parse(failOn).orElseThrow(() -> new MojoExecutionException(
                "regionlint: <failOn> '" + failOn + "' is not a threshold (expected one of: "
                        + FailThreshold.CHOICES + ")"));
        List<ReportTarget> targets = targets();
        List<String> refused = ReportWriter.check(targets, request);
        if (!refused.isEmpty()) {
            throw new MojoExecutionException("regionlint: " + String.join("; ", refused)
                    + " (set <outputDirectory> elsewhere)");
        }

        LintResult result = new Linter(registry).withRuleFiles(teamRules).run(request);
        logFindings(result, module, log);
        List<String> unwritten = new ReportWriter().write(result,
                new ReportContext(ReportContext.currentVersion(), false, module), targets);
        if (!unwritten.isEmpty()) {
            throw new MojoExecutionException("regionlint: " + String.join("; ", unwritten));
        }
        Path sarif = targets.get(0).file();
        LintResult.Summary s = result.summary();
        log.info("regionlint: " + count(s.files(), "file") + ", " + count(s.stacks(), "stack") + ", "
                + count(s.resources(), "resource") + ": " + count(s.errors(), "error") + ", "
                + count(s.warnings(), "warning") + ", " + count(s.notes(), "note")
                + (s.suppressed() > 0 ? ", " + s.suppressed() + " suppressed" : "") + "; reports in "
                + sarif.getParent());
        String failure = failure(result, threshold, sarif);
        if (!failure.isEmpty()) {
            if (failOnViolation) {
                throw new MojoFailureException(failure);
            }
            log.warn(failure + " (failOnViolation is false: the build goes on)");
        }
    }

    /** The core's request; a value it refuses is a configuration error naming the parameter. */
    private LintRequest request(Path module, List<Path> given, Optional<Path> config, RuleRegistry registry)
            throws MojoExecutionException {
        try {
            return LintRequest.builder(module).inputs(given).configFile(config).regions(regions)
                    .parameters(parameters).account(Optional.ofNullable(account)).rules(rules).skipRules(skipRules)
                    .severities(severities).deployed(deployed.stream().map(f -> module.resolve(f.toPath())
                            .normalize()).toList()).build(registry);
        } catch (LintRequest.InvalidRequestException e) {
            List<String> problems = new ArrayList<>();
            for (LintRequest.Problem p : e.problems()) {
                problems.add(parameterOf(p.field()) + " " + p.value() + ": " + p.message());
            }
            throw new MojoExecutionException("regionlint: " + String.join("; ", problems));
        }
    }

    static String parameterOf(LintRequest.Field field) {
        return switch (field) {
            case RULES -> "<rules>";
            case SKIP_RULES -> "<skipRules>";
            case SEVERITIES -> "<severities>";
            case REGIONS -> "<regions>";
            case ACCOUNT -> "<account>";
        };
    }

    /** SARIF first (the report a failure points to), then JSON, then what {@link #formats} adds. */
    private List<ReportTarget> targets() throws MojoExecutionException {
        Set<ReportFormat> wanted = new LinkedHashSet<>(List.of(ReportFormat.SARIF, ReportFormat.JSON));
        for (String name : formats) {
            wanted.add(ReportFormat.parse(name).orElseThrow(() -> new MojoExecutionException("regionlint: <formats> '"
                    + name + "' is not a report format (expected one of: text, json, sarif)")));
        }
        Path folder = outputDirectory.toPath().toAbsolutePath().normalize();
        return wanted.stream().map(f -> new ReportTarget(f, folder.resolve(REPORT_NAME + "." + f.fileExtension())))
                .toList();
    }

    /**
     * Each input error and unsuppressed finding as one compiler-style line, at the log level of
     * its severity, with an absolute path so IDEs and terminals link it.
     */
    private static void logFindings(LintResult result, Path module, Log log) {
        for (InputError e : result.errors()) {
            log.error(where(module, e.file(), e.line(), e.column()) + ": " + e.message());
        }
        for (Finding f : result.findings()) {
            if (f.suppressed().isPresent()) {
                continue;
            }
            String line = where(module, f.location().file(), f.location().line(), f.location().column()) + ": "
                    + f.message() + " [" + f.ruleId() + " " + f.ruleName() + "]";
            switch (f.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case NOTE -> log.info(line);
            }
        }
    }

    private static String where(Path module, String file, int line, int column) {
        return module.resolve(file).normalize() + ":" + line + ":" + column;
    }

    /** Why the build fails, or empty: input errors first (nothing read is not a pass), then findings. */
    private static String failure(LintResult result, FailThreshold threshold, Path sarif) {
        if (!result.errors().isEmpty()) {
            return "regionlint: " + count(result.errors().size(), "input error") + " (listed above: a file that could "
                    + "not be read or parsed is never a pass); the report is " + sarif;
        }
        long n = threshold.count(result);
        if (n == 0) {
            return "";
        }
        return "regionlint: " + count(n, "finding") + " at or above " + threshold.label()
                + " (failOn=" + threshold.label() + "); the report is " + sarif;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
