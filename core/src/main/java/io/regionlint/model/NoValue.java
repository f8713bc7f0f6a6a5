package io.regionlint.model;

import io.regionlint.load.Node;

/**
 * What {@code Ref AWS::NoValue} resolves to: the property is absent. A named sentinel instead of
 * {@code null}; it never leaves the resolver, because maps and lists drop it where it stands and
 * functions read it as "no value".
 */
record NoValue(Node source) implements Value {
}
