package io.regionlint.model;

import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import java.util.Map;

/**
 * Resolves one stack instance: its {@link Conditions}, its {@link IntrinsicFunctions} and the
 * {@link CrossStackValues} it reads and gives. This class only wires them together and is what
 * the topology builder sees.
 *
 * <p>{@code resolve} returns {@link NoValue} for {@code AWS::NoValue} (the property is absent);
 * maps and lists drop it.
 */
final class Resolver {

    /** A three-valued condition result. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    private final CrossStackValues crossStack;
    private final IntrinsicFunctions functions;

    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports) {
        this(stack, root, exports, Map.of());
    }

    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports, Map<String, UnknownValue> passedUnknown) {
        this.crossStack = new CrossStackValues(stack, exports);
        this.functions = new IntrinsicFunctions(stack, root, crossStack, passedUnknown);
    }

    Truth condition(String name) {
        return functions.conditions().condition(name);
    }

    Value resolve(Node node) {
        return functions.resolve(node);
    }

    /** What {@code Ref} to a resource gives: its literal name where known, else a token. */
    String physicalName(String logicalId) {
        return functions.physicalName(logicalId);
    }

    /**
     * True once this stack read a value another stack gives (an {@code Fn::ImportValue}, a CDK
     * cross-Region reference, a nested stack's output): it must be resolved again once those
     * values are known.
     */
    boolean importsSeen() {
        return crossStack.importsSeen();
    }

    /** The stack's outputs whose value is known and whose condition holds, by output name. */
    Map<String, Value> outputs(MapNode root) {
        return crossStack.outputs(root, this);
    }

    /** The stack's exports: {@code Outputs.*.Export.Name} to the output's value. */
    Map<String, Value> exports(MapNode root) {
        return crossStack.exports(root, this);
    }
}
