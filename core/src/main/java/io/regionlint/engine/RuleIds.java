package io.regionlint.engine;

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

    private static final Pattern FORMAT = Pattern.compile("RL\\d{1,4}");

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
        return ids.stream().filter(r -> distance(id, r) <= 2)
                .min(Comparator.comparingInt((String r) -> distance(id, r)).thenComparing(r -> r));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
