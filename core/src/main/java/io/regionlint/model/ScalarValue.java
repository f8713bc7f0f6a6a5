package io.regionlint.model;

import io.regionlint.load.JsonPointer;
import io.regionlint.load.Located;
import io.regionlint.load.SourceRange;
import java.util.Optional;

/** A resolved scalar: String, Long, BigInteger, Double, Boolean, or null. */
public record ScalarValue(Object value, SourceRange range, JsonPointer path) implements Value {

    /** A scalar at the place of a node or of another value. */
    public ScalarValue(Object value, Located at) {
        this(value, at.range(), at.path());
    }

    @Override
    public Optional<String> text() {
        return Optional.of(value == null ? "" : value.toString());
    }
}
