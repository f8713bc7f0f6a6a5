package io.regionlint.model;

import io.regionlint.load.Node;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** A resolved mapping, in template order. The map is wrapped, not copied: the resolver hands it over. */
public record MapValue(Map<String, Value> entries, Node source) implements Value {

    public MapValue {
        entries = Collections.unmodifiableMap(entries);
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
