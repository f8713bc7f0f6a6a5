package io.regionlint.engine;

import io.regionlint.model.Suggestions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check of a rule id or id prefix against the registry, for the command line, the Maven
 * plugin and the project file's {@code rules:} alike: a typo must never select nothing in
 * silence.
 */
final class RuleIds {

    private static final Pattern FORMAT = Pattern.compile("RL\\d{1,4}|(?!RL-?\\d)[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{0,15}){1,3}");

    private RuleIds() {
    }

    /** The id in upper case, without surrounding blanks. */
    static String normalize(String idOrPrefix) {
        return idOrPrefix.trim().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with an id or prefix; empty when it is well formed and some rule id starts with it. */
    static Optional<String> problem(String idOrPrefix, RuleRegistry registry) {
        String id = normalize(idOrPrefix);
        if (!FORMAT.matcher(id).matches()) {
            return Optional.of("'" + idOrPrefix + "' is not a rule id or id prefix (expected e.g. RL2001 or RL2)");
        }
        List<String> ids = registry.all().stream().map(RuleDescriptor::id).toList();
        if (ids.stream().anyMatch(r -> r.startsWith(id))) {
            return Optional.empty();
        }
        String hint = id.length() == 6 ? nearest(id, ids).map(n -> "; did you mean " + n + "?").orElse("") : "";
        return Optional.of("no rule id starts with " + id + hint);
    }

    /** The registered id one or two edits away from a full id, if there is one (RL2099 → RL2009). */
    private static Optional<String> nearest(String id, List<String> ids) {
        return ids.stream().filter(r -> Suggestions.distance(id, r) <= 2)
                .min(Comparator.comparingInt((String r) -> Suggestions.distance(id, r)).thenComparing(r -> r));
    }
}
