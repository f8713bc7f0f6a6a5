package io.regionlint.rules.facts;

import io.regionlint.model.IamPatterns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM action names of the services whose complete action list the facts hold
 * ({@code iam.actions.services}, one {@code iam-actions-<prefix>.txt} each, taken from the
 * Service Authorization Reference). Only those services are judged: for any other prefix every
 * question answers "cannot tell". IAM matches action names case-insensitively, so do these.
 */
public final class IamActions {

    /** Lower-case prefix to its actions, lower-case name to the name as the reference spells it. */
    private static final Map<String, Map<String, String>> ACTIONS = load();

    private IamActions() {
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String service : AwsFacts.list("iam.actions.services")) {
            String file = "iam-actions-" + service + ".txt";
            Map<String, String> names = new TreeMap<>();
            try (InputStream in = IamActions.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String name = line.trim();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.put(name.toLowerCase(Locale.ROOT), name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.put(service.toLowerCase(Locale.ROOT), Collections.unmodifiableMap(names));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The day the Service Authorization Reference's lists were taken. */
    public static String published() {
        return AwsFacts.text("iam.actions.published");
    }

    /** True when the facts hold every action of the service prefix (any case). */
    public static boolean covers(String service) {
        return ACTIONS.containsKey(service.toLowerCase(Locale.ROOT));
    }

    /** The covered service prefixes, as the facts list them. */
    public static List<String> services() {
        return List.copyOf(ACTIONS.keySet());
    }

    /**
     * Whether an action, or a pattern with {@code *} and {@code ?}, names at least one action of
     * its service: empty when the service is not covered or the text has no {@code service:}.
     */
    public static Optional<Boolean> exists(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Map<String, String> names = ACTIONS.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
        if (names == null) {
            return Optional.empty();
        }
        String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (!IamPatterns.hasWildcard(name)) {
            return Optional.of(names.containsKey(name));
        }
        return Optional.of(names.keySet().stream().anyMatch(n -> IamPatterns.matches(name, n)));
    }

    /**
     * The real action nearest to a misspelt one of a covered service, spelt as the reference
     * spells it ({@code s3:ReplicateTags} for {@code s3:ReplicationTags}); empty when none is
     * close enough to be a plausible intent (edit distance at most a third of the name) or the
     * name is a pattern.
     */
    public static Optional<String> nearest(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || IamPatterns.hasWildcard(action)) {
            return Optional.empty();
        }
        String service = action.substring(0, colon).toLowerCase(Locale.ROOT);
        Map<String, String> names = ACTIONS.get(service);
        if (names == null) {
            return Optional.empty();
        }
        String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
        int limit = Math.max(2, name.length() / 3);
        List<String> best = new ArrayList<>();
        int bestDistance = limit + 1;
        for (Map.Entry<String, String> e : names.entrySet()) { // sorted: ties resolve the same way every run
            int d = distance(name, e.getKey(), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best.clear();
                best.add(e.getValue());
            }
        }
        return best.isEmpty() ? Optional.empty() : Optional.of(service + ":" + best.get(0));
    }

    /** Levenshtein distance, giving up (returning {@code cap}) once every path exceeds it. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], cap);
    }
}
