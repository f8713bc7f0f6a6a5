package io.regionlint.model;

import io.regionlint.load.CompactMap;
import io.regionlint.load.Node;
import java.util.Map;
import java.util.Optional;

/** A resolved mapping, in template order, held compactly (see {@link CompactMap}). */
public record MapValue(Map<String, Value> entries, Node source) implements Value {

    public MapValue {
        entries = CompactMap.copyOf(entries);
    }

    public static MapValue empty(Node source) {
        return new MapValue(Map.of(), source);
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }
}
