package io.regionlint.model;

import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code Transform: AWS::LanguageExtensions}: expands {@code Fn::ForEach} loops in
 * {@code Conditions}, {@code Resources} (resource properties included) and {@code Outputs} the
 * way CloudFormation does, for one stack instance (a collection is often a parameter, so the
 * expansion depends on the instance's values). In each copy of a loop's fragment, the identifier
 * is replaced in keys and {@code Fn::Sub} strings ({@code ${Id}} by the value, {@code &{Id}} by
 * the value without its non-alphanumeric characters) and {@code Ref: Id} becomes the value.
 * Expanded nodes keep the ranges and pointers of the loop's fragment, so findings point at the
 * text the user wrote. The other functions of the transform ({@code Fn::Length},
 * {@code Fn::ToJsonString}, {@code Fn::FindInMap} with {@code DefaultValue}, {@code Ref} of a
 * function) are resolved by {@link IntrinsicFunctions}.
 */
final class LanguageExtensions {

    static final String TRANSFORM = "AWS::LanguageExtensions";
    static final String FOR_EACH = "Fn::ForEach::";
    /** The sections loops may stand in. */
    private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");
    /**
     * Expansion stops past this many generated entries per template: CloudFormation allows 500
     * resources, so more means a runaway loop, and it must not exhaust memory.
     */
    static final int MAX_GENERATED = 10_000;

    /**
     * @param root the template with its loops expanded
     * @param complete false where a loop could not be expanded (its resources are not modelled)
     */
    record Expanded(MapNode root, boolean complete) {
    }

    private final Function<Node, Value> resolve;
    private final Diagnostics diagnostics;
    /** The template's parameter names: a loop identifier may not be one of them. */
    private final Set<String> parameters;
    private boolean complete = true;
    private int generated;

    private LanguageExtensions(Function<Node, Value> resolve, Diagnostics diagnostics, Set<String> parameters) {
        this.resolve = resolve;
        this.diagnostics = diagnostics;
        this.parameters = parameters;
    }

    /** The names the template's {@code Transform} declares (a name or a list of names). */
    static List<String> transforms(MapNode root) {
        Optional<Node> transform = root.get("Transform");
        List<String> out = new ArrayList<>();
        if (transform.isPresent() && transform.get() instanceof ScalarNode s) {
            out.add(s.text());
        } else if (transform.isPresent() && transform.get() instanceof ListNode list) {
            list.items().stream().filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text())
                    .forEach(out::add);
        } else if (transform.isPresent() && transform.get() instanceof MapNode map) {
            map.get("Name").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Expands the loops of a template that declares the transform.
     *
     * @param resolve resolves a loop's collection in the stack instance
     */
    static Expanded expand(MapNode root, Function<Node, Value> resolve, Diagnostics diagnostics) {
        Set<String> parameters = root.get("Parameters").filter(MapNode.class::isInstance)
                .map(p -> ((MapNode) p).entries().keySet()).orElse(Set.of());
        LanguageExtensions expander = new LanguageExtensions(resolve, diagnostics, parameters);
        Map<String, Node> entries = new LinkedHashMap<>(root.entries());
        boolean changed = false;
        for (String section : SECTIONS) {
            Optional<Node> node = root.get(section);
            if (node.isPresent() && node.get() instanceof MapNode) {
                Node expanded = expander.node(node.get(), Map.of());
                if (expanded != node.get()) {
                    entries.put(section, expanded);
                    changed = true;
                }
            }
        }
        MapNode out = changed ? new MapNode(entries, root.keyPositions(), root.range(), root.path()) : root;
        return new Expanded(out, expander.complete);
    }

    /**
     * A template with loops but without the transform: CloudFormation rejects it, and its loops
     * are not expanded. Only the sections' own keys are looked at (loops deeper down are rare
     * without the transform, and looking would cost a walk of every template).
     *
     * @return false where a loop was found (what it creates is not modelled)
     */
    static boolean loopsWithoutTransform(MapNode root, Diagnostics diagnostics) {
        boolean none = true;
        for (String section : SECTIONS) {
            Optional<Node> node = root.get(section);
            if (node.isEmpty() || !(node.get() instanceof MapNode map)) {
                continue;
            }
            int i = 0;
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                SourceRange key = map.keyRange(i++);
                if (e.getKey().startsWith(FOR_EACH)) {
                    none = false;
                    diagnostics.invalid(key, e.getValue().pointer(), "Loop '" + e.getKey() + "' needs Transform: "
                            + TRANSFORM + "; CloudFormation rejects the template without it, and what the loop"
                            + " creates was not checked. Add Transform: " + TRANSFORM + " at the top of the template");
                }
            }
        }
        return none;
    }

    private Node node(Node node, Map<String, String> bindings) {
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            boolean changed = false;
            for (Node item : list.items()) {
                Node expanded = node(item, bindings);
                changed |= expanded != item;
                items.add(expanded);
            }
            return changed ? new ListNode(items, list.range(), list.path()) : list;
        }
        if (!(node instanceof MapNode map)) {
            return node;
        }
        if (!bindings.isEmpty() && map.entries().size() == 1) {
            Map.Entry<String, Node> only = map.entries().entrySet().iterator().next();
            if (only.getKey().equals("Ref") && only.getValue() instanceof ScalarNode s
                    && bindings.containsKey(s.text())) {
                return new ScalarNode(bindings.get(s.text()), map.range(), map.path());
            }
            if (only.getKey().equals("Fn::Sub")) {
                Node args = sub(only.getValue(), bindings);
                return args == only.getValue() ? map
                        : new MapNode(Map.of("Fn::Sub", args), map.keyPositions(), map.range(), map.path());
            }
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keyRanges = new HashMap<>();
        boolean changed = false;
        int i = 0;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            SourceRange keyRange = map.keyRange(i++);
            if (e.getKey().startsWith(FOR_EACH)) {
                changed = true;
                loop(e.getKey(), e.getValue(), keyRange, bindings, entries, keyRanges);
                continue;
            }
            String key = substitute(e.getKey(), bindings);
            Node value = node(e.getValue(), bindings);
            changed |= !key.equals(e.getKey()) || value != e.getValue();
            put(key, value, keyRange, entries, keyRanges, Optional.empty());
        }
        return changed ? new MapNode(entries, keyRanges, map.range(), map.path()) : map;
    }

    /** Replicates a loop's fragment once per item of its collection into {@code entries}. */
    private void loop(String key, Node declaration, SourceRange keyRange, Map<String, String> bindings,
                      Map<String, Node> entries, Map<String, SourceRange> keyRanges) {
        String loop = "'" + key + "'";
        if (!(declaration instanceof ListNode list) || list.items().size() != 3
                || !(list.items().get(0) instanceof ScalarNode identifier)
                || !(list.items().get(2) instanceof MapNode fragment)) {
            diagnostics.invalid(keyRange, declaration.pointer(), "Loop " + loop + " must be a list of an identifier,"
                    + " a collection and a fragment (a mapping); CloudFormation rejects the template. Write it as"
                    + " [Identifier, [Value1, Value2], {OutputKey${Identifier}: OutputValue}]");
            complete = false;
            return;
        }
        String id = identifier.text();
        if (bindings.containsKey(id) || parameters.contains(id)) {
            diagnostics.invalid(identifier, "Loop " + loop + " uses identifier '" + id + "', which is already "
                    + (bindings.containsKey(id) ? "the identifier of an enclosing loop" : "a parameter")
                    + "; CloudFormation rejects the template. Give the loop an identifier of its own");
            complete = false;
            return;
        }
        Node collectionNode = node(list.items().get(1), bindings);
        Value collection = resolve.apply(collectionNode);
        Optional<List<String>> items = texts(collection);
        if (items.isEmpty()) {
            complete = false;
            if (collection instanceof ListValue || collection instanceof UnknownValue) {
                String reason = collection instanceof UnknownValue u ? u.reason()
                        : "an item of it is not known";
                diagnostics.notChecked(keyRange, declaration.pointer(), "Loop " + loop + " was not expanded: its"
                        + " collection is not known (" + Tokens.display(reason) + "), so what it creates was not"
                        + " checked. Give the collection's parameter a value (--parameter or the project file)"
                        + " or a Default");
            } else {
                diagnostics.invalid(collectionNode, "The collection of loop " + loop + " is not a list;"
                        + " CloudFormation rejects the template. Give a list, or Ref to a CommaDelimitedList"
                        + " parameter");
            }
            return;
        }
        for (String item : items.get()) {
            if (++generated > MAX_GENERATED) {
                complete = false;
                diagnostics.notChecked(keyRange, declaration.pointer(), "Loop " + loop + " was expanded only in part:"
                        + " the template's loops create more than " + MAX_GENERATED + " entries, far past"
                        + " CloudFormation's quotas, so the rest was not checked. Check the loop's collections");
                return;
            }
            Map<String, String> inner = new HashMap<>(bindings);
            inner.put(identifier.text(), item);
            if (!(node(fragment, inner) instanceof MapNode copy)) {
                continue; // a fragment that is itself a Ref to the identifier: nothing to merge
            }
            int j = 0;
            for (Map.Entry<String, Node> e : copy.entries().entrySet()) {
                put(e.getKey(), e.getValue(), copy.keyRange(j++), entries, keyRanges, Optional.of(loop));
            }
        }
    }

    private void put(String key, Node value, SourceRange keyRange, Map<String, Node> entries,
                     Map<String, SourceRange> keyRanges, Optional<String> loop) {
        if (entries.containsKey(key)) {
            diagnostics.invalid(keyRange, value.pointer(), (loop.isPresent() ? "Loop " + loop.get() + " creates '"
                    + key + "', which" : "'" + key + "'") + " already exists in this mapping; CloudFormation"
                    + " rejects the template. Give every copy a key of its own (use the loop's identifier in"
                    + " it)");
            return;
        }
        entries.put(key, value);
        keyRanges.put(key, keyRange);
    }

    private static Optional<List<String>> texts(Value collection) {
        if (!(collection instanceof ListValue list)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Value item : list.items()) {
            if (item.text().isEmpty() || Tokens.containsToken(item.text().get())) {
                return Optional.empty();
            }
            out.add(item.text().get());
        }
        return Optional.of(out);
    }

    /** {@code Fn::Sub} in a loop: the identifier in its string, and in its variables' values. */
    private Node sub(Node args, Map<String, String> bindings) {
        if (args instanceof ScalarNode s && s.value() instanceof String text) {
            String replaced = substitute(text, bindings);
            return replaced.equals(text) ? s : new ScalarNode(replaced, s.range(), s.path());
        }
        if (args instanceof ListNode list && !list.items().isEmpty()) {
            List<Node> items = new ArrayList<>(list.items());
            items.set(0, sub(items.get(0), bindings));
            for (int i = 1; i < items.size(); i++) {
                items.set(i, node(items.get(i), bindings));
            }
            return new ListNode(items, list.range(), list.path());
        }
        return args;
    }

    /** {@code ${Id}} becomes the value; {@code &{Id}} the value without non-alphanumeric characters. */
    static String substitute(String text, Map<String, String> bindings) {
        if (bindings.isEmpty() || (text.indexOf("${") < 0 && text.indexOf("&{") < 0)) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> b : bindings.entrySet()) {
            out = out.replace("${" + b.getKey() + "}", b.getValue())
                    .replace("&{" + b.getKey() + "}", b.getValue().replaceAll("[^0-9A-Za-z]", ""));
        }
        return out;
    }
}
