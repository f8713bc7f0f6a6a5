package io.regionlint.rules;

import java.util.Collection;
import java.util.List;

/** Small pieces of English that rule messages share. */
public final class Prose {

    private Prose() {
    }

    /** "a", "a and b", "a, b and c"; "" for none. */
    public static String list(Collection<String> items) {
        List<String> all = List.copyOf(items);
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }
}
