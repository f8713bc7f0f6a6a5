package io.regionlint.engine;

import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run found: findings sorted by file, line, column and rule id; input errors sorted by
 * file and line; the rules that ran; counts; and, when a baseline was used, how the findings
 * compare with it.
 *
 * @param inputFiles every file the run read (templates, assembly files, the project file), as
 *     absolute normalised paths in the order read: what a report must never overwrite
 */
public record LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                         Summary summary, Optional<BaselineComparison> baseline, List<Path> inputFiles) {

    public LintResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
        inputFiles = List.copyOf(inputFiles);
    }

    /** A result of a run without a baseline that lists no input files (built by hand, in tests). */
    public LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                      Summary summary) {
        this(findings, errors, rulesRun, summary, Optional.empty(), List.of());
    }

    /** A result that lists no input files. */
    public LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                      Summary summary, Optional<BaselineComparison> baseline) {
        this(findings, errors, rulesRun, summary, baseline, List.of());
    }

    /**
     * Counts for the report footer. Errors, warnings and notes count the findings that are neither
     * suppressed nor in the baseline.
     *
     * @param suppressed findings suppressed in a template or the project file
     * @param baselined findings suppressed because the baseline holds them
     */
    public record Summary(int files, int stacks, int resources, int errors, int warnings, int notes,
                          int suppressed, int baselined) {

        /** Counts of a run without a baseline. */
        public Summary(int files, int stacks, int resources, int errors, int warnings, int notes, int suppressed) {
            this(files, stacks, resources, errors, warnings, notes, suppressed, 0);
        }
    }

    /** True when an unsuppressed finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.suppressed().isEmpty() && f.severity().atLeast(threshold));
    }
}
