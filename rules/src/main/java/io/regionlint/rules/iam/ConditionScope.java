package io.regionlint.rules.iam;

import io.regionlint.model.PolicyCondition;
import io.regionlint.model.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a statement's {@code Condition} does to the KMS keys or S3 buckets it reaches, for the
 * condition keys whose meaning AWS documents (docs/aws-facts-iam.md). A test narrows only with
 * an operator that requires the key to be present and equal to, or like, the listed values;
 * negated operators, {@code ...IfExists} and {@code ForAllValues} leave a request without the key
 * (or with no aliases) allowed, so they narrow nothing certain. Every test this class does not
 * understand is listed as not evaluated: it may narrow the statement, so it lowers the certainty
 * of a finding and never raises it.
 *
 * @param narrowings what the understood tests limit, as message text
 *     ("reached through alias 'alias/replica' (kms:RequestAlias)")
 * @param accounts the accounts {@code aws:ResourceAccount} / {@code s3:ResourceAccount} limit the
 *     resources to; empty when no such test applies
 * @param notes understood tests that do not narrow the resources, with why
 * @param notEvaluated the tests that were not evaluated, as written ("StringEquals aws:SourceIp")
 */
record ConditionScope(List<String> narrowings, Set<String> accounts, List<String> notes, List<String> notEvaluated) {

    /** Operators that hold only when the key is present and matches one of the values. */
    private static final Set<String> POSITIVE = Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike");

    ConditionScope {
        narrowings = List.copyOf(narrowings);
        accounts = Set.copyOf(accounts);
        notes = List.copyOf(notes);
        notEvaluated = List.copyOf(notEvaluated);
    }

    /** The statement's tests as they bear on the KMS keys it reaches. */
    static ConditionScope forKms(PolicyStatement statement) {
        return of(statement, "kms");
    }

    /** The statement's tests as they bear on the S3 buckets and objects it reaches. */
    static ConditionScope forS3(PolicyStatement statement) {
        return of(statement, "s3");
    }

    private static ConditionScope of(PolicyStatement statement, String service) {
        List<String> narrowings = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        List<String> notEvaluated = new ArrayList<>();
        if (!statement.conditionsKnown()) {
            notEvaluated.add("its Condition (not readable as operators over keys)");
        }
        for (PolicyCondition c : statement.conditions()) {
            String key = c.normalizedKey();
            boolean positive = positive(c, key.equals("kms:resourcealiases"));
            String values = c.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(" or "));
            if (key.equals("kms:viaservice") && service.equals("kms")) {
                continue; // judged by the caller, as before: the role's requests come through the service
            }
            if (!c.known()) {
                notEvaluated.add(c.label() + " (its value is not known)");
            } else if (service.equals("kms") && key.equals("kms:requestalias") && positive) {
                narrowings.add("reached through alias " + values + " (kms:RequestAlias)");
            } else if (service.equals("kms") && key.equals("kms:resourcealiases") && positive) {
                narrowings.add("that has alias " + values + " (kms:ResourceAliases)");
            } else if (service.equals("kms") && key.equals("kms:encryptioncontext:aws:s3:arn") && positive) {
                narrowings.add("used for the S3 objects or buckets " + values + " (kms:EncryptionContext:aws:s3:arn)");
            } else if (service.equals("kms") && key.equals("kms:calleraccount")) {
                notes.add("kms:CallerAccount limits who calls (for this role, always its own account), not which "
                        + "keys");
            } else if ((key.equals("aws:resourceaccount") || key.equals(service + ":resourceaccount")) && positive
                    && c.values().stream().noneMatch(v -> v.contains("*") || v.contains("?"))) {
                accounts.addAll(c.values());
            } else {
                notEvaluated.add(c.label());
            }
        }
        return new ConditionScope(narrowings, accounts, notes, notEvaluated);
    }

    /** True for a test that holds only when the request has the key with one of the values. */
    private static boolean positive(PolicyCondition c, boolean multivalued) {
        if (c.ifExists() || !POSITIVE.contains(c.baseOperator().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String qualifier = c.setQualifier();
        // a multivalued key needs ForAnyValue: ForAllValues holds for a key with no aliases at all
        return multivalued ? qualifier.equalsIgnoreCase("ForAnyValue") : qualifier.isEmpty();
    }

    /** "; unless its condition StringEquals aws:SourceIp, which was not evaluated, narrows it" or "". */
    String unlessNotEvaluated() {
        if (notEvaluated.isEmpty()) {
            return "";
        }
        return " (unless " + (notEvaluated.size() == 1 ? "its condition " : "its conditions ")
                + String.join(", ", notEvaluated) + ", which regionlint did not evaluate, "
                + (notEvaluated.size() == 1 ? "narrows" : "narrow") + " it)";
    }
}
