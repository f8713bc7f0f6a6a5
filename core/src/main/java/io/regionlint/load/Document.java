package io.regionlint.load;

import java.nio.file.Path;

/**
 * A loaded file.
 *
 * @param path where it was read from
 * @param displayPath the path shown in reports (relative to the base directory where possible)
 * @param root the document's root node
 */
public record Document(Path path, String displayPath, Node root) {
}
