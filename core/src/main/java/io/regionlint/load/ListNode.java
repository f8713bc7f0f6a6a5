package io.regionlint.load;

import java.util.List;

/** A sequence. */
public record ListNode(List<Node> items, SourceRange range, JsonPointer path) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public ListNode shell() {
        return items.isEmpty() ? this : new ListNode(List.of(), range, path);
    }

    /** A list at a pointer given as text. */
    public ListNode(List<Node> items, SourceRange range, String pointer) {
        this(items, range, JsonPointer.literal(pointer));
    }

    @Override
    public String pointer() {
        return path.toString();
    }
}
