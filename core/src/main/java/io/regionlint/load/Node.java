package io.regionlint.load;

/**
 * A node of a loaded document: YAML and JSON both become this tree. Every node knows its
 * source range and its JSON Pointer from the document root. Short-form YAML intrinsic tags are
 * already expanded to their long form ({@code !Ref X} is a map {@code {"Ref": "X"}}).
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    SourceRange range();

    /** RFC 6901 pointer from the document root, "" for the root itself. */
    String pointer();

    /** The same pointer, kept compactly; build children's pointers from it. */
    JsonPointer path();

    /** Appends one reference token to a pointer, escaping '~' and '/'. */
    static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}
