package io.regionlint.model;

import java.util.Optional;

/**
 * Where a KMS key named by a property lives, as far as the inputs tell.
 *
 * @param key the template key, replica key or alias resource, when the reference names one
 * @param region the key's Region: its stack's Region, or the Region in its ARN; empty when
 *     the reference does not tell (a bare key id or alias name resolves in the caller's Region)
 * @param multiRegion true for a multi-Region key (a primary with {@code MultiRegion: true}, a
 *     replica key, or an {@code mrk-} key id); empty when not known
 * @param reference the text as written, for messages
 */
public record KeyLocation(Optional<Resource> key, Optional<String> region, Optional<Boolean> multiRegion,
                          String reference) {

    /** True when the reference is an AWS managed key ({@code alias/aws/...}). */
    public boolean awsManaged() {
        return reference.contains("alias/aws/");
    }
}
