package io.regionlint.report;

import java.util.Locale;
import java.util.Optional;

/** The report formats regionlint writes. */
public enum ReportFormat {
    /** Compiler-style lines for terminals and editors. */
    TEXT("txt"),
    /** The versioned JSON contract of DESIGN.md §3, for other tools. */
    JSON("json"),
    /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
    SARIF("sarif"),
    /** A short summary for a pull-request comment or a GitHub Actions job summary. */
    MARKDOWN("md"),

    /** One self-contained page: the picture of the system with its findings, and the findings table. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The lower-case name used on the command line ({@code --format sarif}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file name extension, without the dot (for output files in a folder). */
    public String fileExtension() {
        return extension;
    }

    /** Parses a format name, ignoring case and surrounding blanks; empty when unknown. */
    public static Optional<ReportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ReportFormat f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
