package io.regionlint.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a run fails: at an unsuppressed finding of this severity or above, or {@link #NEVER}
 * (report, never fail). The CLI's {@code --fail-on} and the Maven plugin's {@code failOn} read it
 * with {@link #parse}; input errors are not findings and are the front end's to map.
 */
public enum FailThreshold {
    ERROR, WARNING, NOTE, NEVER;

    /** The words {@link #parse} accepts, for messages: "error, warning, note, never". */
    public static final String CHOICES = Arrays.stream(values()).map(FailThreshold::label)
            .collect(Collectors.joining(", "));

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lowest severity that fails the run; empty for {@link #NEVER}. */
    public Optional<Severity> severity() {
        return this == NEVER ? Optional.empty() : Severity.parse(name());
    }

    /** True when the result holds an unsuppressed finding at or above this threshold. */
    public boolean failedBy(LintResult result) {
        return severity().map(result::failsAt).orElse(false);
    }

    /** The unsuppressed findings at or above this threshold (none for {@link #NEVER}). */
    public long count(LintResult result) {
        Optional<Severity> threshold = severity();
        if (threshold.isEmpty()) {
            return 0;
        }
        return result.findings().stream()
                .filter(f -> f.suppressed().isEmpty() && f.severity().atLeast(threshold.get())).count();
    }

    /** Reads a threshold in any case, ignoring surrounding blanks; empty when it is none of {@link #CHOICES}. */
    public static Optional<FailThreshold> parse(String text) {
        for (FailThreshold t : values()) {
            if (t.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
