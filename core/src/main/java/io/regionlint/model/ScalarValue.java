package io.regionlint.model;

import io.regionlint.load.Node;
import java.util.Optional;

/** A resolved scalar: String, Long, BigInteger, Double, Boolean, or null. */
public record ScalarValue(Object value, Node source) implements Value {

    @Override
    public Optional<String> text() {
        return Optional.of(value == null ? "" : value.toString());
    }
}
