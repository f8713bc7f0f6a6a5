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
 * Transforms regionlint does not expand: the SAM transform ({@code AWS::Serverless-2016-10-31}),
 * macros, and {@code Fn::Transform} ({@code AWS::Include} snippets and macros inside the
 * template). What they create or change when deployed is not modelled, so no rule checked it;
 * this says which resources, and why, once per template.
 */
final class Transforms {

    static final String SAM = "AWS::Serverless-2016-10-31";
    private static final String SAM_TYPES = "AWS::Serverless::";

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

    /** Empty where every transform the template uses is expanded (or it uses none). */
    static Optional<Unmodelled> scan(MapNode root) {
        List<String> declared = LanguageExtensions.transforms(root).stream()
                .filter(t -> !t.equals(LanguageExtensions.TRANSFORM)).toList();
        List<Node> inline = new ArrayList<>();
        fnTransforms(root, inline);
        if (declared.isEmpty() && inline.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        boolean wholeTemplate = false;
        for (String name : declared) {
            if (name.equals(SAM)) {
                List<String> serverless = serverlessResources(root);
                if (!serverless.isEmpty()) {
                    parts.add("Transform " + SAM + " is not expanded, so what it creates from "
                            + IntrinsicFunctions.quoted(serverless) + " (AWS::Serverless::* resources: functions'"
                            + " IAM roles and policies, tables, APIs and their permissions) was not checked");
                }
            } else {
                wholeTemplate = true;
                parts.add("Transform '" + name + "' is not expanded (a macro, which may add or change any"
                        + " resource), so the whole template was not checked as it is deployed");
            }
        }
        for (Node node : inline) {
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
            at = inline.get(0).range();
            pointer = inline.get(0).pointer();
        }
        return Optional.of(new Unmodelled(at, pointer, String.join("; ", parts) + how));
    }

    private static List<String> serverlessResources(MapNode root) {
        List<String> out = new ArrayList<>();
        root.get("Resources").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .ifPresent(resources -> resources.entries().forEach((id, node) -> {
                    if (node instanceof MapNode r && r.get("Type").filter(ScalarNode.class::isInstance)
                            .map(t -> ((ScalarNode) t).text().startsWith(SAM_TYPES)).orElse(false)) {
                        out.add(id);
                    }
                }));
        return out;
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
