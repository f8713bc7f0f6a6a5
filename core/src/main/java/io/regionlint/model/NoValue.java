package io.regionlint.model;

import io.regionlint.load.JsonPointer;
import io.regionlint.load.Located;
import io.regionlint.load.SourceRange;

/**
 * What {@code Ref AWS::NoValue} resolves to: the property is absent. A named sentinel instead of
 * {@code null}; it never leaves the resolver, because maps and lists drop it where it stands and
 * functions read it as "no value".
 */
record NoValue(SourceRange range, JsonPointer path) implements Value {

    NoValue(Located at) {
        this(at.range(), at.path());
    }
}
