package io.regionlint.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?": the candidates within a small edit distance of what was typed. The one
 * spelling helper of regionlint: Region codes, rule ids, option names and rule names use it.
 */
public final class Suggestions {

    private static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /** Up to three candidates at most two edits (ignoring case) from the typed text, nearest first. */
    public static List<String> near(String typed, Collection<String> candidates) {
        return near(typed, candidates, MAX_EDITS, 3);
    }

    /** Up to {@code limit} candidates at most {@code maxEdits} edits (ignoring case) away, nearest first. */
    public static List<String> near(String typed, Collection<String> candidates, int maxEdits, int limit) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        return candidates.stream().distinct()
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), wanted) <= maxEdits)
                .sorted(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), wanted))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
