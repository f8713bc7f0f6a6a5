package io.regionlint.load;

/**
 * Something with a place in a source file: a template node, or a value resolved from one. A
 * value keeps only its place (the range and pointer objects it shares with its node), not the
 * node: so once a template is modelled its node tree can go, and the model of 2,000 templates
 * does not hold every mapping of their text to the end of the run.
 */
public interface Located {

    SourceRange range();

    /** RFC 6901 pointer from the document root, kept compactly. */
    JsonPointer path();

    /** The pointer as text, "" for the root itself. */
    default String pointer() {
        return path().toString();
    }
}
