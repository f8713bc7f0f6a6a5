package io.regionlint.report;

import java.util.Locale;
import java.util.Optional;

/** TEMPORARY STUB in the cli branch until the real report package lands on main; delete on merge. */
public enum ReportFormat {
    TEXT, JSON, SARIF;

    public static Optional<ReportFormat> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
