package io.regionlint.model;

import java.util.Optional;

/**
 * Who a stack instance is: CloudFormation stack names are unique per account and Region only
 * (the same template is routinely deployed as {@code app} in every Region), so every index,
 * token and fingerprint keys stacks by all three. An account or Region the inputs do not give
 * is part of the identity as "not known".
 *
 * @param name the stack name users see (what {@code AWS::StackName} resolves to)
 */
public record StackId(Optional<String> account, Optional<String> region, String name) {

    /**
     * {@code account:region:name} ({@code ?} for a part not known): the text resource keys and
     * hash indexes use. Account ids and Region codes hold no colon, so the name is what follows
     * the second one.
     */
    public String key() {
        return account.orElse("?") + ":" + region.orElse("?") + ":" + name;
    }
}
