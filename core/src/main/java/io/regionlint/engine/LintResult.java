package io.regionlint.engine;

import io.regionlint.load.InputError;
import io.regionlint.model.Topology;
import io.regionlint.model.TopologyBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run found: findings sorted by file, line, column and rule id; input errors sorted by
 * file and line; the rules that ran; counts; and, when a baseline was used, how the findings
 * compare with it.
 *
 * @param inputFiles every file the run read (templates, assembly files, the project file), as
 *     absolute normalised paths in the order read: what a report must never overwrite
 * @param topologies the topologies the rules read, one per project given (and one for the loose
 *     templates), so that a picture of the system (the graph stage) shows exactly what was linted
 *     without building it twice
 */
public record LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                         Summary summary, Optional<BaselineComparison> baseline, List<Path> inputFiles,
                         List<Topology> topologies) {

    public LintResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
        inputFiles = List.copyOf(inputFiles);
        topologies = List.copyOf(topologies);
    }

    /** A result without a topology that lists its input files. */
    public LintResult(List<Finding> findings, List<InputError> errors, List<RuleDescriptor> rulesRun,
                      Summary summary, Optional<BaselineComparison> baseline, List<Path> inputFiles) {
        this(findings, errors, rulesRun, summary, baseline, inputFiles, List.of());
    }

    /**
     * The topology a picture draws: the first one planned (the first project given), or an empty
     * one for a result built by hand.
     */
    public Topology topology() {
        return topologies.isEmpty() ? TopologyBuilder.build(List.of(), Map.of()).topology() : topologies.get(0);
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

    /**
     * The part of this result that concerns the given files (display paths, as findings name
     * them): findings located in one of them or with a related location in one, and input errors
     * of those files. Counts are those of what is kept; the rest of the topology was still built,
     * since a rule that spans stacks and Regions needs every file, changed or not.
     */
    public LintResult touching(Collection<String> files) {
        Set<String> wanted = Set.copyOf(files);
        List<Finding> kept = new ArrayList<>();
        int[] counts = new int[Severity.values().length];
        int suppressed = 0;
        int baselined = 0;
        for (Finding f : findings) {
            boolean touches = wanted.contains(f.location().file())
                    || f.related().stream().anyMatch(r -> wanted.contains(r.location().file()));
            if (!touches) {
                continue;
            }
            kept.add(f);
            if (f.suppressed().isPresent() && f.suppressed().get().origin() == Suppression.Origin.BASELINE) {
                baselined++;
            } else if (f.suppressed().isPresent()) {
                suppressed++;
            } else {
                counts[f.severity().ordinal()]++;
            }
        }
        List<InputError> keptErrors = errors.stream().filter(e -> wanted.contains(e.file())).toList();
        return new LintResult(kept, keptErrors, rulesRun, new Summary(summary.files(), summary.stacks(),
                summary.resources(), counts[0], counts[1], counts[2], suppressed, baselined), baseline, inputFiles,
                topologies);
    }

    /** True when an unsuppressed finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.suppressed().isEmpty() && f.severity().atLeast(threshold));
    }
}
