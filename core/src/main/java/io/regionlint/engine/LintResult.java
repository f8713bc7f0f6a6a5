package io.regionlint.engine;

import io.regionlint.load.InputError;
import io.regionlint.model.Topology;
import io.regionlint.model.TopologyBuilder;
import java.util.List;
import java.util.Map;

/**
 * What a run found: findings sorted by file, line, column and rule id; input errors sorted by
 * file and line; the rules that ran; counts; and the topology the rules read, so that a picture
 * of the system (the graph stage) shows exactly what was linted without building it twice.
 */
public record LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                         Summary summary, Topology topology) {

    public LintResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
    }

    /** A result without a topology (reports built by hand, in tests): its topology is empty. */
    public LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                      Summary summary) {
        this(findings, errors, rulesRun, summary, TopologyBuilder.build(List.of(), Map.of()).topology());
    }

    /** Counts for the report footer. */
    public record Summary(int files, int stacks, int resources, int errors, int warnings, int notes,
                          int suppressed) {
    }

    /** True when an unsuppressed finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.suppressed().isEmpty() && f.severity().atLeast(threshold));
    }
}
