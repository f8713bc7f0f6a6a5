package io.regionlint.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded file.
 *
 * <p>Its tree is needed whole only while stack instances are resolved from it. After that the
 * topology builder calls {@link #keepOutline}: from then on {@link #root} is the outline, which is
 * all anything reads of a template once its values are resolved (the values keep their own
 * places). The trees of a large run are most of its memory, so each goes as soon as its last
 * stack instance is built.
 */
public final class Document {

    private final Path path;
    private final String displayPath;
    private final List<Defect> defects;
    private volatile Node root;
    private volatile boolean outlined;

    /**
     * @param path where it was read from
     * @param displayPath the path shown in reports (relative to the base directory where possible)
     * @param root the document's root node
     * @param defects local defects the loader recovered from, in source order (the document is still
     *     whole apart from the values they name)
     */
    public Document(Path path, String displayPath, Node root, List<Defect> defects) {
        this.path = path;
        this.displayPath = displayPath;
        this.root = root;
        this.defects = List.copyOf(defects);
    }

    /** A document read without defects. */
    public Document(Path path, String displayPath, Node root) {
        this(path, displayPath, root, List.of());
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    /** The root node: the whole tree, or its outline once {@link #keepOutline} was called. */
    public Node root() {
        return root;
    }

    public List<Defect> defects() {
        return defects;
    }

    /**
     * Keeps only the document's outline from now on: every top-level key, the keys of each
     * top-level mapping (a parameter, a resource's logical id) with their positions and childless
     * nodes at their places, {@code Metadata} whole, and nothing below. Idempotent; call it only
     * when nothing will resolve values from the document again.
     */
    public synchronized void keepOutline() {
        if (outlined) {
            return;
        }
        if (root instanceof MapNode map) {
            Map<String, Node> sections = new LinkedHashMap<>();
            map.entries().forEach((key, section) -> sections.put(key, key.equals("Metadata") ? section
                    : keysOf(section)));
            root = new MapNode(sections, map.keyPositions(), map.range(), map.path());
        }
        outlined = true;
    }

    private static Node keysOf(Node section) {
        if (!(section instanceof MapNode map)) {
            return section.shell();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        map.entries().forEach((key, node) -> entries.put(key, node.shell()));
        return new MapNode(entries, map.keyPositions(), map.range(), map.path());
    }

    @Override
    public String toString() {
        return "Document[" + displayPath + "]";
    }
}
