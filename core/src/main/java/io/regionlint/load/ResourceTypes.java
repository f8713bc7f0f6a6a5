package io.regionlint.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which resources of a template have a usable {@code Type}. CloudFormation needs a literal type
 * name (no intrinsic function may compute it), so a resource without one cannot be modelled: it
 * is left out, and only it. The loader records each as a {@link Defect} once per file; the model
 * skips the same resources through {@link #usableType(Node)}, so both always agree.
 */
public final class ResourceTypes {

    private ResourceTypes() {
    }

    /** The resource's type name, or empty where the declaration has none that can be used. */
    public static Optional<String> usableType(Node declaration) {
        return declaration instanceof MapNode map ? map.get("Type").filter(ScalarNode.class::isInstance)
                .map(t -> ((ScalarNode) t).value()).filter(String.class::isInstance).map(String.class::cast)
                .filter(t -> !t.isBlank()) : Optional.empty();
    }

    /** One defect per resource without a usable type, in template order. */
    static List<Defect> defects(Node root) {
        if (!(root instanceof MapNode rootMap) || !(rootMap.get("Resources").orElse(null) instanceof MapNode resources)) {
            return List.of();
        }
        List<Defect> out = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Node> entry : resources.entries().entrySet()) {
            SourceRange at = resources.keyRange(index++);
            String id = entry.getKey();
            if (id.startsWith("Fn::ForEach::") || usableType(entry.getValue()).isPresent()) {
                continue; // a language-extensions loop is a template for resources, not one itself
            }
            out.add(new Defect(Defect.Kind.RESOURCE_TYPE_MISSING, at, entry.getValue().pointer(), "Resource '" + id
                    + "' " + problem(entry.getValue()) + ", so CloudFormation would reject the template and nothing"
                    + " in '" + id + "' is checked: give it a literal Type such as AWS::S3::Bucket", Optional.empty()));
        }
        return out;
    }

    private static String problem(Node declaration) {
        if (!(declaration instanceof MapNode map)) {
            return "is " + kind(declaration) + ", not a mapping with a Type";
        }
        Optional<Node> type = map.get("Type");
        if (type.isEmpty()) {
            return "has no Type";
        }
        if (type.get() instanceof MapNode function && function.entries().size() == 1) {
            String name = function.entries().keySet().iterator().next();
            if (name.equals("Ref") || name.startsWith("Fn::")) {
                return "computes its Type with " + name + " (CloudFormation accepts only a literal type name)";
            }
        }
        if (type.get() instanceof ScalarNode scalar && scalar.value() instanceof String) {
            return "has an empty Type";
        }
        return "has a Type that is " + kind(type.get()) + ", not a type name";
    }

    private static String kind(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        Object value = ((ScalarNode) node).value();
        if (value == null) {
            return "empty";
        }
        return value instanceof String ? "text" : value instanceof Boolean ? "a boolean" : "a number";
    }
}
