package io.regionlint.model;

import java.util.List;
import java.util.Locale;

/**
 * One test of a policy statement's {@code Condition} block: an operator, a condition key and
 * the values it is compared with, as written. Parsing only: what a key means, and so whether a
 * test narrows what the statement allows, is the rules' judgement.
 *
 * @param operator the operator as written, with its qualifiers
 *     ({@code ForAnyValue:StringLike}, {@code StringEqualsIfExists})
 * @param key the condition key as written ({@code kms:RequestAlias})
 * @param values the values' texts; unknown values are left out and clear {@code known}
 * @param known false when some value could not be resolved to text
 * @param at the key's value in the template (for locations)
 */
public record PolicyCondition(String operator, String key, List<String> values, boolean known, Value at) {

    public PolicyCondition {
        values = List.copyOf(values);
    }

    /** The operator without its set qualifier and {@code IfExists} ({@code StringLike}). */
    public String baseOperator() {
        String op = operator;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
    }

    /** {@code ForAnyValue}, {@code ForAllValues}, or "" for a single-valued test. */
    public String setQualifier() {
        int colon = operator.indexOf(':');
        return colon < 0 ? "" : operator.substring(0, colon);
    }

    /** True for {@code ...IfExists}: the test passes when the request lacks the key. */
    public boolean ifExists() {
        return operator.endsWith("IfExists");
    }

    /** True when the key is the given one (condition keys are case-insensitive). */
    public boolean isKey(String conditionKey) {
        return key.equalsIgnoreCase(conditionKey);
    }

    /** The key in lower case, for lookups. */
    public String normalizedKey() {
        return key.toLowerCase(Locale.ROOT);
    }

    /** "StringEquals kms:RequestAlias" as messages name the test. */
    public String label() {
        return operator + " " + key;
    }
}
