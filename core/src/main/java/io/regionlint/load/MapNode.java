package io.regionlint.load;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping in source order. Keys are unique (duplicates are an input error at load time). The
 * maps are wrapped, not copied: a reader hands them over and never touches them again (copying
 * every map of a large template twice cost a fifth of the load time).
 */
public record MapNode(Map<String, Node> entries, Map<String, SourceRange> keyRanges, SourceRange range,
                      String pointer) implements Node {

    public MapNode {
        entries = Collections.unmodifiableMap(entries);
        keyRanges = Collections.unmodifiableMap(keyRanges);
    }

    public Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The range of a key, or of the whole map when the key is absent. */
    public SourceRange keyRange(String key) {
        return keyRanges.getOrDefault(key, range);
    }
}
