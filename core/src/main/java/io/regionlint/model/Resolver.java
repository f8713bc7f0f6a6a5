package io.regionlint.model;

import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves one stack instance: its {@link Conditions}, its {@link IntrinsicFunctions} and the
 * {@link CrossStackValues} it reads and gives. This class only wires them together and is what
 * the topology builder sees.
 *
 * <p>{@code resolve} returns {@link NoValue} for {@code AWS::NoValue} (the property is absent);
 * maps and lists drop it.
 */
final class Resolver {

    /** The values CloudFormation accepts for DeletionPolicy and UpdateReplacePolicy. */
    private static final Map<String, Set<String>> POLICIES = Map.of(
            "DeletionPolicy", Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot"),
            "UpdateReplacePolicy", Set.of("Delete", "Retain", "Snapshot"));

    private final CrossStackValues crossStack;
    private final IntrinsicFunctions functions;
    private final Diagnostics diagnostics;

    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports) {
        this(stack, root, exports, Map.of(), new Diagnostics(stack), true);
    }

    /**
     * @param diagnostics where problems met are collected
     * @param complete false where the template holds resources or conditions that were not
     *     modelled (an unexpanded loop, a transform), so names it does not declare are unknown
     *     rather than invalid
     */
    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports, Map<String, UnknownValue> passedUnknown,
             Diagnostics diagnostics, boolean complete) {
        this.diagnostics = diagnostics;
        this.crossStack = new CrossStackValues(stack, exports);
        this.functions = new IntrinsicFunctions(stack, root, crossStack, passedUnknown, diagnostics, complete);
    }

    /** The condition named at {@code at}, a node that names it (reported there when undefined). */
    Truth condition(ScalarNode at) {
        return functions.conditions().condition(at.text(), at);
    }

    /** Evaluates every condition of the template (see {@link Conditions#evaluateAll}). */
    void evaluateConditions() {
        functions.conditions().evaluateAll();
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

    /**
     * A resource's DeletionPolicy and UpdateReplacePolicy given by a function (AWS::LanguageExtensions):
     * resolved for this instance; a value CloudFormation does not accept is reported.
     */
    void policies(MapNode declaration) {
        for (Map.Entry<String, Set<String>> policy : new TreeMap<>(POLICIES).entrySet()) {
            Optional<Node> node = declaration.get(policy.getKey()).filter(MapNode.class::isInstance);
            if (node.isEmpty()) {
                continue;
            }
            Optional<String> value = resolve(node.get()).text();
            if (value.isPresent() && !policy.getValue().contains(value.get())) {
                diagnostics.invalid(node.get(), policy.getKey() + " resolves to '" + value.get() + "' here, which is not"
                        + " one of " + String.join(", ", new TreeSet<>(policy.getValue())) + "; CloudFormation rejects"
                        + " the template. Make every branch give one of those");
            }
        }
    }
}
