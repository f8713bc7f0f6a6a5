package io.regionlint.model;

import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.model.Resolver.Truth;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Set<String> conditionsInProgress = new HashSet<>();

    Conditions(MapNode conditions, Function<Node, Value> resolve) {
        this.conditions = conditions;
        this.resolve = resolve;
    }

    Truth condition(String name) {
        Truth cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<Node> definition = conditions.get(name);
        if (definition.isEmpty() || !conditionsInProgress.add(name)) {
            return Truth.UNKNOWN; // undefined or circular: never guess
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
                return args instanceof ScalarNode s ? condition(s.text()) : Truth.UNKNOWN;
            case "Fn::Not": {
                List<Node> items = IntrinsicFunctions.items(args);
                if (items.size() != 1) {
                    return Truth.UNKNOWN;
                }
                Truth t = evaluate(items.get(0));
                return t == Truth.UNKNOWN ? t : (t == Truth.TRUE ? Truth.FALSE : Truth.TRUE);
            }
            case "Fn::And": {
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
                    return Truth.UNKNOWN;
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
}
