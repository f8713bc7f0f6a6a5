package io.regionlint.engine;

import java.util.Optional;

/**
 * The resource a finding is about, as reports show it.
 *
 * @param stack the stack instance; {@code deployed} for a resource AWS Config observed
 * @param logicalId the template's logical id; an observed resource's ARN
 * @param arn the ARN where it is known as text (every observed resource, buckets with a literal name)
 * @param capturedAt for an observed resource, the configuration item's capture time as written
 */
public record ResourceRef(String stack, String logicalId, String type, Optional<String> region,
                          Optional<String> account, Optional<String> constructPath, Optional<String> arn,
                          Optional<String> capturedAt) {

    /** A declared resource's reference. */
    public ResourceRef(String stack, String logicalId, String type, Optional<String> region,
                       Optional<String> account, Optional<String> constructPath, Optional<String> arn) {
        this(stack, logicalId, type, region, account, constructPath, arn, Optional.empty());
    }

    /** True for a resource read from AWS Config (deployed state) rather than a template. */
    public boolean observed() {
        return capturedAt.isPresent();
    }
}
