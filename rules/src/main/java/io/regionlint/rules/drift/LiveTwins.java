package io.regionlint.rules.drift;

import io.regionlint.model.Resource;
import java.util.Optional;

/**
 * Deployed resources that are twins without a template: one CloudFormation logical id in the
 * stacks of one account whose names differ only by their Region code ({@code orders-us-east-1},
 * {@code orders-us-west-2}), read from CloudFormation's tags on the items
 * ({@code aws:cloudformation:stack-name}, {@code aws:cloudformation:logical-id}). Stack names
 * without a Region code form no twin group: a name-only guess is never a group key.
 */
final class LiveTwins {

    /**
     * One twin group's key.
     *
     * @param stacks the stack name with its Region code as a placeholder ({@code orders-{Region}})
     */
    record Key(String account, String stacks, String logicalId) {
    }

    private LiveTwins() {
    }

    /** The twin group of an observed resource; empty for declared resources and items without both tags. */
    static Optional<Key> of(Resource r) {
        if (r.observed().isEmpty() || r.region().isEmpty()) {
            return Optional.empty();
        }
        return stacks(r).flatMap(stacks -> DeclaredDeployed.tag(r, DeclaredDeployed.CFN_TAG_PREFIX + "logical-id")
                .map(logicalId -> new Key(r.observed().get().account(), stacks, logicalId)));
    }

    /** The observed resource's stack name with its Region as a placeholder; empty where the name holds no Region. */
    static Optional<String> stacks(Resource r) {
        return DeclaredDeployed.tag(r, DeclaredDeployed.CFN_TAG_PREFIX + "stack-name")
                .map(DriftRegionsDifferRule::placeholders).filter(p -> p.contains("{Region}"));
    }
}
