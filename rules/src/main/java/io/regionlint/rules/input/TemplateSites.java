package io.regionlint.rules.input;

import io.regionlint.engine.Site;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.SourceRange;
import io.regionlint.model.StackInstance;
import java.util.Map;
import java.util.Optional;

/**
 * Places in a stack's template that belong to no resource: a parameter declaration, the first
 * resource as the template's stand-in. The stack-level notes point there, so that a reader lands
 * on the part of the template the note is about.
 */
final class TemplateSites {

    private TemplateSites() {
    }

    /** The declaration of a parameter (its key in {@code Parameters}), or the file start. */
    static Site parameter(StackInstance stack, String name) {
        return section(stack, "Parameters").filter(p -> p.get(name).isPresent())
                .map(p -> at(p.keyRange(name), Node.child(p.pointer(), name)))
                .orElseGet(() -> fileStart(stack));
    }

    /** The logical id of the template's first resource, or the file start where it has none. */
    static Site firstResourceOrStart(StackInstance stack) {
        Optional<MapNode> resources = section(stack, "Resources").filter(r -> !r.entries().isEmpty());
        if (resources.isEmpty()) {
            return fileStart(stack);
        }
        Map.Entry<String, Node> first = resources.get().entries().entrySet().iterator().next();
        return at(resources.get().keyRange(first.getKey()), first.getValue().pointer());
    }

    private static Optional<MapNode> section(StackInstance stack, String name) {
        return Optional.of(stack.template().root()).filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(root -> root.get(name)).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    private static Site at(SourceRange range, String pointer) {
        return new Site(Optional.empty(), range, Optional.of(pointer));
    }

    private static Site fileStart(StackInstance stack) {
        return new Site(Optional.empty(), SourceRange.fileStart(stack.file()), Optional.of(""));
    }
}
