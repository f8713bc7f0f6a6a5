package io.regionlint.load;

import java.util.List;

/** A sequence. */
public record ListNode(List<Node> items, SourceRange range, String pointer) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }
}
