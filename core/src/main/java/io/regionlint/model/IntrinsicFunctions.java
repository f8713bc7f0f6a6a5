package io.regionlint.model;

import io.regionlint.load.CompactMap;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The intrinsic functions of one stack instance: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::FindInMap}, {@code Fn::If} and the rest. Each node is resolved once per instance.
 * Values read from other stacks go through {@link CrossStackValues}; {@code Fn::If} asks the
 * stack's {@link Conditions}.
 */
final class IntrinsicFunctions {

    /** The CloudFormation name property per type: where {@code Ref} can be known from the template. */
    private static final Map<String, String> NAME_PROPERTY = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::DynamoDB::GlobalTable", "TableName"),
            Map.entry("AWS::RDS::DBCluster", "DBClusterIdentifier"),
            Map.entry("AWS::RDS::GlobalCluster", "GlobalClusterIdentifier"),
            Map.entry("AWS::RDS::DBInstance", "DBInstanceIdentifier"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::IAM::User", "UserName"),
            Map.entry("AWS::IAM::Group", "GroupName"),
            Map.entry("AWS::IAM::InstanceProfile", "InstanceProfileName"),
            Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::RDS::DBClusterParameterGroup", "DBClusterParameterGroupName"));

    private final StackInstance stack;
    private final MapNode parameters;
    private final MapNode mappings;
    private final MapNode resources;
    private final Conditions conditions;
    private final CrossStackValues crossStack;
    private final Map<String, String> physicalNames = new HashMap<>();
    /** The names being resolved, in order: a name met again is a reference cycle. */
    private final Set<String> namesInProgress = new LinkedHashSet<>();
    /** Resources whose names are built from each other in a cycle: their names stay unknown. */
    private final Set<String> cyclicNames = new HashSet<>();
    private final Diagnostics diagnostics;
    /**
     * False where the template holds resources that were not modelled (a loop that could not be
     * expanded, a transform): a reference to a name it does not declare may then be to one of
     * those, so it is unknown rather than invalid.
     */
    private final boolean complete;
    /** Parameters a parent stack passes with a value that is not known, by name. */
    private final Map<String, UnknownValue> passedUnknown;

    IntrinsicFunctions(StackInstance stack, MapNode root, CrossStackValues crossStack,
                       Map<String, UnknownValue> passedUnknown, Diagnostics diagnostics, boolean complete) {
        this.stack = stack;
        this.diagnostics = diagnostics;
        this.complete = complete;
        this.crossStack = crossStack;
        this.passedUnknown = passedUnknown;
        this.parameters = section(root, "Parameters");
        this.mappings = section(root, "Mappings");
        this.resources = section(root, "Resources");
        this.conditions = new Conditions(section(root, "Conditions"), this::resolve, diagnostics, complete);
    }

    private static MapNode section(MapNode root, String name) {
        return root.get(name).filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElseGet(() -> new MapNode(Map.of(), Map.of(), root.range(), "/" + name));
    }

    Conditions conditions() {
        return conditions;
    }

    static List<Node> items(Node node) {
        return node instanceof ListNode list ? list.items() : List.of();
    }

    // ---- values -----------------------------------------------------------------------------

    Value resolve(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.value() instanceof String s && s.contains("{{resolve:")) {
                String trimmed = s.strip();
                if (trimmed.startsWith("{{resolve:ssm:" + CrossStackValues.CDK_EXPORTS) && trimmed.endsWith("}}")
                        && trimmed.indexOf("}}") == trimmed.length() - 2) {
                    return crossStack.crossRegionReference(trimmed.substring("{{resolve:ssm:".length(), trimmed.length() - 2), node);
                }
                return new UnknownValue("dynamic reference " + s.substring(s.indexOf("{{resolve:")), node);
            }
            return new ScalarValue(scalar.value(), node);
        }
        if (node instanceof ListNode list) {
            List<Value> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                Value v = resolve(item);
                if (!(v instanceof NoValue)) {
                    items.add(v);
                }
            }
            return new ListValue(items, node);
        }
        MapNode map = (MapNode) node;
        if (map.entries().size() == 1) {
            Map.Entry<String, Node> only = map.entries().entrySet().iterator().next();
            String key = only.getKey();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, only.getValue(), node);
            }
        }
        // the values in the mapping's key order; without an AWS::NoValue among them the value map
        // shares the template mapping's keys (CompactMap.withKeysOf)
        Value[] values = new Value[map.entries().size()];
        boolean dropped = false;
        int i = 0;
        for (Node item : map.entries().values()) {
            Value v = resolve(item);
            dropped |= v instanceof NoValue;
            values[i++] = v;
        }
        if (!dropped) {
            return new MapValue(CompactMap.withKeysOf(map.entries(), values), node);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        i = 0;
        for (String key : map.entries().keySet()) {
            if (!(values[i] instanceof NoValue)) {
                entries.put(key, values[i]);
            }
            i++;
        }
        return new MapValue(entries, node);
    }

    private Value function(String name, Node args, Node at) {
        switch (name) {
            case "Ref":
                return refFunction(args, at);
            case "Fn::GetAtt":
                return getAtt(args, at);
            case "Fn::Sub":
                return sub(args, at);
            case "Fn::Join":
                return join(args, at);
            case "Fn::Select":
                return select(args, at);
            case "Fn::Split":
                return split(args, at);
            case "Fn::FindInMap":
                return findInMap(args, at);
            case "Fn::If":
                return ifFunction(args, at);
            case "Fn::Base64": {
                Value inner = resolve(args);
                Optional<String> text = inner.text();
                return text.<Value>map(t -> new ScalarValue(
                        Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)), at))
                        .orElseGet(() -> unknown("Fn::Base64 of a value that is not known", at));
            }
            case "Fn::Length": {
                Value inner = resolve(args);
                return inner instanceof ListValue list ? new ScalarValue((long) list.items().size(), at)
                        : unknown("Fn::Length of a value that is not a known list", at);
            }
            case "Fn::ToJsonString":
                return JsonText.of(resolve(args)).<Value>map(json -> new ScalarValue(json, at))
                        .orElseGet(() -> unknown("Fn::ToJsonString of a value that is not fully known", at));
            case "Fn::ImportValue":
                return crossStack.importValue(resolve(args), at);
            case "Fn::GetStackOutput":
                return crossStack.stackOutput(resolve(args), at);
            case "Fn::GetAZs":
                return unknown("Fn::GetAZs: Availability Zones are known only at deploy time", at);
            default:
                return unknown(name + " is not evaluated", at);
        }
    }

    /**
     * A scalar picked from elsewhere (a Mappings entry, a list item) is reported where the
     * picking function stands, which is where the user reads the property.
     */
    static Value locatedAt(Value value, Node at) {
        if (value instanceof ScalarValue scalar) {
            return new ScalarValue(scalar.value(), at);
        }
        if (value instanceof UnknownValue unknown) {
            return new UnknownValue(unknown.reason(), at);
        }
        return value;
    }

    private static UnknownValue unknown(String reason, Node at) {
        return new UnknownValue(reason, at);
    }

    /**
     * An intrinsic CloudFormation would reject: reported (RL1007) at the function, and the value
     * is unknown so that the run carries on.
     *
     * @param problem what is wrong, which is also the unknown value's reason
     * @param fix what to change
     */
    private UnknownValue invalid(String problem, String fix, Node at) {
        diagnostics.invalid(at, problem + "; CloudFormation rejects the template. " + fix);
        return unknown(problem, at);
    }

    /**
     * {@code Ref} to a name, or (with AWS::LanguageExtensions) to a function that gives one,
     * such as {@code !Ref {Fn::Sub: "Subnet${Suffix}"}} in a loop.
     */
    private Value refFunction(Node args, Node at) {
        if (args instanceof ScalarNode s) {
            return ref(s.text(), at);
        }
        if (args instanceof MapNode) {
            Value name = resolve(args);
            return name.text().<Value>map(n -> ref(n, at)).orElseGet(() -> name instanceof UnknownValue u
                    ? new UnknownValue(u.reason(), at) : unknown("Ref to a name that is not known", at));
        }
        return invalid("Ref needs the name of a parameter or resource", "Write Ref: LogicalName", at);
    }

    /** The pseudo parameters CloudFormation knows; any other AWS:: name is undefined. */
    private static final Set<String> PSEUDO = Set.of("AWS::NoValue", "AWS::Region", "AWS::AccountId",
            "AWS::Partition", "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs");

    /** A name {@code Ref} and {@code Fn::Sub} can use in this template. */
    private boolean defined(String name) {
        return PSEUDO.contains(name) || parameters.get(name).isPresent() || resources.get(name).isPresent();
    }

    private Value ref(String name, Node at) {
        switch (name) {
            case "AWS::NoValue":
                return new NoValue(at);
            case "AWS::Region":
                return stack.region().<Value>map(r -> new ScalarValue(r, at))
                        .orElseGet(() -> unknown("the stack's Region is not known", at));
            case "AWS::AccountId":
                return stack.account().<Value>map(a -> new ScalarValue(a, at))
                        .orElseGet(() -> unknown("the stack's account is not known", at));
            case "AWS::Partition":
                return stack.region().<Value>map(r -> new ScalarValue(Regions.partition(r), at))
                        .orElseGet(() -> new ScalarValue("aws", at));
            case "AWS::URLSuffix":
                return new ScalarValue(stack.region().map(Regions::urlSuffix).orElse("amazonaws.com"), at);
            case "AWS::StackName":
                return new ScalarValue(stack.name(), at);
            case "AWS::StackId":
            case "AWS::NotificationARNs":
                return unknown(name + " is known only at deploy time", at);
            default:
                break;
        }
        Optional<Node> parameter = parameters.get(name);
        if (parameter.isPresent()) {
            return parameter(name, parameter.get(), at);
        }
        if (resources.get(name).isPresent()) {
            String physical = physicalName(name);
            return cyclicNames.contains(name) ? cyclic(name, at) : new ScalarValue(physical, at);
        }
        return undefined("Ref to '" + name + "'", name, at);
    }

    /** A reference to a name the template does not declare. */
    private UnknownValue undefined(String what, String name, Node at) {
        String problem = what + ", which the template does not define";
        if (!complete) {
            return unknown(problem + " (it may be one of the resources that were not modelled)", at);
        }
        return invalid(problem, "Declare '" + name + "' as a parameter or resource, or correct the name", at);
    }

    private static UnknownValue cyclic(String logicalId, Node at) {
        return unknown("the name of '" + logicalId + "' is part of a reference cycle", at);
    }

    private Value parameter(String name, Node declaration, Node at) {
        String given = stack.parameters().get(name);
        String type = declaration instanceof MapNode m ? m.get("Type").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("String") : "String";
        String text;
        if (given != null) {
            text = given;
        } else if (passedUnknown.containsKey(name)) {
            return unknown("parameter '" + name + "' is passed by the parent stack as a value that is not known ("
                    + passedUnknown.get(name).reason() + ")", at);
        } else {
            Optional<Node> def = declaration instanceof MapNode m ? m.get("Default") : Optional.empty();
            if (def.isEmpty()) {
                return unknown("parameter '" + name + "' has no value and no default", at);
            }
            Node d = def.get();
            if (d instanceof ListNode list) {
                List<Value> items = new ArrayList<>();
                for (Node item : list.items()) {
                    items.add(new ScalarValue(item instanceof ScalarNode s ? s.text() : "", at));
                }
                return new ListValue(items, at);
            }
            if (!(d instanceof ScalarNode s)) {
                return unknown("parameter '" + name + "' has a default that is not a value", at);
            }
            text = s.text();
        }
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")
                || type.startsWith("AWS::SSM::Parameter::Value<List<")
                || type.equals("AWS::SSM::Parameter::Value<CommaDelimitedList>")) {
            if (type.startsWith("AWS::SSM::")) {
                return unknown("parameter '" + name + "' is read from SSM at deploy time", at);
            }
            List<Value> items = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                items.add(new ScalarValue(part.trim(), at));
            }
            return new ListValue(items, at);
        }
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            return unknown("parameter '" + name + "' is read from SSM at deploy time", at);
        }
        return new ScalarValue(text, at);
    }

    /** What {@code Ref} to a resource gives: its literal name where known, else a token. */
    String physicalName(String logicalId) {
        String cached = physicalNames.get(logicalId);
        if (cached != null) {
            return cached;
        }
        String name = Tokens.ref(stack.id(), logicalId);
        if (namesInProgress.contains(logicalId)) {
            nameCycle(logicalId);
            return name; // not cached: the outer resolution of this name decides it
        }
        if (namesInProgress.add(logicalId)) {
            Optional<Node> resource = resources.get(logicalId);
            if (resource.isPresent() && resource.get() instanceof MapNode r) {
                String type = r.get("Type").filter(ScalarNode.class::isInstance)
                        .map(n -> ((ScalarNode) n).text()).orElse("");
                String property = NAME_PROPERTY.get(type);
                Optional<Node> props = r.get("Properties");
                if (property != null && props.isPresent() && props.get() instanceof MapNode p) {
                    Optional<Node> nameNode = p.get(property);
                    if (nameNode.isPresent()) {
                        Value v = resolve(nameNode.get());
                        if (v instanceof ScalarValue s && s.value() != null && !s.text().orElse("").isEmpty()) {
                            name = s.text().get();
                        }
                    }
                }
            }
            namesInProgress.remove(logicalId);
        }
        physicalNames.put(logicalId, name);
        return name;
    }

    /**
     * A name met while it is being resolved: the names from its first resolution on are built
     * from each other, which CloudFormation rejects as a circular dependency. Each stays unknown
     * (a name holding another's token would join a bucket to itself).
     */
    private void nameCycle(String logicalId) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String n : namesInProgress) {
            in |= n.equals(logicalId);
            if (in) {
                cycle.add(n);
            }
        }
        cyclicNames.addAll(cycle);
        cycle.add(logicalId);
        Node at = resources.get(cycle.get(cycle.size() - 2)).orElse(resources);
        Node nameNode = at instanceof MapNode r ? r.get("Properties").filter(MapNode.class::isInstance)
                .flatMap(p -> ((MapNode) p).get(NAME_PROPERTY.getOrDefault(r.get("Type")
                        .filter(ScalarNode.class::isInstance).map(t -> ((ScalarNode) t).text()).orElse(""), "")))
                .orElse(at) : at;
        diagnostics.invalid(nameNode, "The names of " + quoted(cycle.subList(0, cycle.size() - 1))
                + " are built from each other in a cycle (" + String.join(" -> ", cycle) + ")"
                + "; CloudFormation rejects the template as a circular dependency. Build one of these names"
                + " without the other (from a parameter or AWS::StackName, say)");
    }

    private Value getAtt(Node args, Node at) {
        String resource;
        String attribute;
        if (args instanceof ListNode list && list.items().size() == 2) {
            Value r = resolve(list.items().get(0));
            Value a = resolve(list.items().get(1));
            if (r.text().isEmpty() || a.text().isEmpty()) {
                return r instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                        : unknown("Fn::GetAtt with arguments that are not known", at);
            }
            resource = r.text().get();
            attribute = a.text().get();
        } else if (args instanceof ScalarNode s && s.text().contains(".")) {
            resource = s.text().substring(0, s.text().indexOf('.'));
            attribute = s.text().substring(s.text().indexOf('.') + 1);
        } else {
            return invalid("Fn::GetAtt needs a resource and an attribute", "Write Fn::GetAtt: [LogicalName,"
                    + " Attribute] or !GetAtt LogicalName.Attribute", at);
        }
        Optional<Node> declaration = resources.get(resource);
        if (declaration.isEmpty()) {
            return undefined("Fn::GetAtt to '" + resource + "'", resource, at);
        }
        String type = declaration.get() instanceof MapNode r ? r.get("Type").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("") : "";
        if (type.equals(CrossStackValues.CDK_EXPORT_READER) && attribute.startsWith(CrossStackValues.CDK_EXPORTS)) {
            return crossStack.crossRegionReference(attribute, at);
        }
        if (type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.")) {
            String output = attribute.substring("Outputs.".length());
            return crossStack.nestedOutput(resource, output, at);
        }
        if (type.equals("AWS::S3::Bucket")) {
            String partition = stack.region().map(Regions::partition).orElse("aws");
            String name = physicalName(resource);
            if (cyclicNames.contains(resource)) {
                return cyclic(resource, at);
            }
            switch (attribute) {
                case "Arn":
                    return new ScalarValue("arn:" + partition + ":s3:::" + name, at);
                case "DomainName":
                    return new ScalarValue(name + ".s3.amazonaws.com", at);
                default:
                    break;
            }
        }
        return new ScalarValue(Tokens.attribute(stack.id(), resource, attribute), at);
    }

    private Value sub(Node args, Node at) {
        String template;
        Map<String, Value> variables = new HashMap<>();
        if (args instanceof ScalarNode s) {
            template = s.text();
        } else if (args instanceof ListNode list && !list.items().isEmpty()
                && list.items().get(0) instanceof ScalarNode s) {
            template = s.text();
            if (list.items().size() > 1 && list.items().get(1) instanceof MapNode vars) {
                for (Map.Entry<String, Node> e : vars.entries().entrySet()) {
                    variables.put(e.getKey(), resolve(e.getValue()));
                }
            }
        } else {
            return unknown("Fn::Sub needs a string", at);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0) {
                out.append(template, open, template.length());
                break;
            }
            String name = template.substring(open + 2, close);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                Value v;
                if (variables.containsKey(name)) {
                    v = variables.get(name);
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    v = getAtt(new ScalarNode(name, at.range(), at.pointer()), at);
                } else if (!defined(name)) {
                    v = undefined("Fn::Sub names '${" + name + "}'", name, at);
                } else {
                    v = ref(name, at);
                }
                if (v instanceof NoValue) {
                    v = new ScalarValue("", at);
                }
                Optional<String> text = v.text();
                if (text.isEmpty()) {
                    return v instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                            : unknown("Fn::Sub variable '" + name + "' is not a string", at);
                }
                out.append(text.get());
            }
            i = close + 1;
        }
        String result = out.toString();
        if (result.contains("{{resolve:")) {
            return unknown("dynamic reference " + result.substring(result.indexOf("{{resolve:")), at);
        }
        return new ScalarValue(result, at);
    }

    private Value join(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 2) {
            return invalid("Fn::Join takes a delimiter and a list, here " + count(args), "Write Fn::Join:"
                    + " [delimiter, [values]]", at);
        }
        Value delimiter = resolve(items.get(0));
        Value list = resolve(items.get(1));
        if (delimiter.text().isEmpty()) {
            return unknown("Fn::Join delimiter is not known", at);
        }
        if (!(list instanceof ListValue values)) {
            return list instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Join of a value that is not a list", at);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.items().size(); i++) {
            Value v = values.items().get(i);
            if (v.text().isEmpty()) {
                return v instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                        : unknown("Fn::Join of a value that is not a string", at);
            }
            if (i > 0) {
                out.append(delimiter.text().get());
            }
            out.append(v.text().get());
        }
        return new ScalarValue(out.toString(), at);
    }

    private Value select(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 2) {
            return invalid("Fn::Select takes an index and a list, here " + count(args), "Write Fn::Select:"
                    + " [index, [values]]", at);
        }
        Value index = resolve(items.get(0));
        Value list = resolve(items.get(1));
        if (!(list instanceof ListValue values)) {
            return list instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Select from a value that is not a list", at);
        }
        try {
            int i = Integer.parseInt(index.text().orElse(""));
            if (i < 0 || i >= values.items().size()) {
                return invalid("Fn::Select index " + i + " is outside the list of " + values.items().size()
                        + " value" + (values.items().size() == 1 ? "" : "s"), "Select an index from 0 to "
                        + (values.items().size() - 1) + ", or give the list the values it lacks", at);
            }
            return locatedAt(values.items().get(i), at);
        } catch (NumberFormatException e) {
            if (index.text().isPresent()) {
                return invalid("Fn::Select index '" + index.text().get() + "' is not a number",
                        "Give the index as a whole number", at);
            }
            return index instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Select index is not a known number", at);
        }
    }

    private Value split(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 2) {
            return invalid("Fn::Split takes a delimiter and a string, here " + count(args), "Write Fn::Split:"
                    + " [delimiter, string]", at);
        }
        Value delimiter = resolve(items.get(0));
        Value source = resolve(items.get(1));
        if (delimiter.text().isEmpty() || delimiter.text().get().isEmpty()) {
            return unknown("Fn::Split delimiter is not known", at);
        }
        if (source.text().isEmpty()) {
            return source instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Split of a value that is not a string", at);
        }
        String text = source.text().get();
        if (Tokens.containsToken(text)) {
            // A token stands for a value CloudFormation fills in at deploy time (an ARN, a URL),
            // which may itself hold the delimiter: neither the parts nor their count are known.
            return unknown("Fn::Split of a value only known once the stack is deployed", at);
        }
        List<Value> parts = new ArrayList<>();
        String delim = delimiter.text().get();
        int from = 0;
        while (true) {
            int next = text.indexOf(delim, from);
            if (next < 0) {
                parts.add(new ScalarValue(text.substring(from), at));
                break;
            }
            parts.add(new ScalarValue(text.substring(from, next), at));
            from = next + delim.length();
        }
        return new ListValue(parts, at);
    }

    private Value findInMap(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() < 3 || items.size() > 4) {
            return invalid("Fn::FindInMap takes a map name, a top-level key, a second-level key and optionally"
                    + " a DefaultValue, here " + count(args), "Write Fn::FindInMap: [MapName, TopLevelKey,"
                    + " SecondLevelKey]", at);
        }
        String[] keys = new String[3];
        for (int i = 0; i < 3; i++) {
            Value v = resolve(items.get(i));
            if (v.text().isEmpty()) {
                return v instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                        : unknown("Fn::FindInMap key is not known", at);
            }
            keys[i] = v.text().get();
        }
        Optional<Node> found = mappings.get(keys[0]).filter(MapNode.class::isInstance)
                .flatMap(m -> ((MapNode) m).get(keys[1])).filter(MapNode.class::isInstance)
                .flatMap(m -> ((MapNode) m).get(keys[2]));
        if (found.isPresent()) {
            return locatedAt(resolve(found.get()), at);
        }
        if (items.size() == 4 && items.get(3) instanceof MapNode options && options.get("DefaultValue").isPresent()) {
            return resolve(options.get("DefaultValue").get());
        }
        return invalid("Fn::FindInMap: Mappings has no " + keys[0] + "/" + keys[1] + "/" + keys[2],
                "Add the entry to Mappings, or"
                + " give a DefaultValue (with Transform: AWS::LanguageExtensions)", at);
    }

    private Value ifFunction(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 3 || !(items.get(0) instanceof ScalarNode name)) {
            return invalid("Fn::If takes a condition name and two values, here " + count(args), "Write Fn::If:"
                    + " [ConditionName, valueIfTrue, valueIfFalse]", at);
        }
        return switch (conditions.condition(name.text(), name)) {
            case TRUE -> resolve(items.get(1));
            case FALSE -> resolve(items.get(2));
            case UNKNOWN -> unknown("condition '" + name.text() + "' cannot be decided for this stack", at);
        };
    }

    /** "3 arguments", "1 argument", "a single value": how many arguments a function was given. */
    static String count(Node args) {
        if (!(args instanceof ListNode list)) {
            return "a single value";
        }
        int n = list.items().size();
        return n + (n == 1 ? " argument" : " arguments");
    }

    /** 'A'; 'A' and 'B'; 'A', 'B' and 'C'. */
    static String quoted(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append('\'').append(names.get(i))
                    .append('\'');
        }
        return out.toString();
    }
}
