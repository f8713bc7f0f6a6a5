package io.regionlint.pull;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the pull's AWS credentials come from, told without the SDK so that front ends need not
 * import it. The secret is held only to hand it to the SDK: {@link #toString()} never shows it.
 */
public final class Credentials {

    enum Kind { DEFAULT_CHAIN, PROFILE, KEYS }

    private final Kind kind;
    private final String profile;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private Credentials(Kind kind, String profile, String accessKeyId, String secretAccessKey, String sessionToken) {
        this.kind = kind;
        this.profile = profile;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
    }

    /** The SDK's default chain: system properties, environment, web identity, profile, SSO, containers, IMDS. */
    public static Credentials defaultChain() {
        return new Credentials(Kind.DEFAULT_CHAIN, null, null, null, null);
    }

    /** A named profile of {@code ~/.aws/config} and {@code ~/.aws/credentials} (SSO and role profiles too). */
    public static Credentials profile(String name) {
        return new Credentials(Kind.PROFILE, Objects.requireNonNull(name), null, null, null);
    }

    /** Keys given directly (the environment's {@code AWS_ACCESS_KEY_ID} and friends, or a test's). */
    public static Credentials keys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        return new Credentials(Kind.KEYS, null, Objects.requireNonNull(accessKeyId),
                Objects.requireNonNull(secretAccessKey), sessionToken.orElse(null));
    }

    Kind kind() {
        return kind;
    }

    String profileName() {
        return profile;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKey() {
        return secretAccessKey;
    }

    Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** What the user may see: the source, never a key. */
    @Override
    public String toString() {
        return switch (kind) {
            case DEFAULT_CHAIN -> "the default credential chain";
            case PROFILE -> "profile '" + profile + "'";
            case KEYS -> "keys from the environment";
        };
    }
}
