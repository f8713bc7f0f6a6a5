package io.regionlint.rules.s3;

/**
 * What the templates tell about a yes/no question: yes, no, or that they cannot tell (an
 * unknown value is in the way). Rules act on {@link #YES} or {@link #NO} only and stay silent on
 * {@link #UNKNOWN}.
 */
enum Answer {
    YES, NO, UNKNOWN;

    static Answer of(boolean value) {
        return value ? YES : NO;
    }

    /** Three-valued conjunction: NO wins over UNKNOWN, UNKNOWN over YES. */
    Answer and(Answer other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
    }

    /** Three-valued disjunction: YES wins over UNKNOWN, UNKNOWN over NO. */
    Answer or(Answer other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : NO;
    }
}
