package io.regionlint.load;

/**
 * A scalar: {@code value} is a String, Long, java.math.BigInteger, Double, Boolean or null
 * (YAML null, JSON null or an empty YAML value).
 */
public record ScalarNode(Object value, SourceRange range, JsonPointer path) implements Node {

    /** A scalar at a pointer given as text. */
    public ScalarNode(Object value, SourceRange range, String pointer) {
        this(value, range, JsonPointer.literal(pointer));
    }

    @Override
    public String pointer() {
        return path.toString();
    }

    @Override
    public ScalarNode shell() {
        return this;
    }

    /** The scalar as CloudFormation sees it: its text, "" for null. */
    public String text() {
        return value == null ? "" : value.toString();
    }
}
