package io.regionlint.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pull wrote.
 *
 * @param failures one line per account, Region and type (or stack list) that could not be
 *     pulled, for people; also in the manifest's coverage
 */
public record PullResult(Path manifest, int items, int stacks, List<Coverage> coverage, List<String> failures) {

    public PullResult {
        coverage = List.copyOf(coverage);
        failures = List.copyOf(failures);
    }

    /** True when everything asked for was pulled: a partial bundle is not a success. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
