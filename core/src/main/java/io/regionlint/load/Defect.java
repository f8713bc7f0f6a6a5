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
     * A mapping that repeats {@code key}: reported at the repeat, with the occurrence before it as
     * the related place. The readers keep the last value, as CloudFormation does.
     *
     * @param occurrence 2 for the second occurrence of the key in the mapping, 3 for the third...
     */
    static Defect duplicateKey(String key, SourceRange repeat, SourceRange previous, String mappingPointer,
                               int occurrence) {
        String where = mappingPointer.isEmpty() ? "at the top level" : "in " + mappingPointer;
        String times = occurrence == 2 ? "twice" : occurrence + " times";
        String ignored = occurrence == 2 ? "the first" : "the earlier ones";
        return new Defect(Kind.DUPLICATE_KEY, repeat, Node.child(mappingPointer, key), "Key '" + key
                + "' appears " + times + " " + where + "; CloudFormation keeps the last value and ignores " + ignored
                + ", so " + ignored + " " + (occurrence == 2 ? "is" : "are") + " not checked either: delete or rename "
                + (occurrence == 2 ? "one of them" : "all but one of them"),
                Optional.of(new Related(previous, (occurrence == 2 ? "first '" : "earlier '") + key + "', ignored")));
    }

    /** Another place a defect involves, with what it is. */
    public record Related(SourceRange range, String message) {
    }
}
