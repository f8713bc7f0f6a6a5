package io.regionlint.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded file.
 *
 * @param path where it was read from
 * @param displayPath the path shown in reports (relative to the base directory where possible)
 * @param root the document's root node
 * @param defects local defects the loader recovered from, in source order (the document is still
 *     whole apart from the values they name)
 */
public record Document(Path path, String displayPath, Node root, List<Defect> defects) {

    public Document {
        defects = List.copyOf(defects);
    }

    /**
     * This document as far as anything reads it once its stacks are modelled: every top-level
     * key, the keys of each top-level mapping (a parameter, a resource's logical id) with their
     * positions, {@code Metadata} whole, and nothing below. Values keep their own places, so the
     * rest of the tree (most of the memory of a large run) can go once resolved.
     */
    public Document outline() {
        if (!(root instanceof MapNode map)) {
            return this;
        }
        Map<String, Node> sections = new LinkedHashMap<>();
        map.entries().forEach((key, section) -> sections.put(key, key.equals("Metadata") ? section : keysOf(section)));
        return new Document(path, displayPath, new MapNode(sections, map.keyPositions(), map.range(), map.path()),
                defects);
    }

    private static Node keysOf(Node section) {
        if (!(section instanceof MapNode map)) {
            return section.shell();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        map.entries().forEach((key, node) -> entries.put(key, node.shell()));
        return new MapNode(entries, map.keyPositions(), map.range(), map.path());
    }

    /** A document read without defects. */
    public Document(Path path, String displayPath, Node root) {
        this(path, displayPath, root, List.of());
    }
}
