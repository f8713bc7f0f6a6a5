package io.regionlint.engine;

import io.regionlint.load.InputError;
import io.regionlint.model.InputPlan;
import io.regionlint.model.InputPlanner;
import io.regionlint.model.Topology;
import io.regionlint.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The core's entry point: one {@link LintRequest} in, one {@link LintResult} out. Plans the
 * inputs ({@link InputPlanner}: every file either becomes a template or an input error), builds
 * the topology, runs the selected rules and applies severities and suppressions. Never throws
 * for bad input.
 */
public final class Linter {

    private final RuleRegistry registry;

    public Linter(RuleRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs the rules over each planned topology on its own (one per project given, one for the
     * templates given beside them) and combines what they found. Input errors are reported once,
     * with the first topology.
     */
    public LintResult run(LintRequest request) {
        InputPlan plan = InputPlanner.plan(new InputPlanner.Request(request.inputs(), request.configFile(),
                request.regions(), request.parameters(), request.account(), request.baseDir(), request.limits()));
        List<TopologyBuilder.Result> built = plan.topologies().stream().map(TopologyBuilder::build).toList();
        List<InputError> errors = new ArrayList<>(plan.errors());
        built.forEach(b -> errors.addAll(b.errors()));
        errors.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        List<Finding> findings = new ArrayList<>();
        java.util.Set<RuleDescriptor> ran = new java.util.HashSet<>();
        int stacks = 0;
        int resources = 0;
        for (int i = 0; i < built.size(); i++) {
            InputPlan.TopologyPlan planned = plan.topologies().get(i);
            Topology topology = built.get(i).topology();
            stacks += topology.stacks().size();
            resources += topology.resources().size();
            RuleSelection selection = new RuleSelection(request, planned.project());
            List<RuleDescriptor> toRun = registry.all().stream().filter(selection::enabled).toList();
            ran.addAll(toRun);
            Suppressions suppressions = new Suppressions(planned.project(), topology);
            List<InputError> reported = i == 0 ? errors : List.of();
            for (RuleDescriptor rule : toRun) {
                RuleContext context = new RuleContext(rule, topology, reported, selection.options(rule));
                rule.rule().check(context);
                Severity severity = selection.severity(rule);
                for (FindingBuilder builder : context.reported()) {
                    Finding finding = builder.build().withSeverity(severity);
                    findings.add(suppressions.apply(finding));
                }
            }
        }
        List<RuleDescriptor> toRun = registry.all().stream().filter(ran::contains).toList();
        findings.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId).thenComparing(Finding::message).thenComparing(Finding::fingerprint));
        int[] counts = new int[Severity.values().length];
        int suppressed = 0;
        for (Finding f : findings) {
            if (f.suppressed().isPresent()) {
                suppressed++;
            } else {
                counts[f.severity().ordinal()]++;
            }
        }
        LintResult.Summary summary = new LintResult.Summary(plan.files().size(), stacks, resources, counts[0],
                counts[1], counts[2], suppressed);
        return new LintResult(findings, errors, toRun, summary);
    }
}
