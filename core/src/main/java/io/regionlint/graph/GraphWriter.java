package io.regionlint.graph;

import io.regionlint.engine.LintResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The graph stage's entry point: draws the system a {@link LintResult} describes (its topology
 * and findings) as HTML, Mermaid or DOT. The same result always gives the same bytes: no
 * timestamps, no absolute paths, no hash-map order. The writer is flushed, never closed.
 */
public final class GraphWriter {

    private GraphWriter() {
    }

    /** The picture alone ({@code regionlint graph}). */
    public static void write(GraphFormat format, LintResult result, String toolVersion, Writer out)
            throws IOException {
        SystemGraph graph = GraphBuilder.build(result);
        switch (format) {
            case HTML -> HtmlGraph.write(graph, result, toolVersion, false, out);
            case MERMAID -> MermaidGraph.write(graph, out);
            case DOT -> DotGraph.write(graph, out);
        }
        out.flush();
    }

    /** The HTML page with the findings table under the picture ({@code check --format html}). */
    public static void writeReport(LintResult result, String toolVersion, Writer out) throws IOException {
        HtmlGraph.write(GraphBuilder.build(result), result, toolVersion, true, out);
        out.flush();
    }
}
