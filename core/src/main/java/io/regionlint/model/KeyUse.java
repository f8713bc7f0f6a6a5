package io.regionlint.model;

import java.util.Optional;

/**
 * A KMS key protecting one Regional copy of data.
 *
 * @param owner the resource that names the key (the bucket, table, cluster or secret)
 * @param at the value that names the key
 * @param copyRegion the Region of the copy the key protects (a replica's Region, a destination
 *     bucket's Region); empty when not known
 * @param location where the key lives
 * @param copy what the key protects, for messages ("replica of table 'orders' in eu-west-1")
 * @param replicated true when the copy is one of several Regional copies of the same data
 */
public record KeyUse(Resource owner, Value at, Optional<String> copyRegion, KeyLocation location, String copy,
                     boolean replicated) {
}
