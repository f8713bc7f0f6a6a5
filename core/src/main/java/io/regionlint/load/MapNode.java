package io.regionlint.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping in source order. Keys are unique (duplicates are an input error at load time). */
public record MapNode(Map<String, Node> entries, Map<String, SourceRange> keyRanges, SourceRange range,
                      String pointer) implements Node {

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyRanges = Collections.unmodifiableMap(new LinkedHashMap<>(keyRanges));
    }

    public Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The range of a key, or of the whole map when the key is absent. */
    public SourceRange keyRange(String key) {
        return keyRanges.getOrDefault(key, range);
    }
}
