package io.regionlint.model;

/**
 * The one three-valued answer to a yes/no question about the model: true, false, or that the
 * inputs cannot tell (an unknown value is in the way). Rules act on {@link #TRUE} or
 * {@link #FALSE} only and never read {@link #UNKNOWN} as either (Kleene's strong logic).
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Conjunction: FALSE wins over UNKNOWN, UNKNOWN over TRUE. */
    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** Disjunction: TRUE wins over UNKNOWN, UNKNOWN over FALSE. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }

    public boolean isUnknown() {
        return this == UNKNOWN;
    }
}
