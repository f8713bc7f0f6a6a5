package io.regionlint.engine;

import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run found: findings sorted by file, line, column and rule id; input errors sorted by
 * file and line; the rules that ran; counts.
 *
 * @param inputFiles every file the run read (templates, assembly files, the project file), as
 *     absolute normalised paths in the order read: what a report must never overwrite
 */
public record LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                         Summary summary, List<Path> inputFiles) {

    public LintResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
        inputFiles = List.copyOf(inputFiles);
    }

    /** A result that lists no input files (built by hand, in tests). */
    public LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                      Summary summary) {
        this(findings, errors, rulesRun, summary, List.of());
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
