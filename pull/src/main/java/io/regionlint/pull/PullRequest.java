package io.regionlint.pull;

import io.regionlint.load.ConfigMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to pull and where to write it.
 *
 * @param output the bundle folder (created; files of an earlier bundle in it are replaced)
 * @param regions without an aggregator, the Regions pulled one by one; with one, the Regions
 *     whose CloudFormation stacks and templates are pulled for the caller's account (may be empty)
 * @param aggregator a Config aggregator's name: one query per type covers its accounts and Regions
 * @param aggregatorRegion the aggregator's home Region (required with {@code aggregator})
 * @param resourceTypes the Config types queried, in order
 * @param stacks whether CloudFormation stacks, resource lists and templates are pulled
 * @param toolVersion written into the manifest ({@code regionlint <version>})
 */
public record PullRequest(Path output, List<String> regions, Optional<String> aggregator,
                          Optional<String> aggregatorRegion, List<String> resourceTypes, boolean stacks,
                          String toolVersion) {

    /** What {@code pull} queries: the types core maps, and the stacks that join them to templates. */
    public static final List<String> DEFAULT_TYPES;

    static {
        List<String> types = new ArrayList<>(ConfigMapper.TYPES);
        types.add("AWS::CloudFormation::Stack");
        DEFAULT_TYPES = List.copyOf(types);
    }

    public PullRequest {
        Objects.requireNonNull(output);
        regions = List.copyOf(regions);
        resourceTypes = List.copyOf(resourceTypes);
        if (aggregator.isPresent() && aggregatorRegion.isEmpty()) {
            throw new IllegalArgumentException("an aggregator needs its home Region");
        }
        if (aggregator.isEmpty() && regions.isEmpty()) {
            throw new IllegalArgumentException("no Region and no aggregator: nothing to pull");
        }
    }

    public boolean usesAggregator() {
        return aggregator.isPresent();
    }
}
