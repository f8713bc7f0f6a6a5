package io.regionlint.load;

/**
 * A scalar: {@code value} is a String, Long, java.math.BigInteger, Double, Boolean or null
 * (YAML null, JSON null or an empty YAML value).
 */
public record ScalarNode(Object value, SourceRange range, String pointer) implements Node {

    /** The scalar as CloudFormation sees it: its text, "" for null. */
    public String text() {
        return value == null ? "" : value.toString();
    }
}
