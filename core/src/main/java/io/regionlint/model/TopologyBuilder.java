package io.regionlint.model;

import io.regionlint.load.InputError;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model stage's entry point: stack specs in, one {@link Topology} out. Each resource is
 * resolved once per stack instance; the {@link Linker} then joins resources by hash index.
 * Template structure the model cannot use (a {@code Resources} section that is not a map, a
 * resource without a {@code Type}) is an input error for that template, reported once however
 * many Regions it is deployed to.
 */
public final class TopologyBuilder {

    /** The topology and the template-structure errors found while building it. */
    public record Result(Topology topology, List<InputError> errors) {
    }

    private TopologyBuilder() {
    }

    public static Result build(List<StackSpec> specs, Map<String, RegionRole> regionRoles) {
        // stack instances are independent until linking: resolve them on all cores, keep order
        List<Built> built = specs.parallelStream().map(s -> instance(s, Map.of())).toList();
        built = withImports(specs, built);
        List<StackInstance> stacks = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        Set<InputError> errors = new LinkedHashSet<>();
        for (Built b : built) {
            b.stack.ifPresent(stacks::add);
            resources.addAll(b.resources);
            errors.addAll(b.errors);
        }
        return new Result(new Linker(stacks, resources, regionRoles).link(), List.copyOf(errors));
    }

    /** One stack instance, resolved. */
    private record Built(Optional<StackInstance> stack, List<Resource> resources, Set<InputError> errors,
                         Map<String, Value> exports, boolean imports) {
    }

    /**
     * Resolves {@code Fn::ImportValue} against the exports of the loaded stacks: stacks that
     * import are resolved again once the exports are known. An export built from another import
     * needs one more round; three rounds cover any chain seen in practice, and each round costs
     * only the importing stacks.
     */
    private static List<Built> withImports(List<StackSpec> specs, List<Built> built) {
        List<Boolean> imports = built.stream().map(Built::imports).toList();
        if (!imports.contains(true)) {
            return built;
        }
        List<Built> current = built;
        for (int round = 0; round < 3; round++) {
            Map<String, Value> exports = new java.util.HashMap<>();
            for (Built b : current) {
                b.exports.forEach(exports::putIfAbsent);
            }
            List<Built> previous = current;
            current = java.util.stream.IntStream.range(0, specs.size()).parallel()
                    .mapToObj(i -> imports.get(i) ? instance(specs.get(i), exports) : previous.get(i)).toList();
            boolean changed = false;
            for (int i = 0; i < specs.size() && !changed; i++) {
                changed = !current.get(i).exports.keySet().equals(previous.get(i).exports.keySet());
            }
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private static Built instance(StackSpec spec, Map<String, Value> exports) {
        Set<InputError> errors = new LinkedHashSet<>();
        List<Resource> resources = new ArrayList<>();
        Node root = spec.template().root();
        if (!(root instanceof MapNode rootMap)) {
            errors.add(InputError.at(root.range(), "a template must be a mapping at the top level"));
            return new Built(Optional.empty(), resources, errors, Map.of(), false);
        }
        StackInstance stack = new StackInstance(spec.name(), spec.group(), spec.template(), spec.region(), spec.account(),
                spec.parameters(), unknownParameters(rootMap, spec.parameters()), spec.declaredAt());
        Resolver resolver = new Resolver(stack, rootMap, exports);
        Optional<Node> section = rootMap.get("Resources");
        if (section.isPresent() && !(section.get() instanceof MapNode)) {
            errors.add(InputError.at(section.get().range(), "'Resources' must be a mapping of logical ids"));
        } else if (section.isPresent()) {
            MapNode resourceMap = (MapNode) section.get();
            for (Map.Entry<String, Node> entry : resourceMap.entries().entrySet()) {
                if (entry.getKey().startsWith("Fn::ForEach::")) {
                    continue; // AWS::LanguageExtensions loops are not expanded; their resources are not modelled
                }
                resourceOf(stack, resolver, entry.getKey(), entry.getValue(), resourceMap.keyRange(entry.getKey()),
                        errors).ifPresent(resources::add);
            }
        }
        Map<String, Value> stackExports = resolver.exports(rootMap);
        return new Built(Optional.of(stack), resources, errors, stackExports, resolver.importsSeen());
    }

    private static Optional<Resource> resourceOf(StackInstance stack, Resolver resolver, String logicalId, Node node,
                                                 SourceRange declaredAt, Set<InputError> errors) {
        if (!(node instanceof MapNode declaration)) {
            errors.add(InputError.at(node.range(), "resource '" + logicalId + "' must be a mapping"));
            return Optional.empty();
        }
        Optional<Node> typeNode = declaration.get("Type");
        if (typeNode.isEmpty() || !(typeNode.get() instanceof ScalarNode typeScalar)
                || !(typeScalar.value() instanceof String type) || type.isBlank()) {
            errors.add(InputError.at(node.range(), "resource '" + logicalId + "' has no Type"));
            return Optional.empty();
        }
        boolean conditionUnknown = false;
        Optional<Node> condition = declaration.get("Condition");
        if (condition.isPresent() && condition.get() instanceof ScalarNode c) {
            Resolver.Truth truth = resolver.condition(c.text());
            if (truth == Resolver.Truth.FALSE) {
                return Optional.empty(); // not created in this stack instance
            }
            conditionUnknown = truth == Resolver.Truth.UNKNOWN;
        }
        MapValue properties;
        Optional<Node> propertiesNode = declaration.get("Properties");
        if (propertiesNode.isPresent()) {
            Value resolved = resolver.resolve(propertiesNode.get());
            properties = resolved instanceof MapValue m ? m : MapValue.empty(propertiesNode.get());
        } else {
            properties = MapValue.empty(node);
        }
        Optional<MapNode> metadata = declaration.get("Metadata").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast);
        Optional<String> constructPath = metadata.flatMap(m -> m.get("aws:cdk:path"))
                .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
        return Optional.of(new Resource(stack, logicalId, type, properties, resolver.physicalName(logicalId), node,
                declaredAt, metadata, constructPath, conditionUnknown));
    }

    private static List<String> unknownParameters(MapNode root, Map<String, String> given) {
        List<String> unknown = new ArrayList<>();
        Optional<Node> parameters = root.get("Parameters");
        if (parameters.isPresent() && parameters.get() instanceof MapNode map) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                boolean hasDefault = e.getValue() instanceof MapNode p && p.get("Default")
                        .map(d -> d instanceof ScalarNode || d instanceof ListNode).orElse(false);
                if (!given.containsKey(e.getKey()) && !hasDefault) {
                    unknown.add(e.getKey());
                }
            }
        }
        return unknown;
    }
}
