package io.regionlint.load;

/**
 * A node of a loaded document: YAML and JSON both become this tree. Every node knows its
 * source range and its JSON Pointer from the document root. Short-form YAML intrinsic tags are
 * already expanded to their long form ({@code !Ref X} is a map {@code {"Ref": "X"}}).
 */
public sealed interface Node extends Located permits MapNode, ListNode, ScalarNode {

    /** The pointer, kept compactly; build children's pointers from it. */
    @Override
    JsonPointer path();

    /**
     * This node without what it holds: the same range and pointer, no entries or items (a scalar
     * is itself). What is kept of a template once it is modelled, where only places are read.
     */
    Node shell();

    /** Appends one reference token to a pointer, escaping '~' and '/'. */
    static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}
