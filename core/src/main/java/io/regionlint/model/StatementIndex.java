package io.regionlint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Answers "does one of these statements cover this action on this ARN?" without trying every
 * statement: a role with one statement per bucket (a ring of 3,000 buckets replicating to each
 * other) would otherwise cost statements × buckets × actions pattern matches. Statements are
 * grouped per action on first use (actions are few: the ones rules ask about), then by resource:
 * exact ARNs in a hash map, patterns by the literal text before their first wildcard, and
 * {@code NotResource} statements and patterns that start with a wildcard in a list tried every
 * time. Every candidate is confirmed with {@link PolicyStatement#coversResource}, so answers are
 * the same as trying every statement.
 *
 * <p>A role of a few statements (almost every role) is not indexed: trying its statements costs
 * less than the per-action maps, which for 2,000 templates of 50 resources were 514,000 indexes
 * and a million hash maps kept to the end of the run (about 150 MB).
 */
final class StatementIndex {

    /** Statement lists up to this size are tried in turn instead of indexed. */
    static final int INDEXED = 16;

    private final List<PolicyStatement> statements;
    /** Null for a small list of statements. */
    private final Map<String, ByResource> byAction;

    /** The statements an index answers for, those that pass {@code filter}, in order. */
    StatementIndex(List<PolicyStatement> statements, Predicate<PolicyStatement> filter) {
        this.statements = statements.stream().filter(filter).toList();
        this.byAction = this.statements.size() > INDEXED ? new ConcurrentHashMap<>() : null;
    }

    /** True when a statement covers the action and the ARN. */
    boolean covers(String action, String arn) {
        if (byAction == null) {
            for (PolicyStatement s : statements) {
                if (s.coversAction(action) && s.coversResource(arn)) {
                    return true;
                }
            }
            return false;
        }
        return byAction.computeIfAbsent(action.toLowerCase(Locale.ROOT),
                a -> new ByResource(statements.stream().filter(s -> s.coversAction(action)).toList())).covers(arn);
    }

    /** True when a statement covers the action on some resource (any resource list at all). */
    boolean coversAction(String action, Predicate<PolicyStatement> also) {
        return statements.stream().anyMatch(s -> also.test(s) && s.coversAction(action));
    }

    /** The statements of one action, by resource. */
    private static final class ByResource {
        private final Map<String, List<PolicyStatement>> exact = new HashMap<>();
        private final Map<String, List<PolicyStatement>> byPrefix = new HashMap<>();
        private final List<PolicyStatement> always = new ArrayList<>();
        /** The lengths of the prefixes in {@link #byPrefix}, so a lookup tries only those. */
        private final int[] prefixLengths;

        ByResource(List<PolicyStatement> statements) {
            java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
            for (PolicyStatement s : statements) {
                if (s.notResource()) {
                    always.add(s);
                    continue;
                }
                for (String pattern : s.resources()) {
                    int wildcard = firstWildcard(pattern);
                    if (wildcard < 0) {
                        add(exact, pattern, s);
                    } else if (wildcard == 0) {
                        if (always.isEmpty() || always.get(always.size() - 1) != s) {
                            always.add(s);
                        }
                    } else {
                        add(byPrefix, pattern.substring(0, wildcard), s);
                        lengths.add(wildcard);
                    }
                }
            }
            prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        }

        boolean covers(String arn) {
            if (exact.containsKey(arn)) {
                return true;
            }
            for (PolicyStatement s : always) {
                if (s.coversResource(arn)) {
                    return true;
                }
            }
            for (int length : prefixLengths) {
                if (length > arn.length()) {
                    break;
                }
                List<PolicyStatement> candidates = byPrefix.get(arn.substring(0, length));
                if (candidates != null) {
                    for (PolicyStatement s : candidates) {
                        if (s.coversResource(arn)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static void add(Map<String, List<PolicyStatement>> map, String key, PolicyStatement s) {
            List<PolicyStatement> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (list.isEmpty() || list.get(list.size() - 1) != s) {
                list.add(s);
            }
        }

        private static int firstWildcard(String pattern) {
            int star = pattern.indexOf('*');
            int question = pattern.indexOf('?');
            return star < 0 ? question : question < 0 ? star : Math.min(star, question);
        }
    }
}
