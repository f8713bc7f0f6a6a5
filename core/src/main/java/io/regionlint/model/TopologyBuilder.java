package io.regionlint.model;

import io.regionlint.load.Document;
import io.regionlint.load.InputError;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ResourceTypes;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model stage's entry point: stack specs in, one {@link Topology} out. Each resource is
 * resolved once per stack instance; the {@link Linker} then joins resources by hash index.
 * A {@code Resources} section that is not a map is an input error for that template, reported once
 * however many Regions it is deployed to; a resource without a usable {@code Type} is left out
 * (the loader recorded it as a defect of the document), and the rest of the stack is modelled.
 */
public final class TopologyBuilder {

    /** The topology and the template-structure errors found while building it. */
    public record Result(Topology topology, List<InputError> errors) {
    }

    private TopologyBuilder() {
    }

    public static Result build(List<StackSpec> specs, Map<String, RegionRole> regionRoles) {
        return build(specs, regionRoles, List.of(), null);
    }

    /**
     * Builds a planned topology: its stacks, Regions, and the deployed templates that were not
     * read, each reported as an unresolved peer of the resource that deploys it.
     */
    public static Result build(InputPlan.TopologyPlan plan) {
        return build(plan.stacks(), plan.regionRoles(), plan.notFollowed(), null);
    }

    /**
     * Builds a planned topology like {@link #build(InputPlan.TopologyPlan)}, and counts each
     * stack spec done in {@code uses} once no later round resolves it again, so that templates
     * keep only their outlines as soon as they can.
     */
    public static Result build(InputPlan.TopologyPlan plan, DocumentUses uses) {
        return build(plan.stacks(), plan.regionRoles(), plan.notFollowed(), uses);
    }

    private static Result build(List<StackSpec> specs, Map<String, RegionRole> regionRoles,
                                List<InputPlan.NotFollowed> notFollowed, DocumentUses uses) {
        Set<InputError> errors = new LinkedHashSet<>();
        Plan plan = new Plan(distinct(specs, errors), uses);
        List<Built> built = plan.resolve(Map.of(), null);
        built = withImports(plan, built);
        plan.allResolved();
        List<StackInstance> stacks = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<ModelDiagnostic> diagnostics = new ArrayList<>();
        for (Built b : built) {
            b.stack.ifPresent(stacks::add);
            resources.addAll(b.resources);
            errors.addAll(b.errors);
            diagnostics.addAll(b.diagnostics);
        }
        Topology topology = new Linker(stacks, resources, regionRoles, unread(resources, notFollowed)).link();
        topology.diagnostics(diagnostics);
        return new Result(topology, List.copyOf(errors));
    }

    /** The resources that deploy a template which was not read, as unresolved peers. */
    private static List<UnresolvedPeer> unread(List<Resource> resources, List<InputPlan.NotFollowed> notFollowed) {
        if (notFollowed.isEmpty()) {
            return List.of();
        }
        Map<String, Resource> byPlace = new java.util.HashMap<>();
        for (Resource r : resources) {
            StackInstance s = r.stack();
            byPlace.putIfAbsent(place(s.name(), s.region(), s.account(), r.logicalId()), r);
        }
        List<UnresolvedPeer> out = new ArrayList<>();
        for (InputPlan.NotFollowed n : notFollowed) {
            Resource from = byPlace.get(place(n.stack(), n.region(), n.account(), n.logicalId()));
            if (from != null) { // absent where its condition is false in that instance: nothing is deployed
                Value at = from.properties().get(n.property()).orElse(from.properties());
                out.add(new UnresolvedPeer(from, at, n.kind(), n.reason()));
            }
        }
        return out;
    }

    private static String place(String stack, Optional<String> region, Optional<String> account, String logicalId) {
        return account.orElse("") + "/" + region.orElse("") + "/" + stack + "/" + logicalId;
    }

    /**
     * The specs without a second stack of one account, Region and name: CloudFormation cannot
     * deploy it, and every index keys stacks by that identity. The first is kept; each later one
     * is an input error where it is declared (its nested stacks go with it, silently: they are
     * named after it).
     */
    private static List<StackSpec> distinct(List<StackSpec> specs, Set<InputError> errors) {
        Set<StackId> seen = new java.util.HashSet<>();
        List<StackSpec> out = new ArrayList<>(specs.size());
        for (StackSpec spec : specs) {
            if (seen.add(new StackId(spec.account(), spec.region(), spec.name()))) {
                out.add(spec);
            } else if (spec.nestedIn().isEmpty()) {
                String message = "stack '" + spec.name() + "' is deployed twice to " + spec.region()
                        .orElse("the same unknown Region") + spec.account().map(a -> " in account " + a).orElse("")
                        + "; stack names are unique per account and Region, so only the first is linted: give"
                        + " this one another stack name (stackName) or Region";
                errors.add(spec.declaredAt().map(r -> InputError.at(r, message))
                        .orElseGet(() -> InputError.atFile(spec.template().displayPath(), message)));
            }
        }
        return out;
    }

