package io.regionlint.load;

import java.util.List;
import java.util.Optional;

/** What a reader made of a text: the root node (empty for no content) and the defects it recovered from. */
record Parsed(Optional<Node> root, List<Defect> defects) {
}
