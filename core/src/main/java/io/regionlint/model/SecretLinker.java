package io.regionlint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where secrets are read and in which Regions each secret exists (its own Region and its
 * {@code ReplicaRegions}). IAM resources are not uses: a role is global, and where it is used
 * is the business of the compute that assumes it.
 */
final class SecretLinker {

    static final String SECRET = "AWS::SecretsManager::Secret";
    private static final Pattern DYNAMIC = Pattern.compile("\\{\\{resolve:secretsmanager:(arn:[^:]+:secretsmanager:"
            + "[a-z0-9-]+:[0-9]*:secret:[^:}]+|[^:}]+)");
    /** A secret's id in its ARN: its name, the six characters Secrets Manager adds, and JSON key etc. of a reference. */
    private static final Pattern SECRET_ID = Pattern.compile("([^:]+?)(-[A-Za-z0-9]{6})?(:.*)?");

    private final Map<String, Resource> byKey;
    private final Map<String, List<Resource>> byName = new HashMap<>();
    private final List<Resource> resources;
    private final boolean hasSecrets;

    SecretLinker(Map<String, Resource> byKey, Map<String, List<Resource>> byType, List<Resource> resources) {
        this.byKey = byKey;
        this.resources = resources;
        this.hasSecrets = !byType.getOrDefault(SECRET, List.of()).isEmpty();
        for (Resource secret : byType.getOrDefault(SECRET, List.of())) {
            secret.properties().textAt("Name").ifPresent(name -> byName.computeIfAbsent(name,
                    n -> new ArrayList<>()).add(secret));
        }
    }

    /** The Regions a secret exists in, or empty when its replica list cannot be resolved. */
    static Optional<Set<String>> regions(Resource secret) {
        if (secret.region().isEmpty()) {
            return Optional.empty();
        }
        Set<String> regions = new LinkedHashSet<>();
        regions.add(secret.region().get());
        Optional<Value> replicas = secret.properties().get("ReplicaRegions");
        if (replicas.isPresent()) {
            if (!(replicas.get() instanceof ListValue list)) {
                return Optional.empty();
            }
            for (Value replica : list.items()) {
                Optional<String> region = replica.textAt("Region");
                if (region.isEmpty()) {
                    return Optional.empty();
                }
                regions.add(region.get());
            }
        }
        return Optional.of(regions);
    }

    List<SecretUse> uses() {
        List<SecretUse> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r.type().startsWith("AWS::IAM::") || r.type().startsWith("AWS::SecretsManager::")) {
                continue;
            }
            scan(r, r.properties(), out);
        }
        return out;
    }

    private void scan(Resource user, Value value, List<SecretUse> out) {
        if (value instanceof MapValue map) {
            map.entries().values().forEach(v -> scan(user, v, out));
        } else if (value instanceof ListValue list) {
            list.items().forEach(v -> scan(user, v, out));
        } else if (value instanceof UnknownValue unknown) {
            if (!unknown.reason().contains("secretsmanager")) {
                return;
            }
            Matcher m = DYNAMIC.matcher(unknown.reason());
            if (m.find()) {
                out.add(new SecretUse(user, value, secretNamed(m.group(1), user), m.group(1)));
            }
        } else {
            Optional<String> text = value.text();
            if (text.isEmpty()) {
                return;
            }
            if (Tokens.containsToken(text.get())) {
                if (!hasSecrets) {
                    return; // a reference can only name a loaded secret when there is one
                }
                Optional<Resource> secret = Tokens.resourceKey(text.get()).map(byKey::get)
                        .filter(s -> s.isType(SECRET));
                secret.ifPresent(s -> out.add(new SecretUse(user, value, secret, text.get())));
            } else if (secretName(text.get()).isPresent()) {
                out.add(new SecretUse(user, value, secretNamed(text.get(), user), text.get()));
            }
        }
    }

    /**
     * The secret a name or ARN denotes: by ARN, the one in the ARN's Region; by bare name, the
     * one that exists in the user's Region, else any with that name (whose Regions then tell).
     */
    private Optional<Resource> secretNamed(String reference, Resource user) {
        if (Tokens.containsToken(reference)) {
            return Tokens.resourceKey(reference).map(byKey::get).filter(s -> s.isType(SECRET));
        }
        Optional<Arn> arn = secretArn(reference);
        String name = secretName(reference).orElse(reference);
        List<Resource> candidates = byName.getOrDefault(name, List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> region = arn.isPresent() ? arn.map(Arn::region) : user.region();
        return candidates.stream().filter(s -> s.region().equals(region)).findFirst()
                .or(() -> Optional.of(candidates.get(0)));
    }

    /** A secret ARN with its Region and a literal (or empty) account. */
    private static Optional<Arn> secretArn(String text) {
        return Arn.regional(text, "secretsmanager", "secret").filter(a -> a.resource().startsWith("secret:"));
    }

    /** The secret's name a secret ARN holds, without the suffix Secrets Manager adds. */
    private static Optional<String> secretName(String text) {
        return secretArn(text).map(a -> SECRET_ID.matcher(a.resourceId())).filter(Matcher::matches)
                .map(m -> m.group(1));
    }
}
