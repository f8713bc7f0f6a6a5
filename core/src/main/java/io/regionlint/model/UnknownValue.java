package io.regionlint.model;

import io.regionlint.load.JsonPointer;
import io.regionlint.load.Located;
import io.regionlint.load.SourceRange;

/** A value the inputs cannot tell, with the reason (shown to users in notes). */
public record UnknownValue(String reason, SourceRange range, JsonPointer path) implements Value {

    /** An unknown value at the place of a node or of another value. */
    public UnknownValue(String reason, Located at) {
        this(reason, at.range(), at.path());
    }
}
