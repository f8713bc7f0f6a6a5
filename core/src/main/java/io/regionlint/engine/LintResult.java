package io.regionlint.engine;

import io.regionlint.load.InputError;
import java.util.List;

/**
 * What a run found: findings sorted by file, line, column and rule id; input errors sorted by
 * file and line; the rules that ran; counts.
 */
public record LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                         Summary summary) {

    public LintResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
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
