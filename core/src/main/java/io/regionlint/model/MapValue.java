package io.regionlint.model;

import io.regionlint.load.CompactMap;
import io.regionlint.load.JsonPointer;
import io.regionlint.load.Located;
import io.regionlint.load.SourceRange;
import java.util.Map;
import java.util.Optional;

/** A resolved mapping, in template order, held compactly (see {@link CompactMap}). */
public record MapValue(Map<String, Value> entries, SourceRange range, JsonPointer path) implements Value {

    public MapValue {
        entries = CompactMap.copyOf(entries);
    }

    /** A mapping at the place of a node or of another value. */
    public MapValue(Map<String, Value> entries, Located at) {
        this(entries, at.range(), at.path());
    }

    public static MapValue empty(Located at) {
        return new MapValue(Map.of(), at);
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }
}
