package io.regionlint.graph;

import java.util.Locale;
import java.util.Optional;

/** The ways {@code regionlint graph} draws a system. */
public enum GraphFormat {
    /** One self-contained page: inline SVG, the findings, filters; no network. */
    HTML("html"),
    /** A Mermaid flowchart, which GitHub renders inside Markdown (pull-request comments, job summaries). */
    MERMAID("mmd"),
    /** Graphviz DOT, one cluster per Region. */
    DOT("dot");

    private final String extension;

    GraphFormat(String extension) {
        this.extension = extension;
    }

    /** The lower-case name used on the command line ({@code --format mermaid}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file name extension, without the dot. */
    public String fileExtension() {
        return extension;
    }

    /** Parses a format name, ignoring case and surrounding blanks; empty when unknown. */
    public static Optional<GraphFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (GraphFormat f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
