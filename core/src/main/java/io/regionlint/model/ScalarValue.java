package io.regionlint.model;

import io.regionlint.load.Node;
import java.util.Optional;

/** A resolved scalar: String, Long, BigInteger, Double, Boolean, or null. */
public record ScalarValue(Object value, Node source) implements Value {

    @Override
    public Optional<String> text() {
        if (value == null) {
            return Optional.of("");
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Optional.of(value.toString());
        }
        return Optional.of(value.toString());
    }
}
