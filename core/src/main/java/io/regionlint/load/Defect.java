package io.regionlint.load;

import java.util.Optional;

/**
 * A local defect the loader recovered from: the document is still read, and only the value the
 * defect touches is lost or replaced (CloudFormation itself keeps the last of two equal keys).
 * Unlike an {@link InputError}, a defect never costs the file; rules report it as a finding
 * with its own severity, so it follows {@code --fail-on} like every other finding.
 *
 * @param kind what went wrong (each kind is reported by one rule)
 * @param range where: the duplicate key, the resource's logical id
 * @param pointer the JSON Pointer of the node the defect is in (the mapping holding the
 *     duplicate, the resource): it names the place without a line number, so fingerprints built
 *     from it survive line moves
 * @param message what is wrong and what was kept, without line numbers
 * @param related the other place involved (the first of two equal keys), if any
 */
public record Defect(Kind kind, SourceRange range, String pointer, String message, Optional<Related> related) {

    /** The kinds of recovered defects. */
    public enum Kind {
        /** A mapping repeats a key; the last value was kept. */
        DUPLICATE_KEY,
        /** A resource has no usable {@code Type}; that resource was left out of the model. */
        RESOURCE_TYPE_MISSING
    }

    /**
     * A mapping that repeats {@code key}: reported at the repeat, with the first occurrence as the
     * related place. The readers keep the last value, as CloudFormation does.
     */
    static Defect duplicateKey(String key, SourceRange repeat, SourceRange first, String mappingPointer) {
        String where = mappingPointer.isEmpty() ? "at the top level" : "in " + mappingPointer;
        return new Defect(Kind.DUPLICATE_KEY, repeat, Node.child(mappingPointer, key), "Key '" + key
                + "' appears twice " + where + "; CloudFormation keeps the last value and ignores the first, so"
                + " the first is not checked either: delete or rename one of them",
                Optional.of(new Related(first, "first '" + key + "', ignored")));
    }

    /** Another place a defect involves, with what it is. */
    public record Related(SourceRange range, String message) {
    }
}