    /** One stack instance, resolved. */
    private record Built(Optional<StackInstance> stack, List<Resource> resources, Set<InputError> errors,
                         Map<String, Value> exports, boolean imports, List<ModelDiagnostic> diagnostics) {

        static final Built ABSENT = new Built(Optional.empty(), List.of(), Set.of(), Map.of(), false, List.of());
    }

    /**
     * The order stacks are resolved in: nested stacks after their parents (their parameters are
     * what the parent passes), by depth, each depth on all cores.
     */
    private static final class Plan {

        private final List<StackSpec> specs;
        private final int[] parent;
        private final List<List<Integer>> levels = new ArrayList<>();
        /** Stacks that read values other stacks give, as the first round found. */
        private boolean[] consumes;
        /** What each distinct template's unexpanded transforms leave unmodelled, found once per template. */
        private final Map<Document, Transforms.Scan> transforms = new IdentityHashMap<>();
        /** Where specs are counted done; null when templates stay whole (tests, single builds). */
        private final DocumentUses uses;
        /**
         * Specs a later round may resolve again: those that read other stacks' values, and the
         * nested stacks below them. Known for each spec once the first round resolved it.
         */
        private final boolean[] again;

        Plan(List<StackSpec> specs, DocumentUses uses) {
            this.specs = specs;
            this.uses = uses;
            this.again = new boolean[specs.size()];
            for (StackSpec spec : specs) {
                if (spec.template().root() instanceof MapNode root) {
                    transforms.computeIfAbsent(spec.template(), d -> Transforms.scan(root));
                }
            }
            this.parent = new int[specs.size()];
            // a nested stack deploys in its parent's account and Region: the parent is the stack
            // of that name there, never a namesake in another Region
            Map<StackId, Integer> byId = new java.util.HashMap<>();
            int[] depth = new int[specs.size()];
            for (int i = 0; i < specs.size(); i++) {
                StackSpec spec = specs.get(i);
                Integer p = spec.nestedIn().map(n -> byId.get(parentOf(spec, n))).orElse(null);
                parent[i] = p == null ? -1 : p;
                depth[i] = p == null ? 0 : depth[p] + 1;
                byId.putIfAbsent(new StackId(spec.account(), spec.region(), spec.name()), i);
                while (levels.size() <= depth[i]) {
                    levels.add(new ArrayList<>());
                }
                levels.get(depth[i]).add(i);
            }
        }

        static StackId parentOf(StackSpec spec, StackSpec.NestedIn nestedIn) {
            // a stack set's instances live in other Regions and accounts than the stack that declares it
            return nestedIn.parent().orElseGet(() -> new StackId(spec.account(), spec.region(), nestedIn.parentStack()));
        }

        /** Remembers which stacks the first round saw reading other stacks' values. */
        boolean anyConsumer(List<Built> first) {
            consumes = new boolean[first.size()];
            boolean any = false;
            for (int i = 0; i < consumes.length; i++) {
                consumes[i] = first.get(i).imports;
                any |= consumes[i];
            }
            return any;
        }

        /**
         * Resolves every stack, or, given the previous round, only those that read other stacks'
         * values and the nested stacks of stacks resolved again.
         */
        List<Built> resolve(Map<String, Value> exports, List<Built> previous) {
            Built[] out = new Built[specs.size()];
            for (List<Integer> level : levels) {
                level.parallelStream().forEach(i -> {
                    boolean parentAgain = parent[i] >= 0 && previous != null
                            && out[parent[i]] != previous.get(parent[i]);
                    out[i] = previous == null || consumes[i] || parentAgain
                            ? instance(specs.get(i), exports, parent[i] < 0 ? null : out[parent[i]],
                            transforms.get(specs.get(i).template()))
                            : previous.get(i);
                    if (previous == null) {
                        again[i] = out[i].imports || (parent[i] >= 0 && again[parent[i]]);
                        if (!again[i] && uses != null) {
                            uses.done(specs.get(i).template());
                        }
                    }
                });
            }
            return List.of(out);
        }

