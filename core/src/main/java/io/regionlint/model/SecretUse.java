package io.regionlint.model;

import java.util.Optional;

/**
 * A resource that reads a Secrets Manager secret: through a dynamic reference
 * ({@code {{resolve:secretsmanager:...}}}), a {@code Ref} to the secret, or its ARN.
 *
 * @param user the resource that reads it; the read happens in the user's Region
 * @param at the value that names the secret
 * @param secret the secret, when it is among the loaded resources
 * @param reference the secret id or ARN as written
 */
public record SecretUse(Resource user, Value at, Optional<Resource> secret, String reference) {
}
