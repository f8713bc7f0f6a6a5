package io.regionlint.load;

import java.util.Map;
import java.util.Optional;

/**
 * A mapping in source order. Keys are unique (a repeated key keeps its last value, and the loader
 * records the repeat as a {@link Defect}). The entries map is wrapped, not copied: a reader hands
 * it over and never touches it again (copying every map of a large template twice cost a fifth of the load time). The keys' positions are
 * packed four ints a key, in entry order, instead of a second map of ranges per mapping.
 *
 * @param keyPositions line, column, end line, end column of each key, in entry order
 */
public record MapNode(Map<String, Node> entries, int[] keyPositions, SourceRange range, JsonPointer path)
        implements Node {

    public MapNode {
        entries = CompactMap.copyOf(entries);
    }

    /** A map whose keys' ranges are given by key (in any order). */
    public MapNode(Map<String, Node> entries, Map<String, SourceRange> keyRanges, SourceRange range, JsonPointer path) {
        this(entries, pack(entries, keyRanges, range), range, path);
    }

    /** A map at a pointer given as text. */
    public MapNode(Map<String, Node> entries, Map<String, SourceRange> keyRanges, SourceRange range, String pointer) {
        this(entries, keyRanges, range, JsonPointer.literal(pointer));
    }

    private static int[] pack(Map<String, Node> entries, Map<String, SourceRange> keyRanges, SourceRange range) {
        int[] out = new int[entries.size() * 4];
        int i = 0;
        for (String key : entries.keySet()) {
            SourceRange r = keyRanges.getOrDefault(key, range);
            out[i++] = r.line();
            out[i++] = r.column();
            out[i++] = r.endLine();
            out[i++] = r.endColumn();
        }
        return out;
    }

    @Override
    public String pointer() {
        return path.toString();
    }

    @Override
    public MapNode shell() {
        return entries.isEmpty() ? this : new MapNode(Map.of(), new int[0], range, path);
    }

    public Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The range of a key, or of the whole map when the key is absent (a scan: see {@link #keyRange(int)}). */
    public SourceRange keyRange(String key) {
        int i = 0;
        for (String k : entries.keySet()) {
            if (k.equals(key)) {
                return keyRange(i);
            }
            i++;
        }
        return range;
    }

    /** The range of the i-th key in entry order: what callers walking the entries use. */
    public SourceRange keyRange(int index) {
        if (index < 0 || keyPositions.length < index * 4 + 4) {
            return range;
        }
        return new SourceRange(range.file(), keyPositions[index * 4], keyPositions[index * 4 + 1],
                keyPositions[index * 4 + 2], keyPositions[index * 4 + 3]);
    }
}
