package io.regionlint.graph;

import java.io.IOException;
import java.io.Writer;

/**
 * Graphviz DOT: a cluster per Region, inside it a cluster per stack; resources without links
 * collapsed into one line per stack. Thick edges copy data or keys; dashed ones use something.
 * Nodes and edges with findings are coloured by their worst severity and name the rules.
 */
final class DotGraph {

    private DotGraph() {
    }

    static void write(SystemGraph graph, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("digraph regionlint {\n");
        s.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, compound=true, newrank=true];\n");
        s.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#8a8f98\", "
                + "fontname=\"Helvetica\", fontsize=10];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#55606e\"];\n");
        for (SystemGraph.Column column : graph.columns()) {
            s.append("  subgraph cluster_").append(column.id()).append(" {\n");
            s.append("    label=").append(quote(column.label() + column.role().map(r -> " (" + r + ")").orElse("")))
                    .append(";\n");
            s.append("    style=\"rounded\"; color=\"#4a5568\"; penwidth=2;\n");
            for (SystemGraph.Box box : column.boxes()) {
                s.append("    subgraph cluster_").append(box.id()).append(" {\n");
                s.append("      label=").append(quote(box.name())).append(";\n");
                s.append("      style=\"rounded,filled\"; fillcolor=\"#f5f7fa\"; color=\"#b8c0cc\"; penwidth=1;\n");
                for (SystemGraph.Node node : box.nodes()) {
                    String label = node.label() + "\n" + node.shortType()
                            + (node.findings().isEmpty() ? "" : "\n" + Marks.rules(node.findings()));
                    s.append("      ").append(node.id()).append(" [label=").append(quote(label));
                    node.severity().ifPresent(sev -> s.append(", color=").append(quote(Marks.stroke(sev)))
                            .append(", fillcolor=").append(quote(Marks.fill(sev))).append(", penwidth=2"));
                    s.append("];\n");
                }
                if (box.hidden() > 0 || box.nodes().isEmpty()) {
                    s.append("      ").append(box.id()).append("h [label=").append(quote(MermaidGraph.hiddenLabel(box)))
                            .append(", shape=plaintext, style=\"\", fontcolor=\"#666666\"];\n");
                }
                s.append("    }\n");
            }
            s.append("  }\n");
        }
        for (SystemGraph.Edge edge : graph.edges()) {
            String label = edge.label() + (edge.findings().isEmpty() ? "" : "\n" + Marks.rules(edge.findings()));
            s.append("  ").append(edge.from()).append(" -> ").append(edge.to()).append(" [label=").append(quote(label));
            s.append(MermaidGraph.dataCopy(edge.kind()) ? ", penwidth=2" : ", style=dashed");
            edge.severity().ifPresent(sev -> s.append(", color=").append(quote(Marks.stroke(sev)))
                    .append(", fontcolor=").append(quote(Marks.stroke(sev))));
            s.append("];\n");
        }
        s.append("}\n");
        out.write(s.toString());
    }

    /** A DOT quoted string: backslashes and quotes escaped, newlines as centred line breaks. */
    private static String quote(String raw) {
        return "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }
}
