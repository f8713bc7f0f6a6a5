package io.regionlint.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.ResourceRef;
import io.regionlint.engine.Severity;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One self-contained HTML page: the picture as inline SVG laid out by {@link Layout}, the
 * findings beside it, filters by Region, rule and severity, and (for {@code check --format html})
 * the findings table. Style and script are inlined from resources next to this class; the page
 * loads nothing from the network. The script marks the page {@code data-rl-ready="ok"} when it
 * has run, and shows any script error in {@code #rl-errors} ({@code data-rl-ready="error"}), so
 * a headless browser can tell a working page from a broken one.
 */
final class HtmlGraph {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Up to this many edges, every edge label is in view; beyond it they cover the picture. */
    private static final int LABELLED_EDGES = 16;

    private final SystemGraph graph;
    private final LintResult result;
    private final Layout layout;
    private final StringBuilder s = new StringBuilder(64 * 1024);
    /** Finding to its index in the run's list (identity: two findings may be equal). */
    private final Map<Finding, Integer> indexes = new java.util.IdentityHashMap<>();
    private final Map<String, String> regionOfNode = new HashMap<>();
    private final Map<String, String> stackOfNode = new HashMap<>();

    private HtmlGraph(SystemGraph graph, LintResult result) {
        this.graph = graph;
        this.result = result;
        this.layout = new Layout(graph);
        for (int i = 0; i < graph.findings().size(); i++) {
            indexes.put(graph.findings().get(i), i);
        }
        for (SystemGraph.Column c : graph.columns()) {
            for (SystemGraph.Box b : c.boxes()) {
                for (SystemGraph.Node n : b.nodes()) {
                    regionOfNode.put(n.id(), c.label());
                    stackOfNode.put(n.id(), b.name());
                }
            }
        }
    }

    static void write(SystemGraph graph, LintResult result, String toolVersion, boolean table, Writer out)
            throws IOException {
        out.write(new HtmlGraph(graph, result).page(toolVersion, table));
    }

    private String page(String toolVersion, boolean table) throws IOException {
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        s.append("<meta name=\"generator\" content=\"regionlint ").append(esc(toolVersion)).append("\">\n");
        s.append("<title>regionlint: ").append(esc(title())).append("</title>\n");
        // first, so that even a script that fails to parse is reported on the page
        s.append("<script>").append(resource("errors.js")).append("</script>\n");
        s.append("<style>\n").append(resource("graph.css")).append("</style>\n</head>\n<body>\n");
        header(toolVersion);
        s.append("<div id=\"rl-errors\" class=\"rl-errors\" hidden></div>\n");
        filters();
        s.append("<main class=\"rl-main\">\n<div class=\"rl-canvas\" id=\"rl-canvas\">\n");
        svg();
        s.append("</div>\n<aside class=\"rl-details\" id=\"rl-details\">\n");
        s.append("<h2 id=\"rl-details-title\">Findings</h2>\n<div id=\"rl-details-about\" class=\"rl-about\"></div>\n");
        s.append("<ul id=\"rl-findings\" class=\"rl-findings\"></ul>\n");
        s.append("<p id=\"rl-none\" class=\"rl-none\" hidden>No finding matches the filters.</p>\n");
        s.append("</aside>\n</main>\n");
        inputErrors();
        if (table) {
            table();
        }
        s.append("<script type=\"application/json\" id=\"rl-data\">").append(data()).append("</script>\n");
        s.append("<script>\n").append(resource("graph.js")).append("</script>\n</body>\n</html>\n");
        return s.toString();
    }

    private String title() {
        List<String> regions = graph.columns().stream().map(SystemGraph.Column::label).toList();
        return result.summary().stacks() + " stacks in " + (regions.isEmpty() ? "no Region" : String.join(", ", regions));
    }

    private void header(String toolVersion) {
        LintResult.Summary sum = result.summary();
        s.append("<header class=\"rl-header\">\n<h1>regionlint</h1>\n<p class=\"rl-summary\">");
        s.append(sum.stacks()).append(plural(sum.stacks(), " stack", " stacks")).append(" · ")
                .append(sum.resources()).append(plural(sum.resources(), " resource", " resources")).append(" · ")
                .append(graph.columns().size()).append(plural(graph.columns().size(), " Region", " Regions"))
                .append(" · <span class=\"sev-error\">").append(sum.errors()).append(plural(sum.errors(), " error", " errors"))
                .append("</span> · <span class=\"sev-warning\">").append(sum.warnings())
                .append(plural(sum.warnings(), " warning", " warnings")).append("</span> · <span class=\"sev-note\">")
                .append(sum.notes()).append(plural(sum.notes(), " note", " notes")).append("</span>");
        if (sum.suppressed() > 0) {
            s.append(" · ").append(sum.suppressed()).append(" suppressed");
        }
        s.append("</p>\n<p class=\"rl-legend\"><span class=\"lg-copy\"></span> copies data or keys"
                + " <span class=\"lg-use\"></span> uses (role, key, secret, reference)"
                + " <span class=\"lg-dot sev-error\"></span> error <span class=\"lg-dot sev-warning\"></span> warning"
                + " <span class=\"lg-dot sev-note\"></span> note</p>\n");
        s.append("<p class=\"rl-version\">regionlint ").append(esc(toolVersion)).append("</p>\n</header>\n");
    }

    private void filters() {
        s.append("<nav class=\"rl-filters\" id=\"rl-filters\">\n<fieldset><legend>Regions</legend>");
        for (SystemGraph.Column c : graph.columns()) {
            s.append("<label><input type=\"checkbox\" name=\"region\" value=\"").append(esc(c.label()))
                    .append("\" checked> ").append(esc(c.label())).append("</label>");
        }
        s.append("</fieldset>\n<fieldset><legend>Severity</legend>");
        for (Severity sev : Severity.values()) {
            s.append("<label class=\"sev-").append(sev.label()).append("\"><input type=\"checkbox\" name=\"severity\" value=\"")
                    .append(sev.label()).append("\" checked> ").append(sev.label()).append("</label>");
        }
        s.append("</fieldset>\n<fieldset><legend>Rule</legend><select id=\"rl-rule\" name=\"rule\">");
        s.append("<option value=\"\">every rule</option>");
        Map<String, List<Finding>> byRule = new TreeMap<>();
        graph.findings().forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        byRule.forEach((rule, list) -> s.append("<option value=\"").append(esc(rule)).append("\">").append(esc(rule))
                .append(' ').append(esc(list.get(0).ruleName())).append(" (").append(list.size()).append(")</option>"));
        s.append("</select></fieldset>\n</nav>\n");
    }

    // ------------------------------------------------------------------------------- picture

    private void svg() {
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"rl-svg\" class=\"rl-svg\" width=\"").append(layout.width)
                .append("\" height=\"").append(layout.height).append("\" viewBox=\"0 0 ").append(layout.width).append(' ')
                .append(layout.height).append("\" role=\"img\" aria-label=\"").append(esc(title())).append("\">\n");
        s.append("<defs>");
        marker("arrow", "#55606e");
        for (Severity sev : Severity.values()) {
            marker("arrow-" + sev.label(), Marks.stroke(sev));
        }
        s.append("</defs>\n");
        // layers, bottom up: Region columns, edge lines, stacks and resources, edge labels
        s.append("<g class=\"columns\">\n");
        for (SystemGraph.Column c : graph.columns()) {
            column(c);
        }
        s.append("</g>\n<g class=\"edges\">\n");
        boolean labelled = graph.edges().size() <= LABELLED_EDGES;
        for (SystemGraph.Edge e : graph.edges()) {
            edge(e, labelled);
        }
        s.append("</g>\n<g class=\"boxes\">\n");
        for (SystemGraph.Column c : graph.columns()) {
            s.append("<g class=\"column-boxes\" data-region=\"").append(esc(c.label())).append("\">\n");
            for (SystemGraph.Box b : c.boxes()) {
                box(b);
            }
            s.append("</g>\n");
        }
        s.append("</g>\n<g class=\"edge-labels\">\n");
        for (SystemGraph.Edge e : graph.edges()) {
            edgeLabel(e, labelled);
        }
        s.append("</g>\n</svg>\n");
    }

    private void marker(String id, String color) {
        s.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"")
                .append(color).append("\"/></marker>");
    }

    private void column(SystemGraph.Column c) {
        Layout.Rect r = layout.columns.get(c.id());
        s.append("<g class=\"column\" id=\"").append(c.id()).append("\" data-region=\"").append(esc(c.label())).append("\">\n");
        s.append("<rect class=\"col-bg\" x=\"").append(r.x()).append("\" y=\"").append(r.y()).append("\" width=\"")
                .append(r.width()).append("\" height=\"").append(r.height()).append("\" rx=\"10\"/>\n");
        s.append("<text class=\"col-title\" x=\"").append(r.x() + 14).append("\" y=\"").append(r.y() + 30).append("\">")
                .append(esc(c.label())).append("</text>\n");
        c.role().ifPresent(role -> s.append("<text class=\"col-role role-").append(esc(role)).append("\" x=\"")
                .append(r.right() - 14).append("\" y=\"").append(r.y() + 30).append("\" text-anchor=\"end\">")
                .append(esc(role)).append("</text>\n"));
        s.append("</g>\n");
    }

    private void box(SystemGraph.Box b) {
        Layout.Rect r = layout.boxes.get(b.id());
        s.append("<g class=\"box").append(b.stack() ? "" : " copies").append("\" id=\"").append(b.id()).append("\">");
        s.append("<rect class=\"box-bg\" x=\"").append(r.x()).append("\" y=\"").append(r.y()).append("\" width=\"")
                .append(r.width()).append("\" height=\"").append(r.height()).append("\" rx=\"6\"/>");
        s.append("<text class=\"box-title\" x=\"").append(r.x() + 10).append("\" y=\"").append(r.y() + 18).append("\">")
                .append(esc(clip(b.name(), 40))).append("<title>").append(esc(b.stack() ? "stack " + b.name() : b.name()))
                .append("</title></text>");
        b.account().ifPresent(a -> s.append("<text class=\"box-account\" x=\"").append(r.right() - 10).append("\" y=\"")
                .append(r.y() + 18).append("\" text-anchor=\"end\">").append(esc(a)).append("</text>"));
        s.append('\n');
        for (SystemGraph.Node n : b.nodes()) {
            node(n);
        }
        if (b.hidden() > 0 || b.nodes().isEmpty()) {
            s.append("<text class=\"box-more\" x=\"").append(r.x() + 18).append("\" y=\"")
                    .append(r.y() + r.height() - Layout.BOX_PAD - 6).append("\">").append(esc(MermaidGraph.hiddenLabel(b)))
                    .append("</text>\n");
        }
        s.append("</g>\n");
    }

    private void node(SystemGraph.Node n) {
        Layout.Rect r = layout.rows.get(n.id());
        String sev = n.severity().map(Severity::label).orElse("none");
        s.append("<g class=\"node sev-").append(sev).append("\" id=\"").append(n.id()).append("\" data-node=\"")
                .append(n.id()).append("\" data-region=\"").append(esc(regionOfNode.get(n.id()))).append("\" data-rules=\"")
                .append(esc(Marks.rules(n.findings()))).append("\" tabindex=\"0\">");
        s.append("<title>").append(esc(n.label() + " (" + n.type() + ")" + n.file().map(f -> "\n" + f).orElse("")))
                .append("</title>");
        s.append("<rect x=\"").append(r.x()).append("\" y=\"").append(r.y()).append("\" width=\"").append(r.width())
                .append("\" height=\"").append(r.height()).append("\" rx=\"4\"/>");
        int textY = r.y() + 14;
        int badgeRoom = n.findings().isEmpty() ? 0 : 26;
        String type = clip(n.shortType(), 30);
        // average glyph widths of the sans fonts at 12px (label) and 10.5px (type): the type keeps its
        // room, the label gets the rest
        int labelChars = (r.width() - 24 - badgeRoom - (int) Math.round(type.length() * 6.0)) * 10 / 68;
        s.append("<text class=\"node-label\" x=\"").append(r.x() + 8).append("\" y=\"").append(textY).append("\">")
                .append(esc(clip(n.label(), Math.max(12, labelChars)))).append("</text>");
        s.append("<text class=\"node-type\" x=\"").append(r.right() - 8 - badgeRoom).append("\" y=\"").append(textY)
                .append("\" text-anchor=\"end\">").append(esc(type)).append("</text>");
        if (!n.findings().isEmpty()) {
            int cx = r.right() - 14;
            s.append("<circle class=\"badge\" cx=\"").append(cx).append("\" cy=\"").append(r.middleY())
                    .append("\" r=\"8\"/><text class=\"badge-text\" x=\"").append(cx).append("\" y=\"").append(r.middleY() + 4)
                    .append("\" text-anchor=\"middle\">").append(n.findings().size()).append("</text>");
        }
        s.append("</g>\n");
    }

    private void edge(SystemGraph.Edge e, boolean labelled) {
        Layout.Curve c = layout.curves.get(e.id());
        s.append("<g class=\"edge ").append(edgeClasses(e, labelled)).append("\" id=\"").append(e.id())
                .append("\" data-edge=\"").append(e.id()).append("\" data-from=\"").append(e.from()).append("\" data-to=\"")
                .append(e.to()).append("\">");
        s.append("<title>").append(esc(e.label())).append("</title>");
        s.append("<path class=\"hit\" d=\"").append(c.path()).append("\"/>");
        s.append("<path class=\"line\" d=\"").append(c.path()).append("\" marker-end=\"url(#arrow")
                .append(e.severity().map(v -> "-" + v.label()).orElse("")).append(")\"/>");
        s.append("</g>\n");
    }

    /**
     * An edge's label, above the stacks so that no box hides it. With many edges only those with
     * findings keep a label in view; the rest show theirs on hover and selection.
     */
    private void edgeLabel(SystemGraph.Edge e, boolean labelled) {
        Layout.Curve c = layout.curves.get(e.id());
        // the rules go on a line of their own, away from the curve, so a label fits between columns
        boolean below = c.labelBelow();
        int y = below ? c.labelY() + 12 : c.labelY() - 3;
        s.append("<text class=\"edge-label ").append(edgeClasses(e, labelled)).append("\" data-label-of=\"").append(e.id())
                .append("\" x=\"").append(c.labelX()).append("\" y=\"").append(y).append("\" text-anchor=\"middle\">");
        if (!e.findings().isEmpty() && !below) {
            s.append("<tspan x=\"").append(c.labelX()).append("\" dy=\"-12\">").append(esc(Marks.rules(e.findings())))
                    .append("</tspan><tspan x=\"").append(c.labelX()).append("\" dy=\"12\">").append(esc(e.label()))
                    .append("</tspan>");
        } else if (!e.findings().isEmpty()) {
            s.append("<tspan x=\"").append(c.labelX()).append("\">").append(esc(e.label())).append("</tspan><tspan x=\"")
                    .append(c.labelX()).append("\" dy=\"12\">").append(esc(Marks.rules(e.findings()))).append("</tspan>");
        } else {
            s.append(esc(e.label()));
        }
        s.append("</text>\n");
    }

    private static String edgeClasses(SystemGraph.Edge e, boolean labelled) {
        return "kind-" + e.kind().cssName() + (MermaidGraph.dataCopy(e.kind()) ? " copy" : " use")
                + (e.crossRegion() ? " cross" : " local") + " sev-" + e.severity().map(Severity::label).orElse("none")
                + (labelled || !e.findings().isEmpty() ? "" : " quiet");
    }

    // ------------------------------------------------------------------------------- tables

    private void inputErrors() {
        List<InputError> errors = result.errors();
        if (errors.isEmpty()) {
            return;
        }
        s.append("<section class=\"rl-input-errors\"><h2>Inputs that could not be read</h2><ul>\n");
        for (InputError e : errors) {
            s.append("<li><code>").append(esc(e.file() + ":" + e.line() + ":" + e.column())).append("</code> ")
                    .append(esc(e.message())).append("</li>\n");
        }
        s.append("</ul></section>\n");
    }

    private void table() {
        s.append("<section class=\"rl-table\"><h2>All findings</h2>\n<table id=\"rl-table\">\n<thead><tr><th>Severity</th>"
                + "<th>Rule</th><th>Message</th><th>Location</th><th>Resource</th><th>Regions</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < graph.findings().size(); i++) {
            Finding f = graph.findings().get(i);
            s.append("<tr class=\"sev-").append(f.severity().label()).append(f.suppressed().isPresent() ? " suppressed" : "")
                    .append("\" data-finding=\"").append(i).append("\" data-rule=\"").append(esc(f.ruleId()))
                    .append("\" data-severity=\"").append(f.severity().label()).append("\" data-region=\"")
                    .append(esc(String.join(" ", regions(f)))).append("\">");
            s.append("<td class=\"sev\">").append(f.severity().label()).append(f.suppressed().map(x -> " (suppressed)").orElse(""))
                    .append("</td><td><code>").append(esc(f.ruleId())).append("</code> ").append(esc(f.ruleName()))
                    .append("</td><td>").append(esc(f.message())).append("</td><td><code>").append(esc(position(f.location())))
                    .append("</code></td><td>").append(esc(f.resource().map(HtmlGraph::describe).orElse("")))
                    .append("</td><td>").append(esc(String.join(", ", f.regions()))).append("</td></tr>\n");
        }
        s.append("</tbody></table></section>\n");
    }

    // --------------------------------------------------------------------------------- data

    /** What the script needs beyond the SVG: findings, and which node or edge each concerns. */
    private String data() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : graph.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.ruleId());
                g.writeStringField("name", f.ruleName());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("message", f.message());
                g.writeStringField("at", position(f.location()));
                optional(g, "construct", f.resource().flatMap(ResourceRef::constructPath));
                optional(g, "resource", f.resource().map(HtmlGraph::describe));
                g.writeArrayFieldStart("regions");
                for (String region : regions(f)) {
                    g.writeString(region);
                }
                g.writeEndArray();
                g.writeBooleanField("suppressed", f.suppressed().isPresent());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("nodes");
            for (SystemGraph.Node n : graph.nodes()) {
                g.writeObjectFieldStart(n.id());
                g.writeStringField("label", n.label());
                g.writeStringField("type", n.type());
                g.writeStringField("stack", stackOfNode.get(n.id()));
                g.writeStringField("region", regionOfNode.get(n.id()));
                optional(g, "file", n.file());
                optional(g, "construct", n.constructPath());
                indexes(g, n.findings());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("edges");
            for (SystemGraph.Edge e : graph.edges()) {
                g.writeObjectFieldStart(e.id());
                g.writeStringField("label", e.label());
                g.writeStringField("from", e.from());
                g.writeStringField("to", e.to());
                indexes(g, e.findings());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        // '<' only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the element early
        return text.toString().replace("<", "\\u003c");
    }

    private void indexes(JsonGenerator g, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            g.writeNumber(indexes.get(f));
        }
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }

    /** The Regions a finding is filtered by: its resource's, else the Regions it names. */
    private static List<String> regions(Finding f) {
        Optional<String> own = f.resource().flatMap(ResourceRef::region);
        return own.map(List::of).orElse(f.regions());
    }

    private static String describe(ResourceRef r) {
        return r.stack() + "/" + r.logicalId() + " (" + r.type() + ")";
    }

    private static String position(Location l) {
        return l.file() + ":" + l.line() + ":" + l.column();
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** Shortens text to fit a row; the full text is in the row's tooltip and the details. */
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String esc(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlGraph.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
