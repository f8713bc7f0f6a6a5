package io.regionlint.model;

import io.regionlint.load.Node;

/** A value the inputs cannot tell, with the reason (shown to users in notes). */
public record UnknownValue(String reason, Node source) implements Value {
}
