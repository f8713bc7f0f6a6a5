package io.regionlint.graph;

import io.regionlint.engine.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Mermaid flowchart (left to right) that GitHub renders in Markdown: a subgraph per Region,
 * inside it a subgraph per stack holding only the resources that take part in links, and one
 * "+ N resources" line for the rest, which keeps a 50-stack system within what GitHub renders.
 * Thick arrows copy data or keys between Regions; dotted ones use something (a role, a key, a
 * secret, a reference). Nodes and edges with findings are coloured by their worst severity and
 * name the rules.
 */
final class MermaidGraph {

    private MermaidGraph() {
    }

    static void write(SystemGraph graph, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("flowchart LR\n");
        Map<Severity, List<String>> marked = new EnumMap<>(Severity.class);
        List<String> collapsed = new ArrayList<>();
        for (SystemGraph.Column column : graph.columns()) {
            s.append("  subgraph ").append(column.id()).append("[\"").append(text(column.label()
                    + column.role().map(r -> " · " + r).orElse(""))).append("\"]\n");
            s.append("    direction TB\n");
            for (SystemGraph.Box box : column.boxes()) {
                s.append("    subgraph ").append(box.id()).append("[\"").append(text(box.name())).append("\"]\n");
                for (SystemGraph.Node node : box.nodes()) {
                    s.append("      ").append(node.id()).append("[\"").append(text(node.label())).append("<br/>")
                            .append(text(node.shortType()));
                    if (!node.findings().isEmpty()) {
                        s.append("<br/>").append(text(Marks.rules(node.findings())));
                    }
                    s.append("\"]\n");
                    node.severity().ifPresent(sev -> marked.computeIfAbsent(sev, k -> new ArrayList<>())
                            .add(node.id()));
                }
                if (box.hidden() > 0 || box.nodes().isEmpty()) {
                    String id = box.id() + "h";
                    s.append("      ").append(id).append("[\"").append(hiddenLabel(box)).append("\"]\n");
                    collapsed.add(id);
                }
                s.append("    end\n");
            }
            s.append("  end\n");
        }
        List<String> linkStyles = new ArrayList<>();
        int index = 0;
        for (SystemGraph.Edge edge : graph.edges()) {
            String arrow = dataCopy(edge.kind()) ? "==>" : "-.->";
            String label = edge.label() + (edge.findings().isEmpty() ? "" : " " + Marks.rules(edge.findings()));
            s.append("  ").append(edge.from()).append(' ').append(arrow).append("|\"").append(text(label))
                    .append("\"| ").append(edge.to()).append('\n');
            int at = index;
            edge.severity().ifPresent(sev -> linkStyles.add("  linkStyle " + at + " stroke:" + Marks.stroke(sev)
                    + ",stroke-width:3px\n"));
            index++;
        }
        for (Severity severity : Severity.values()) {
            s.append("  classDef ").append(severity.label()).append(" fill:").append(Marks.fill(severity))
                    .append(",stroke:").append(Marks.stroke(severity)).append(",stroke-width:2px\n");
        }
        s.append("  classDef collapsed fill:none,stroke:none,color:#666\n");
        for (Severity severity : Severity.values()) {
            if (marked.containsKey(severity)) {
                s.append("  class ").append(String.join(",", marked.get(severity))).append(' ')
                        .append(severity.label()).append('\n');
            }
        }
        if (!collapsed.isEmpty()) {
            s.append("  class ").append(String.join(",", collapsed)).append(" collapsed\n");
        }
        linkStyles.forEach(s::append);
        out.write(s.toString());
    }

    static String hiddenLabel(SystemGraph.Box box) {
        if (box.nodes().isEmpty()) {
            return box.hidden() == 1 ? "1 resource, no links" : box.hidden() + " resources, no links";
        }
        return "+ " + box.hidden() + (box.hidden() == 1 ? " resource" : " resources") + " without links";
    }

    static boolean dataCopy(EdgeKind kind) {
        return switch (kind) {
            case REPLICATION, TABLE_REPLICA, GLOBAL_MEMBER, REPLICA_KEY -> true;
            default -> false;
        };
    }

    /** Text inside a quoted Mermaid label: quotes and markup characters as entity codes. */
    private static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '#' -> out.append("#35;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