        /** The rounds are over: the specs kept for them are done too. */
        void allResolved() {
            for (int i = 0; i < specs.size(); i++) {
                if (again[i] && uses != null) {
                    uses.done(specs.get(i).template());
                }
            }
        }
    }

    /**
     * Resolves values that one stack reads from another: {@code Fn::ImportValue} of exports, the
     * outputs of nested stacks ({@code Fn::GetAtt [Nested, Outputs.X]}) and CDK cross-Region
     * references (SSM parameters under {@code /cdk/exports/} written by
     * {@code Custom::CrossRegionExportWriter}). Stacks that read such values are resolved again
     * once the values are known. A value built from another such value needs one more round;
     * three rounds cover any chain seen in practice, and each round costs only the reading stacks.
     */
    private static List<Built> withImports(Plan plan, List<Built> built) {
        if (!plan.anyConsumer(built)) {
            return built;
        }
        List<Built> current = built;
        for (int round = 0; round < 3; round++) {
            Map<String, Value> exports = exports(current);
            List<Built> previous = current;
            current = plan.resolve(exports, previous);
            if (signature(exports(current)).equals(signature(exports))) {
                break;
            }
        }
        return current;
    }

    private static Map<String, Value> exports(List<Built> built) {
        Map<String, Value> exports = new java.util.HashMap<>();
        for (Built b : built) {
            b.exports.forEach(exports::putIfAbsent);
        }
        return exports;
    }

    /** What the exports say, without where: a round that changes none of it ends the rounds. */
    private static Map<String, String> signature(Map<String, Value> exports) {
        Map<String, String> out = new java.util.HashMap<>();
        exports.forEach((k, v) -> out.put(k, v.text().orElse(v.getClass().getSimpleName())));
        return out;
    }

