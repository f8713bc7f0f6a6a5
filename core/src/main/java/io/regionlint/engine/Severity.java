package io.regionlint.engine;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, most severe first; they map one to one onto SARIF levels. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case name used in reports, the project file and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
