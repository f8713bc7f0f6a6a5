package io.regionlint.model;

import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code Conditions} of one stack instance. Each condition is evaluated once and memoised,
 * so cost grows with the template, never with the number of condition combinations. Operands of
 * {@code Fn::Equals} are resolved by the stack's intrinsic functions.
 */
final class Conditions {

    private final MapNode conditions;
    private final Function<Node, Value> resolve;
    private final Map<String, Truth> conditionCache = new HashMap<>();
    /** The conditions being evaluated, in order: one met again closes a cycle. */
    private final Set<String> conditionsInProgress = new LinkedHashSet<>();
    private final Diagnostics diagnostics;
    /** False where the Conditions section holds loops that were not expanded. */
    private final boolean complete;

    Conditions(MapNode conditions, Function<Node, Value> resolve, Diagnostics diagnostics, boolean complete) {
        this.conditions = conditions;
        this.resolve = resolve;
        this.diagnostics = diagnostics;
        this.complete = complete;
    }

    /**
     * The condition's value in this stack instance. A condition that is not defined, or that is
     * defined through itself, is reported at {@code at} (the place naming it) and is unknown:
     * never guessed.
     */
    Truth condition(String name, Node at) {
        Truth cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<Node> definition = conditions.get(name);
        if (definition.isEmpty()) {
            if (complete) {
                diagnostics.invalid(at, "Condition '" + name + "' is not defined in Conditions; CloudFormation"
                        + " rejects the template. Define it, or correct the name");
            }
            return Truth.UNKNOWN;
        }
        if (!conditionsInProgress.add(name)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String n : conditionsInProgress) {
                in |= n.equals(name);
                if (in) {
                    cycle.add(n);
                }
            }
            cycle.add(name);
            diagnostics.invalid(at, "Conditions " + IntrinsicFunctions.quoted(cycle.subList(0, cycle.size() - 1))
                    + " are defined through each other in a cycle (" + String.join(" -> ", cycle) + ");"
                    + " CloudFormation rejects the template. Define one of them without the other");
            return Truth.UNKNOWN;
        }
        Truth result = evaluate(definition.get());
        conditionsInProgress.remove(name);
        conditionCache.put(name, result);
        return result;
    }

    private Truth evaluate(Node node) {
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Boolean b) {
            return b ? Truth.TRUE : Truth.FALSE;
        }
        if (!(node instanceof MapNode map) || map.entries().size() != 1) {
            return Truth.UNKNOWN;
        }
        Map.Entry<String, Node> call = map.entries().entrySet().iterator().next();
        Node args = call.getValue();
        switch (call.getKey()) {
            case "Condition":
                return args instanceof ScalarNode s ? condition(s.text(), node) : Truth.UNKNOWN;
            case "Fn::Not": {
                List<Node> items = IntrinsicFunctions.items(args);
                if (items.size() != 1) {
                    return arity("Fn::Not takes one condition in a list", args, node);
                }
                Truth t = evaluate(items.get(0));
                return t == Truth.UNKNOWN ? t : (t == Truth.TRUE ? Truth.FALSE : Truth.TRUE);
            }
            case "Fn::And": {
                if (IntrinsicFunctions.items(args).size() < 2 || IntrinsicFunctions.items(args).size() > 10) {
                    return arity("Fn::And takes from 2 to 10 conditions", args, node);
                }
                Truth result = Truth.TRUE;
                for (Node item : IntrinsicFunctions.items(args)) {
                    Truth t = evaluate(item);
                    if (t == Truth.FALSE) {
                        return Truth.FALSE;
                    }
                    if (t == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                return result;
            }
            case "Fn::Or": {
                if (IntrinsicFunctions.items(args).size() < 2 || IntrinsicFunctions.items(args).size() > 10) {
                    return arity("Fn::Or takes from 2 to 10 conditions", args, node);
                }
                Truth result = Truth.FALSE;
                for (Node item : IntrinsicFunctions.items(args)) {
                    Truth t = evaluate(item);
                    if (t == Truth.TRUE) {
                        return Truth.TRUE;
                    }
                    if (t == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                return result;
            }
            case "Fn::Equals": {
                List<Node> items = IntrinsicFunctions.items(args);
                if (items.size() != 2) {
                    return arity("Fn::Equals takes exactly two values", args, node);
                }
                Optional<String> ta = resolve.apply(items.get(0)).text();
                Optional<String> tb = resolve.apply(items.get(1)).text();
                if (ta.isEmpty() || tb.isEmpty()) {
                    return Truth.UNKNOWN;
                }
                return ta.get().equals(tb.get()) ? Truth.TRUE : Truth.FALSE;
            }
            default:
                return Truth.UNKNOWN;
        }
    }

    /** A condition function with the wrong number of arguments: reported, and unknown. */
    private Truth arity(String rule, Node args, Node at) {
        diagnostics.invalid(at, rule + ", here " + IntrinsicFunctions.count(args) + "; CloudFormation rejects the"
                + " template. Correct the arguments");
        return Truth.UNKNOWN;
    }

    /**
     * Evaluates every condition the template defines, so that one CloudFormation would reject is
     * reported even where nothing uses it in this instance.
     */
    void evaluateAll() {
        for (Map.Entry<String, Node> e : conditions.entries().entrySet()) {
            condition(e.getKey(), e.getValue());
        }
    }
}
