package io.regionlint.model;

import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transforms regionlint does not expand, or only in part: macros, {@code Fn::Transform}
 * ({@code AWS::Include} snippets and macros inside the template) and the parts of the SAM
 * transform that {@link ServerlessTransform} does not apply. What they create or change when
 * deployed is not modelled, so no rule checked it; this says what, and why, once per template.
 */
final class Transforms {

    static final String SAM = "AWS::Serverless-2016-10-31";

    /**
     * What a template's transforms leave unmodelled.
     *
     * @param range where the note points: the {@code Transform} key, or the first {@code Fn::Transform}
     * @param message the note, naming what was not checked and how to check it
     */
    record Unmodelled(SourceRange range, String pointer, String message) {
    }

    private Transforms() {
    }

    /**
     * What a template declares, found once per template: the transforms that are neither the
     * language extensions nor SAM (macros), and the maps holding {@code Fn::Transform}.
     *
     * @param sam true where the template declares the SAM transform
     */
    record Scan(List<String> macros, List<Node> inline, boolean sam) {
    }

    static Scan scan(MapNode root) {
        List<String> declared = LanguageExtensions.transforms(root);
        List<String> macros = declared.stream()
                .filter(t -> !t.equals(LanguageExtensions.TRANSFORM) && !t.equals(SAM)).toList();
        List<Node> inline = new ArrayList<>();
        fnTransforms(root, inline);
        return new Scan(macros, inline, declared.contains(SAM));
    }

    /**
     * The note for a template, empty where everything it uses is expanded.
     *
     * @param samNotApplied what the SAM transform would create that {@link ServerlessTransform} does not
     */
    static Optional<Unmodelled> note(MapNode root, Scan scan, List<String> samNotApplied) {
        List<String> parts = new ArrayList<>();
        boolean wholeTemplate = false;
        if (scan.sam() && !samNotApplied.isEmpty()) {
            parts.add("Transform " + SAM + " is applied only in part (SimpleTables, functions and their roles),"
                    + " so " + String.join("; ", samNotApplied) + " were not checked");
        }
        for (String name : scan.macros()) {
            wholeTemplate = true;
            parts.add("Transform '" + name + "' is not expanded (a macro, which may add or change any"
                    + " resource), so the whole template was not checked as it is deployed");
        }
        for (Node node : scan.inline()) {
            wholeTemplate = true;
            String name = node instanceof MapNode m ? m.get("Fn::Transform").filter(MapNode.class::isInstance)
                    .flatMap(t -> ((MapNode) t).get("Name")).filter(ScalarNode.class::isInstance)
                    .map(n -> "'" + ((ScalarNode) n).text() + "' ").orElse("") : "";
            parts.add("Fn::Transform " + name + "at " + node.pointer() + " is not expanded, so what it inserts"
                    + " was not checked");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String how = wholeTemplate ? "; to check the whole template, lint it as CloudFormation processed it"
                + " (aws cloudformation get-template --template-stage Processed)"
                : "; to check them, lint the processed template (aws cloudformation get-template --template-stage"
                + " Processed)";
        SourceRange at;
        String pointer;
        if (root.get("Transform").isPresent()) {
            at = root.keyRange("Transform");
            pointer = "/Transform";
        } else {
            at = scan.inline().get(0).range();
            pointer = scan.inline().get(0).pointer();
        }
        return Optional.of(new Unmodelled(at, pointer, String.join("; ", parts) + how));
    }

    /** Every map holding {@code Fn::Transform}, in document order. */
    private static void fnTransforms(Node node, List<Node> out) {
        if (node instanceof MapNode map) {
            if (map.entries().containsKey("Fn::Transform")) {
                out.add(map);
            }
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                fnTransforms(e.getValue(), out);
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                fnTransforms(item, out);
            }
        }
    }
}
