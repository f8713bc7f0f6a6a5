package io.regionlint.graph;

import io.regionlint.engine.Finding;
import io.regionlint.engine.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How every picture marks findings: the same colours and the same short text in each format. */
final class Marks {

    private Marks() {
    }

    /** Stroke colour of a severity (also used for text). */
    static String stroke(Severity severity) {
        return switch (severity) {
            case ERROR -> "#c0392b";
            case WARNING -> "#b9770e";
            case NOTE -> "#2e6da4";
        };
    }

    /** Fill colour of a node marked with a severity. */
    static String fill(Severity severity) {
        return switch (severity) {
            case ERROR -> "#fdecea";
            case WARNING -> "#fdf3e1";
            case NOTE -> "#e8f0f8";
        };
    }

    /** The distinct rule ids of some findings, in order: "RL2001 RL2002". */
    static String rules(List<Finding> findings) {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        return String.join(" ", ids);
    }
}