    /**
     * Resolves one stack instance. A nested stack takes the parameters its parent's
     * {@code AWS::CloudFormation::Stack} resource passes, and does not exist where the parent or
     * that resource does not (a condition false in this instance).
     */
    private static Built instance(StackSpec spec, Map<String, Value> exports, Built parent,
                                  Transforms.Scan transforms) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        Map<String, UnknownValue> passedUnknown = new java.util.LinkedHashMap<>();
        if (spec.nestedIn().isPresent() && parent != null) {
            String logicalId = spec.nestedIn().get().logicalId();
            Optional<Resource> creator = parent.resources.stream().filter(r -> r.logicalId().equals(logicalId))
                    .findFirst();
            if (parent.stack.isEmpty() || creator.isEmpty()) {
                return Built.ABSENT;
            }
            passed(creator.get(), spec).forEach((name, value) -> {
                Optional<String> text = value instanceof ListValue list
                        && list.items().stream().allMatch(v -> v.text().isPresent())
                        ? Optional.of(String.join(",", list.items().stream().map(v -> v.text().get()).toList()))
                        : value.text();
                if (text.isPresent()) {
                    parameters.put(name, text.get());
                } else {
                    passedUnknown.put(name, value instanceof UnknownValue u ? u
                            : new UnknownValue("a value that is not a string", value));
                }
            });
        }
        parameters.putAll(spec.parameters());
        Set<InputError> errors = new LinkedHashSet<>();
        List<Resource> resources = new ArrayList<>();
        Node root = spec.template().root();
        if (!(root instanceof MapNode rootMap)) {
            errors.add(InputError.at(root.range(), "a template must be a mapping at the top level"));
            return new Built(Optional.empty(), resources, errors, Map.of(), false, List.of());
        }
        Set<String> given = new java.util.HashSet<>(parameters.keySet());
        given.addAll(passedUnknown.keySet());
        StackInstance stack = new StackInstance(spec.name(), spec.group(), spec.template(), spec.region(), spec.account(),
                parameters, unknownParameters(rootMap, given), spec.declaredAt(), spec.nestedIn(), spec.observed());
        Diagnostics diagnostics = new Diagnostics(stack);
        MapNode template = rootMap;
        boolean complete;
        if (LanguageExtensions.transforms(rootMap).contains(LanguageExtensions.TRANSFORM)) {
            // a loop's collection is resolved like any value of this instance (parameters, mappings)
            Resolver collections = new Resolver(stack, rootMap, exports, passedUnknown, diagnostics, false);
            LanguageExtensions.Expanded expanded = LanguageExtensions.expand(rootMap, collections::resolve,
                    diagnostics);
            template = expanded.root();
            complete = expanded.complete();
        } else {
            complete = LanguageExtensions.loopsWithoutTransform(rootMap, diagnostics);
        }
        List<String> samNotApplied = List.of();
        if (transforms.sam()) {
            // after the language extensions, as CloudFormation orders them
            ServerlessTransform.Applied applied = ServerlessTransform.apply(template);
            template = applied.root();
            samNotApplied = applied.notApplied();
        }
        Optional<Transforms.Unmodelled> unmodelled = Transforms.note(rootMap, transforms, samNotApplied);
        if (unmodelled.isPresent()) {
            diagnostics.notChecked(unmodelled.get().range(), unmodelled.get().pointer(), unmodelled.get().message());
            complete = false;
        }
        Resolver resolver = new Resolver(stack, template, exports, passedUnknown, diagnostics, complete);
        Optional<Node> section = template.get("Resources");
        if (section.isPresent() && !(section.get() instanceof MapNode)) {
            errors.add(InputError.at(section.get().range(), "'Resources' must be a mapping of logical ids"));
        } else if (section.isPresent()) {
            MapNode resourceMap = (MapNode) section.get();
            int index = 0;
            for (Map.Entry<String, Node> entry : resourceMap.entries().entrySet()) {
                SourceRange declaredAt = resourceMap.keyRange(index++);
                if (entry.getKey().startsWith(LanguageExtensions.FOR_EACH) || entry.getKey().equals("Fn::Transform")) {
                    continue; // a loop that could not be expanded, or an include: reported as not checked (RL1008)
                }
                resourceOf(stack, resolver, entry.getKey(), entry.getValue(), declaredAt)
                        .ifPresent(resources::add);
            }
        }
        resolver.evaluateConditions();
        Map<String, Value> exported = new java.util.LinkedHashMap<>(resolver.exports(template));
        Map<String, Value> outputs = resolver.outputs(template);
        if (stack.region().isPresent()) {
            outputs.forEach((output, value) -> exported.put(CrossStackValues.stackOutputKey(stack.account(),
                    stack.region().get(), stack.name(), output), value));
        }
        spec.nestedIn().ifPresent(n -> outputs.forEach((output, value) ->
                exported.put(CrossStackValues.nestedOutputKey(Plan.parentOf(spec, n), n.logicalId(), output), value)));
        for (Resource r : resources) {
            if (r.isType(CrossStackValues.CDK_EXPORT_WRITER)) {
                exported.putAll(CrossStackValues.writerExports(stack, r.properties()));
            }
        }
        return new Built(Optional.of(stack), resources, errors, exported, resolver.importsSeen(), diagnostics.list());
    }

    /**
     * The parameter values a nested stack's creator passes: the {@code Parameters} map of an
     * {@code AWS::CloudFormation::Stack}; for an {@code AWS::CloudFormation::StackSet}, its
     * {@code Parameters} list with the {@code ParameterOverrides} of the first
     * {@code StackInstancesGroup} that deploys to this instance's Region (and account) on top.
     */
    private static Map<String, Value> passed(Resource creator, StackSpec spec) {
        Map<String, Value> out = new java.util.LinkedHashMap<>();
        Optional<Value> given = creator.properties().get("Parameters");
        if (!creator.isType(DeployedTemplates.STACK_SET)) {
            given.filter(MapValue.class::isInstance).ifPresent(p -> out.putAll(((MapValue) p).entries()));
            return out;
        }
        given.ifPresent(p -> keyValues(p, out));
        Optional<Value> groups = creator.properties().get("StackInstancesGroup");
        if (groups.isPresent() && groups.get() instanceof ListValue list && spec.region().isPresent()) {
            for (Value group : list.items()) {
                boolean region = group.at("Regions").filter(ListValue.class::isInstance).map(r -> ((ListValue) r)
                        .items().stream().anyMatch(v -> v.text().equals(spec.region()))).orElse(false);
                Optional<Value> accounts = group.at("DeploymentTargets", "Accounts");
                boolean account = spec.account().isEmpty() || accounts.isEmpty()
                        || accounts.get() instanceof ListValue a && a.items().stream()
                        .anyMatch(v -> v.text().equals(spec.account()));
                if (region && account) {
                    group.at("ParameterOverrides").ifPresent(o -> keyValues(o, out));
                    break;
                }
            }
        }
        return out;
    }

    /** A CloudFormation list of {@code {ParameterKey, ParameterValue}} into a map. */
    private static void keyValues(Value list, Map<String, Value> out) {
        if (list instanceof ListValue items) {
            for (Value item : items.items()) {
                Optional<String> key = item.textAt("ParameterKey");
                Optional<Value> value = item.at("ParameterValue");
                if (key.isPresent() && value.isPresent()) {
                    out.put(key.get(), value.get());
                }
            }
        }
    }

    private static Optional<Resource> resourceOf(StackInstance stack, Resolver resolver, String logicalId, Node node,
                                                 SourceRange declaredAt) {
        Optional<String> usableType = ResourceTypes.usableType(node);
        if (usableType.isEmpty() || !(node instanceof MapNode declaration)) {
            // the loader recorded it on the document (a Defect, reported once per file): only
            // this resource is lost, never the stack
            return Optional.empty();
        }
        String type = usableType.get();
        if (type.equals("AWS::CDK::Metadata")) {
            return Optional.empty(); // CDK's version report (CDKMetadata): scaffolding, never a finding
        }
        boolean conditionUnknown = false;
        Optional<Node> condition = declaration.get("Condition");
        if (condition.isPresent() && condition.get() instanceof MapNode) {
            // with AWS::LanguageExtensions a Condition may be a function (a FindInMap per loop item)
            Value name = resolver.resolve(condition.get());
            if (name instanceof ScalarValue s) {
                condition = Optional.of(new ScalarNode(s.text().orElse(""), condition.get().range(),
                        condition.get().path()));
            } else if (!(name instanceof NoValue)) {
                conditionUnknown = true;
            }
        }
        if (condition.isPresent() && condition.get() instanceof ScalarNode c) {
            Truth truth = resolver.condition(c);
            if (truth == Truth.FALSE) {
                return Optional.empty(); // not created in this stack instance
            }
            conditionUnknown = truth == Truth.UNKNOWN;
        }
        resolver.policies(declaration);
        MapValue properties;
        Optional<Node> propertiesNode = declaration.get("Properties");
        if (propertiesNode.isPresent() && type.equals(DeployedTemplates.STACK_SET)
                && propertiesNode.get() instanceof MapNode given && given.get("TemplateBody").isPresent()) {
            properties = stackSetProperties(resolver, given);
        } else if (propertiesNode.isPresent()) {
            Value resolved = resolver.resolve(propertiesNode.get());
            properties = resolved instanceof MapValue m ? m : MapValue.empty(propertiesNode.get());
        } else {
            properties = MapValue.empty(node);
        }
        Optional<MapNode> metadata = declaration.get("Metadata").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast);
        Optional<String> constructPath = metadata.flatMap(m -> m.get("aws:cdk:path"))
                .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
        // an observed resource's physical id is what Config recorded, whatever property holds it
        String physicalName = stack.observed().flatMap(o -> o.item(logicalId)).map(Provenance.Observed::physicalId)
                .orElseGet(() -> resolver.physicalName(logicalId));
        return Optional.of(new Resource(stack, logicalId, type, properties, physicalName, node.shell(),
                declaredAt, metadata, constructPath, conditionUnknown));
    }

    /**
     * A stack set's properties without resolving its inline {@code TemplateBody}: that template's
     * intrinsics name its own parameters and resources, which the parent does not have. It is
     * planned and resolved as stack instances of its own.
     */
    private static MapValue stackSetProperties(Resolver resolver, MapNode given) {
        Map<String, Value> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Node> e : given.entries().entrySet()) {
            Value value = e.getKey().equals("TemplateBody")
                    ? new UnknownValue("the stack set's template, read as stack instances of its own", e.getValue())
                    : resolver.resolve(e.getValue());
            if (value != null) { // AWS::NoValue removes the property
                out.put(e.getKey(), value);
            }
        }
        return new MapValue(out, given);
    }

    private static List<String> unknownParameters(MapNode root, Set<String> given) {
        List<String> unknown = new ArrayList<>();
        Optional<Node> parameters = root.get("Parameters");
        if (parameters.isPresent() && parameters.get() instanceof MapNode map) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                boolean hasDefault = e.getValue() instanceof MapNode p && p.get("Default")
                        .map(d -> d instanceof ScalarNode || d instanceof ListNode).orElse(false);
                if (!given.contains(e.getKey()) && !hasDefault) {
                    unknown.add(e.getKey());
                }
            }
        }
        return unknown;
    }
}
