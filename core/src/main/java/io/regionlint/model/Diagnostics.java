package io.regionlint.model;

import io.regionlint.load.Node;
import io.regionlint.load.SourceRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one stack instance's resolution. A node is often resolved more than once
 * (a resource's name for {@code Ref} and again with its properties), so each problem is kept once.
 */
final class Diagnostics {

    private final StackInstance stack;
    private final Map<String, ModelDiagnostic> found = new LinkedHashMap<>();

    Diagnostics(StackInstance stack) {
        this.stack = stack;
    }

    /** An intrinsic CloudFormation would reject, at the function's node. */
    void invalid(Node at, String message) {
        add(new ModelDiagnostic(ModelDiagnostic.Kind.INTRINSIC_INVALID, stack, at.range(), at.pointer(), message));
    }

    /** Something CloudFormation would reject, at a range that is not a node of its own (a key). */
    void invalid(SourceRange range, String pointer, String message) {
        add(new ModelDiagnostic(ModelDiagnostic.Kind.INTRINSIC_INVALID, stack, range, pointer, message));
    }

    /** Content that was not modelled, at the range that holds it. */
    void notChecked(SourceRange range, String pointer, String message) {
        add(new ModelDiagnostic(ModelDiagnostic.Kind.NOT_CHECKED, stack, range, pointer, message));
    }

    private void add(ModelDiagnostic diagnostic) {
        found.putIfAbsent(diagnostic.site(), diagnostic);
    }

    List<ModelDiagnostic> list() {
        return List.copyOf(found.values());
    }
}
