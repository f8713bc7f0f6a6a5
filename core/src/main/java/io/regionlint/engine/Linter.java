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

    public LintResult run(LintRequest request) {
        InputPlan plan = InputPlanner.plan(new InputPlanner.Request(request.inputs(), request.configFile(),
                request.regions(), request.parameters(), request.account(), request.baseDir(), request.limits()));
        InputPlan.TopologyPlan planned = plan.topologies().get(0);
        TopologyBuilder.Result built = TopologyBuilder.build(planned.stacks(), planned.regionRoles());
        List<InputError> errors = new ArrayList<>(plan.errors());
        errors.addAll(built.errors());
        errors.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        RuleSelection selection = new RuleSelection(request, planned.project());
        List<RuleDescriptor> toRun = registry.all().stream().filter(selection::enabled).toList();
        List<Finding> findings = new ArrayList<>();
        Topology topology = built.topology();
        Suppressions suppressions = new Suppressions(planned.project(), topology);
        for (RuleDescriptor rule : toRun) {
            RuleContext context = new RuleContext(rule, topology, errors, selection.options(rule));
            rule.rule().check(context);
            Severity severity = selection.severity(rule);
            for (FindingBuilder builder : context.reported()) {
                Finding finding = builder.build().withSeverity(severity);
                findings.add(suppressions.apply(finding));
            }
        }
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
        LintResult.Summary summary = new LintResult.Summary(plan.files().size(), topology.stacks().size(),
                topology.resources().size(), counts[0], counts[1], counts[2], suppressed);
        return new LintResult(findings, errors, toRun, summary);
    }
}
