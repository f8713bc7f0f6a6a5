package io.regionlint.model;

import io.regionlint.load.JsonPointer;
import io.regionlint.load.Located;
import io.regionlint.load.SourceRange;
import java.util.List;

/** A resolved list. */
public record ListValue(List<Value> items, SourceRange range, JsonPointer path) implements Value {

    public ListValue {
        items = List.copyOf(items);
    }

    /** A list at the place of a node or of another value. */
    public ListValue(List<Value> items, Located at) {
        this(items, at.range(), at.path());
    }
}
