package io.regionlint.model;

import io.regionlint.load.Node;
import io.regionlint.load.SourceRange;
import java.util.Optional;

/**
 * Where the model learnt of a resource: a template declares it, or AWS Config observed it
 * deployed. Rules never need to ask (both shapes of properties are CloudFormation's); reports,
 * fingerprints and suppressions do.
 */
public sealed interface Provenance {

    /** A template's resource: its stack instance, logical id and declaration node. */
    record Declared(StackInstance stack, String logicalId, Node node) implements Provenance {
    }

    /**
     * A configuration item of a snapshot. Holds only what reports need, never the item's tree
     * (a snapshot of 100,000 items is not kept in memory).
     *
     * @param range the item's object in its snapshot file (file, line, column)
     * @param pointer the item's JSON Pointer in its file (within a decoded select result: within its string)
     * @param captureTime {@code configurationItemCaptureTime} as written
     * @param arn the item's ARN, else {@code <type>/<resourceId>} for an item without one
     * @param region the item's {@code awsRegion} ({@code global} for IAM)
     * @param physicalId what {@code Ref} would give in a template (bucket name, table name, key id, ...)
     */
    record Observed(SourceRange range, String pointer, Optional<String> captureTime, String arn, String account,
                    String region, String resourceType, String physicalId) implements Provenance {

        public String file() {
            return range.file();
        }
    }
}
