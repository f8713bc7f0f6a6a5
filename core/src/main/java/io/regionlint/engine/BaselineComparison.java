package io.regionlint.engine;

import java.util.List;

/**
 * How a run's findings compare with a baseline.
 *
 * @param path the baseline file
 * @param file the baseline file as reports show it
 * @param newFindings findings not in the baseline (they fail the run as usual)
 * @param unchanged findings the baseline holds (reported, suppressed)
 * @param fixed baseline entries no finding of this run matches, sorted like the file
 */
public record BaselineComparison(java.nio.file.Path path, String file, int newFindings, int unchanged, List<Baseline.Entry> fixed) {

    public BaselineComparison {
        fixed = List.copyOf(fixed);
    }
}
