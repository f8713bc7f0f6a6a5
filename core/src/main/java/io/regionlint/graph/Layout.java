package io.regionlint.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of a {@link SystemGraph} sits on the page, computed here rather than in the
 * browser: Regions are columns, stacks are boxes stacked down a column, resources are rows of a
 * box. That is most of the layout a multi-Region system needs, it takes no library, and it is
 * exact arithmetic on integers, so the same graph always gives the same picture, in every
 * browser, and two pages can be compared in review. Edges are cubic curves from the side of one
 * row to the side of the other (out to the right and back for rows of one column).
 */
final class Layout {

    static final int MARGIN = 16;
    static final int COLUMN_WIDTH = 330;
    static final int COLUMN_GAP = 130;
    static final int COLUMN_HEAD = 52;
    static final int BOX_HEAD = 28;
    static final int ROW = 24;
    static final int ROW_HEIGHT = 20;
    static final int MORE = 20;
    static final int BOX_PAD = 8;
    static final int BOX_GAP = 12;
    static final int BOX_INSET = 10;
    static final int ROW_INSET = 8;
    /** Room right of the last column for the loops of edges inside it. */
    static final int LOOP_ROOM = 70;

    /** An axis-aligned rectangle in SVG user units. */
    record Rect(int x, int y, int width, int height) {
        int right() {
            return x + width;
        }

        int middleY() {
            return y + height / 2;
        }
    }

    /** A cubic curve, its label's anchor, and whether it bends out to the right. */
    record Curve(int x1, int y1, int c1x, int c1y, int c2x, int c2y, int x2, int y2, int labelX, int labelY,
                 boolean labelBelow) {
        String path() {
            return "M" + x1 + " " + y1 + " C" + c1x + " " + c1y + " " + c2x + " " + c2y + " " + x2 + " " + y2;
        }
    }

    final Map<String, Rect> columns = new HashMap<>();
    final Map<String, Rect> boxes = new HashMap<>();
    final Map<String, Rect> rows = new HashMap<>();
    /** The column index of each node, to route its edges. */
    private final Map<String, Integer> columnOf = new HashMap<>();
    final Map<String, Curve> curves = new HashMap<>();
    final int width;
    final int height;

    Layout(SystemGraph graph) {
        List<SystemGraph.Column> list = new ArrayList<>(graph.columns());
        // bands: the twins of a stack (same group) in every Region sit level, so the links between
        // them run straight across; bands in the order the columns first show them
        List<String> bands = new ArrayList<>();
        for (SystemGraph.Column column : list) {
            for (SystemGraph.Box box : column.boxes()) {
                if (!bands.contains(box.band())) {
                    bands.add(box.band());
                }
            }
        }
        int y = MARGIN + COLUMN_HEAD;
        for (String band : bands) {
            int bandHeight = 0;
            for (int index = 0; index < list.size(); index++) {
                int x = MARGIN + index * (COLUMN_WIDTH + COLUMN_GAP);
                int cy = y;
                for (SystemGraph.Box box : list.get(index).boxes()) {
                    if (box.band().equals(band)) {
                        cy = box(box, x, cy, index) + BOX_GAP;
                    }
                }
                bandHeight = Math.max(bandHeight, cy - y);
            }
            y += bandHeight;
        }
        for (int index = 0; index < list.size(); index++) {
            columns.put(list.get(index).id(), new Rect(MARGIN + index * (COLUMN_WIDTH + COLUMN_GAP), MARGIN,
                    COLUMN_WIDTH, 0));
        }
        int columnHeight = Math.max(y, MARGIN + COLUMN_HEAD + 40) - MARGIN;
        columns.replaceAll((id, r) -> new Rect(r.x(), r.y(), r.width(), columnHeight));
        this.width = MARGIN + Math.max(1, list.size()) * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP + LOOP_ROOM + MARGIN;
        this.height = MARGIN + columnHeight + MARGIN;
        java.util.Set<String> links = new java.util.HashSet<>();
        for (SystemGraph.Edge edge : graph.edges()) {
            links.add(edge.from() + ">" + edge.to() + ">" + edge.kind());
        }
        for (SystemGraph.Edge edge : graph.edges()) {
            // two buckets that replicate to each other: two curves side by side, not one on the other
            boolean twoWay = links.contains(edge.to() + ">" + edge.from() + ">" + edge.kind());
            curves.put(edge.id(), curve(edge, twoWay));
        }
    }

    /** Places a box and its rows with its top at {@code top}; returns its bottom. */
    private int box(SystemGraph.Box box, int x, int top, int column) {
        int y = top + BOX_HEAD;
        for (SystemGraph.Node node : box.nodes()) {
            rows.put(node.id(), new Rect(x + BOX_INSET + ROW_INSET, y, COLUMN_WIDTH - 2 * (BOX_INSET + ROW_INSET),
                    ROW_HEIGHT));
            columnOf.put(node.id(), column);
            y += ROW;
        }
        if (box.hidden() > 0 || box.nodes().isEmpty()) {
            y += MORE;
        }
        y += BOX_PAD;
        boxes.put(box.id(), new Rect(x + BOX_INSET, top, COLUMN_WIDTH - 2 * BOX_INSET, y - top));
        return y;
    }

    private Curve curve(SystemGraph.Edge edge, boolean twoWay) {
        Rect a = rows.get(edge.from());
        Rect b = rows.get(edge.to());
        int ca = columnOf.get(edge.from());
        int cb = columnOf.get(edge.to());
        int y1 = a.middleY();
        int y2 = b.middleY();
        // edges end on the borders of the stack boxes, at the row's height, and are drawn under the
        // boxes: an edge that crosses a column between its ends passes behind that column's stacks
        int inset = ROW_INSET;
        if (ca == cb) {
            // out of the right side and back in: the bulge grows with the distance, capped
            int bulge = 24 + Math.min(50, Math.abs(y2 - y1) / 6);
            int x1 = a.right() + inset;
            int x2 = b.right() + inset;
            int cx = Math.max(x1, x2) + bulge;
            return new Curve(x1, y1, cx, y1, cx, y2, x2, y2, cx - bulge / 4, (y1 + y2) / 2, false);
        }
        boolean rightwards = ca < cb;
        if (twoWay) {
            // rightwards above, leftwards below: each label on its own side of the pair
            int shift = rightwards ? -4 : 4;
            y1 += shift;
            y2 += shift;
        }
        int x1 = rightwards ? a.right() + inset : a.x() - inset;
        int x2 = rightwards ? b.x() - inset : b.right() + inset;
        int dx = Math.max(50, Math.abs(x2 - x1) / 2);
        int c1x = rightwards ? x1 + dx : x1 - dx;
        int c2x = rightwards ? x2 - dx : x2 + dx;
        int mx;
        int my;
        if (Math.abs(ca - cb) == 1) {
            // the midpoint of the cubic: (P0 + 3 P1 + 3 P2 + P3) / 8, in the gap between the columns
            mx = (x1 + 3 * c1x + 3 * c2x + x2) / 8;
            my = (y1 + 3 * y1 + 3 * y2 + y2) / 8;
        } else {
            // a column lies between the ends: the label goes in the first gap, near the start
            mx = x1 + (rightwards ? 1 : -1) * (BOX_INSET + COLUMN_GAP / 2);
            my = y1 + (y2 - y1) / 12;
        }
        return new Curve(x1, y1, c1x, y1, c2x, y2, x2, y2, mx, my, twoWay && !rightwards);
    }
}
