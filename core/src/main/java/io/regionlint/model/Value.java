package io.regionlint.model;

import io.regionlint.load.Located;
import java.util.Optional;

/**
 * A property value after intrinsic functions were resolved for one stack instance. Every value
 * keeps the place of the template node it came from ({@link Located}: its range and pointer, not
 * the node itself), so findings can point at it. A value that the template
 * cannot tell (an unknown parameter, an import, a dynamic reference) is an explicit
 * {@link UnknownValue}: rules must never read it as absent or as a match.
 *
 * <p>References to resources resolve to their physical name where the template gives one
 * literally, else to an opaque token (see {@link Tokens}); the linker turns either back into
 * the resource.
 */
public sealed interface Value extends Located permits MapValue, ListValue, ScalarValue, UnknownValue, NoValue {

    /** The text of a scalar (numbers and booleans as CloudFormation would print them). */
    default Optional<String> text() {
        return Optional.empty();
    }

    default boolean isUnknown() {
        return this instanceof UnknownValue;
    }

    /** Looks up a path of map keys; empty where any step is absent or not a map. */
    default Optional<Value> at(String... keys) {
        return walk(this, keys, false);
    }

    /**
     * Looks up a path of map keys like {@link #at}, but keeps what cannot be known: where a step
     * is an {@link UnknownValue}, that unknown value is the answer (the key may well be there).
     * Empty only where a step is known to be absent or is not a map.
     */
    default Optional<Value> lookup(String... keys) {
        return walk(this, keys, true);
    }

    /**
     * The one walk behind {@link #at} and {@link #lookup}; with {@code keepUnknown}, an unknown
     * step is the answer instead of absence.
     */
    private static Optional<Value> walk(Value start, String[] keys, boolean keepUnknown) {
        Value current = start;
        for (String key : keys) {
            if (keepUnknown && current instanceof UnknownValue) {
                return Optional.of(current);
            }
            if (!(current instanceof MapValue map)) {
                return Optional.empty();
            }
            Optional<Value> next = map.get(key);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** The text at a path, empty where absent, not a scalar, or unknown. */
    default Optional<String> textAt(String... keys) {
        return at(keys).flatMap(Value::text);
    }
}
