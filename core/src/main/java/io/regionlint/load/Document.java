package io.regionlint.load;

import java.nio.file.Path;
import java.util.List;

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

    /** A document read without defects. */
    public Document(Path path, String displayPath, Node root) {
        this(path, displayPath, root, List.of());
    }
}
