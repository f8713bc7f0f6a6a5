package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.InputError;
import io.regionlint.model.DocumentUses;
import io.regionlint.model.DeployedCoverage;
import io.regionlint.model.InputPlan;
import io.regionlint.model.InputPlanner;
import io.regionlint.model.Topology;
import io.regionlint.model.TopologyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The core's entry point: one {@link LintRequest} in, one {@link LintResult} out. Plans the
 * inputs ({@link InputPlanner}: every file either becomes a template or an input error), builds
 * one topology per project given (and one for the templates given beside them), runs the
 * selected rules on each and applies severities, suppressions and the baseline. Never throws
 * for bad input.
 */
public final class Linter {

    private final RuleRegistry registry;
    private final Clock clock;
    /** Rule files given beside the project's own ({@code --rules}). */
    private List<Path> ruleFiles = List.of();

    public Linter(RuleRegistry registry) {
        this(registry, Clock.systemDefaultZone());
    }

    /** A linter whose "today" (for suppression expiry) comes from the given clock. */
    public Linter(RuleRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * This linter with a team's rule files ({@code --rules FILE}) besides those its project file
     * names ({@code rules.files}) or keeps in a {@code rules/} folder beside it.
     */
    public Linter withRuleFiles(List<Path> files) {
        Linter linter = new Linter(registry, clock);
        linter.ruleFiles = List.copyOf(files);
        return linter;
    }

    /**
     * Runs the rules over each planned topology on its own and combines what they found. Input
     * errors are reported once, with the first topology.
     */
    public LintResult run(LintRequest request) {
        List<InputError> errors = new ArrayList<>();
        Built built = build(request, errors);
        // each project's own rule files join the built-in rules for its topology
        List<RuleRegistry> registries = new ArrayList<>();
        java.util.Map<Optional<Path>, RuleRegistry> byProject = new java.util.HashMap<>();
        for (Optional<ProjectFile> project : built.projects()) {
            registries.add(byProject.computeIfAbsent(project.map(ProjectFile::file),
                    p -> CustomRules.load(registry, ruleFiles, project, request.baseDir(), errors)));
        }
        // a mistyped id under a project file's rules: is an input error at its line
        for (int i = 0; i < built.projects().size(); i++) {
            RuleSelection selection = new RuleSelection(request, built.projects().get(i));
            errors.addAll(selection.unknownProjectRules(registries.get(i)));
            errors.addAll(selection.badOptions(registries.get(i)));
        }
        errors.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        List<Finding> findings = new ArrayList<>();
        Set<RuleDescriptor> ran = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        int stacks = 0;
        int resources = 0;
        for (int i = 0; i < built.topologies().size(); i++) {
            Optional<ProjectFile> project = built.projects().get(i);
            Topology topology = built.topologies().get(i);
            stacks += topology.stacks().size();
            resources += topology.resources().size();
            RuleSelection selection = new RuleSelection(request, project);
            List<RuleDescriptor> toRun = registries.get(i).all().stream().filter(selection::enabled).toList();
            ran.addAll(toRun);
            Suppressions suppressions = new Suppressions(project, topology, today);
            runRules(toRun, selection, topology, i == 0 ? errors : List.of(), suppressions, findings);
        }
        List<RuleDescriptor> toRun = ran.stream().sorted(Comparator.comparing(RuleDescriptor::id)).toList();
        Optional<ProjectFile> project = built.projects().stream().flatMap(Optional::stream).findFirst();
        Optional<BaselineComparison> comparison = baseline(request, project, errors).map(b -> compare(b, findings));
        findings.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId).thenComparing(Finding::message).thenComparing(Finding::fingerprint));
        int[] counts = new int[Severity.values().length];
        int suppressed = 0;
        int baselined = 0;
        for (Finding f : findings) {
            if (f.suppressed().isPresent()) {
                if (f.suppressed().get().origin() == Suppression.Origin.BASELINE) {
                    baselined++;
                } else {
                    suppressed++;
                }
            } else {
                counts[f.severity().ordinal()]++;
            }
        }
        errors.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        LintResult.Summary summary = new LintResult.Summary(built.templateFiles(), stacks, resources, counts[0],
                counts[1], counts[2], suppressed, baselined);
        return new LintResult(findings, errors, toRun, summary, comparison, built.read(), built.topologies());
    }

    /**
     * What the rules need of the planned inputs: the topologies with their projects, and the files
     * read. The plan stays inside {@link #build}, and every template keeps only its outline once
     * built ({@link DocumentUses}): the rules read the resolved values, which carry their own
     * places.
     *
     * @param templateFiles how many files the plan read
     * @param read what a report must never overwrite: every file read, the project files included
     */
    private record Built(List<Topology> topologies, List<Optional<ProjectFile>> projects, int templateFiles,
                         List<Path> read) {
    }

    /** Plans the inputs and builds their topologies; the plan's and the builds' input errors go to {@code errors}. */
    private static Built build(LintRequest request, List<InputError> errors) {
        InputPlan plan = InputPlanner.plan(new InputPlanner.Request(request.inputs(), request.configFile(),
                request.regions(), request.parameters(), request.account(), request.baseDir(), request.limits(),
                request.deployed()));
        DocumentUses uses = DocumentUses.of(plan.topologies());
        List<TopologyBuilder.Result> results = plan.topologies().stream().map(t -> TopologyBuilder.build(t, uses))
                .toList();
        uses.allDone();
        errors.addAll(plan.errors());
        results.forEach(b -> errors.addAll(b.errors()));
        // what the bundles say they pulled decides where "no item" means "not deployed"; the stack
        // lists of bundles and of Config's stack items join resources whose names CloudFormation generated
        DeployedCoverage coverage = DeployedCoverage.read(plan.bundleManifests(), request.baseDir(), errors)
                .withStacks(plan.stackLists());
        results.forEach(b -> b.topology().coverage(coverage));
        java.util.LinkedHashSet<Path> read = new java.util.LinkedHashSet<>(plan.files());
        plan.topologies().forEach(t -> t.project().map(ProjectFile::file).ifPresent(read::add));
        return new Built(results.stream().map(TopologyBuilder.Result::topology).toList(),
                plan.topologies().stream().map(InputPlan.TopologyPlan::project).toList(), plan.files().size(),
                List.copyOf(read));
    }

    /**
     * The rules of one topology: every rule but those that audit suppressions first, each finding
     * suppressed where a suppression says so; then the audits, which judge what became of each
     * suppression.
     */
    private static void runRules(List<RuleDescriptor> toRun, RuleSelection selection, Topology topology,
                                 List<InputError> errors, Suppressions suppressions, List<Finding> findings) {
        List<RuleDescriptor> audits = new ArrayList<>();
        for (RuleDescriptor rule : toRun) {
            if (rule.rule().auditsSuppressions()) {
                audits.add(rule); // they judge the suppressions of every other rule's findings
                continue;
            }
            RuleContext context = new RuleContext(rule, topology, errors, selection.options(rule))
                    .withRulesInRun(toRun);
            rule.rule().check(context);
            // a configured severity applies to every finding; else each keeps the one its rule gave it
            Optional<Severity> configured = selection.configuredSeverity(rule);
            boolean blindOnDeployed = rule.notRecordedByConfig().filter(mark -> !mark.partial()).isPresent();
            for (FindingBuilder builder : context.reported()) {
                if (blindOnDeployed && builder.onObservedResource()) {
                    continue; // it stands on evidence Config does not record: RL1012 says so instead
                }
                Finding raw = builder.build();
                Finding finding = configured.map(raw::withSeverity).orElse(raw);
                findings.add(suppressions.apply(finding));
            }
        }
        if (!audits.isEmpty()) {
            List<String> ran = toRun.stream().filter(r -> !r.rule().auditsSuppressions()).map(RuleDescriptor::id)
                    .toList();
            List<SuppressionUse> uses = suppressions.uses(prefix -> ran.stream().anyMatch(id -> id.startsWith(prefix)));
            for (RuleDescriptor rule : audits) {
                RuleContext context = new RuleContext(rule, topology, errors, selection.options(rule), uses);
                rule.rule().check(context);
                Severity severity = selection.severity(rule);
                context.reported().forEach(b -> findings.add(b.build().withSeverity(severity)));
            }
        }
    }

    /** A baseline file read for the comparison, and how reports name it. */
    private record ReadBaseline(Path path, String display, Baseline baseline) {
    }

    /**
     * The baseline to compare with: {@code --baseline}, else the project file's {@code baseline:}.
     * A named file that cannot be read is an input error; a project's baseline that does not
     * exist yet is an empty one (every finding is new), so a fresh project fails closed.
     */
    private static Optional<ReadBaseline> baseline(LintRequest request, Optional<ProjectFile> project,
                                                   List<InputError> errors) {
        Optional<Path> file = request.baseline();
        boolean fromProject = false;
        if (file.isEmpty() && request.projectBaseline()) {
            file = project.flatMap(ProjectFile::baseline);
            fromProject = true;
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = file.get();
        String display = display(request.baseDir(), path);
        if (fromProject && !Files.exists(path)) {
            return Optional.of(new ReadBaseline(path, display, new Baseline(List.of())));
        }
        try (java.io.Reader in = Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
            return Optional.of(new ReadBaseline(path, display, Baseline.read(in)));
        } catch (java.nio.file.NoSuchFileException e) {
            errors.add(InputError.atFile(display, "baseline: no such file; write it with 'regionlint baseline"
                    + " --output " + display + "'"));
        } catch (IOException e) {
            errors.add(InputError.atFile(display, "baseline: cannot read: " + e.getMessage()));
        } catch (Baseline.FormatException e) {
            errors.add(InputError.atFile(display, "baseline: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * Marks each finding new or unchanged; an unchanged one that nothing else suppresses is
     * suppressed by the baseline. Baseline entries that no finding matches are fixed.
     */
    private static BaselineComparison compare(ReadBaseline read, List<Finding> findings) {
        java.util.Set<String> known = read.baseline().fingerprints();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int fresh = 0;
        int unchanged = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            seen.add(f.fingerprint());
            if (known.contains(f.fingerprint())) {
                Finding marked = f.withBaselineState(BaselineState.UNCHANGED);
                findings.set(i, f.suppressed().isPresent() ? marked : marked.withSuppression(
                        Suppression.baseline(read.display())));
                unchanged++;
            } else {
                findings.set(i, f.withBaselineState(BaselineState.NEW));
                fresh++;
            }
        }
        List<Baseline.Entry> fixed = read.baseline().entries().stream().filter(e -> !seen.contains(e.fingerprint()))
                .sorted(Baseline.ORDER).toList();
        return new BaselineComparison(read.path(), read.display(), fresh, unchanged, fixed);
    }

    /** A path as reports show it: relative to the base folder where it is inside it. */
    private static String display(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
