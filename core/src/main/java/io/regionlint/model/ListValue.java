package io.regionlint.model;

import io.regionlint.load.Node;
import java.util.List;

/** A resolved list. */
public record ListValue(List<Value> items, Node source) implements Value {

    public ListValue {
        items = List.copyOf(items);
    }
}
