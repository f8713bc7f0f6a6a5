package io.regionlint.model;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves intrinsic functions for one stack instance. Each node is resolved once per instance;
 * conditions are evaluated once each and memoised, so cost grows with the template, never with
 * the number of condition combinations.
 *
 * <p>{@code resolve} returns {@code null} for {@code AWS::NoValue} (the property is absent).
 */
final class Resolver {

    /** A three-valued condition result. */
    enum Truth { TRUE, FALSE, UNKNOWN }

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
    private final MapNode conditions;
    private final MapNode resources;
    private final Map<String, Truth> conditionCache = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    private final Set<String> namesInProgress = new HashSet<>();

    /** The prefix of the SSM parameters that carry CDK cross-Region references. */
    static final String CDK_EXPORTS = "/cdk/exports/";
    /** The custom resource that writes a producer's values to SSM in each consumer's Region. */
    static final String CDK_EXPORT_WRITER = "Custom::CrossRegionExportWriter";
    /** The custom resource a consumer reads those SSM parameters through. */
    static final String CDK_EXPORT_READER = "Custom::CrossRegionExportReader";

    /**
     * Values the loaded stacks give other stacks: exports by {@link #exportKey} (read by
     * {@code Fn::ImportValue}), CDK cross-Region references by {@link #ssmExportKey}, nested stack
     * outputs by {@link #nestedOutputKey}.
     */
    private final Map<String, Value> exports;
    /** Parameters a parent stack passes with a value that is not known, by name. */
    private final Map<String, UnknownValue> passedUnknown;
    private boolean importsSeen;

    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports) {
        this(stack, root, exports, Map.of());
    }

    Resolver(StackInstance stack, MapNode root, Map<String, Value> exports, Map<String, UnknownValue> passedUnknown) {
        this.stack = stack;
        this.exports = exports;
        this.passedUnknown = passedUnknown;
        this.parameters = section(root, "Parameters");
        this.mappings = section(root, "Mappings");
        this.conditions = section(root, "Conditions");
        this.resources = section(root, "Resources");
    }

    private static MapNode section(MapNode root, String name) {
        return root.get(name).filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElseGet(() -> new MapNode(Map.of(), Map.of(), root.range(), "/" + name));
    }

    // ---- conditions -------------------------------------------------------------------------

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
                List<Node> items = items(args);
                if (items.size() != 1) {
                    return Truth.UNKNOWN;
                }
                Truth t = evaluate(items.get(0));
                return t == Truth.UNKNOWN ? t : (t == Truth.TRUE ? Truth.FALSE : Truth.TRUE);
            }
            case "Fn::And": {
                Truth result = Truth.TRUE;
                for (Node item : items(args)) {
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
                for (Node item : items(args)) {
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
                List<Node> items = items(args);
                if (items.size() != 2) {
                    return Truth.UNKNOWN;
                }
                Value a = resolve(items.get(0));
                Value b = resolve(items.get(1));
                Optional<String> ta = a == null ? Optional.empty() : a.text();
                Optional<String> tb = b == null ? Optional.empty() : b.text();
                if (ta.isEmpty() || tb.isEmpty()) {
                    return Truth.UNKNOWN;
                }
                return ta.get().equals(tb.get()) ? Truth.TRUE : Truth.FALSE;
            }
            default:
                return Truth.UNKNOWN;
        }
    }

    private static List<Node> items(Node node) {
        return node instanceof ListNode list ? list.items() : List.of();
    }

    // ---- values -----------------------------------------------------------------------------

    Value resolve(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.value() instanceof String s && s.contains("{{resolve:")) {
                String trimmed = s.strip();
                if (trimmed.startsWith("{{resolve:ssm:" + CDK_EXPORTS) && trimmed.endsWith("}}")
                        && trimmed.indexOf("}}") == trimmed.length() - 2) {
                    return crossRegionReference(trimmed.substring("{{resolve:ssm:".length(), trimmed.length() - 2), node);
                }
                return new UnknownValue("dynamic reference " + s.substring(s.indexOf("{{resolve:")), node);
            }
            return new ScalarValue(scalar.value(), node);
        }
        if (node instanceof ListNode list) {
            List<Value> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                Value v = resolve(item);
                if (v != null) {
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
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Value v = resolve(e.getValue());
            if (v != null) {
                entries.put(e.getKey(), v);
            }
        }
        return new MapValue(entries, node);
    }

    private Value function(String name, Node args, Node at) {
        switch (name) {
            case "Ref":
                return args instanceof ScalarNode s ? ref(s.text(), at) : unknown("Ref needs a name", at);
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
                Optional<String> text = inner == null ? Optional.empty() : inner.text();
                return text.<Value>map(t -> new ScalarValue(
                        Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)), at))
                        .orElseGet(() -> unknown("Fn::Base64 of a value that is not known", at));
            }
            case "Fn::Length": {
                Value inner = resolve(args);
                return inner instanceof ListValue list ? new ScalarValue((long) list.items().size(), at)
                        : unknown("Fn::Length of a value that is not a known list", at);
            }
            case "Fn::ImportValue":
                return importValue(args, at);
            case "Fn::GetStackOutput":
                return stackOutput(args, at);
            case "Fn::GetAZs":
                return unknown("Fn::GetAZs: Availability Zones are known only at deploy time", at);
            default:
                return unknown(name + " is not evaluated", at);
        }
    }

    /** Exports are per account and Region: an import reads only its own stack's. */
    static String exportKey(Optional<String> account, Optional<String> region, String name) {
        return account.orElse("?") + "|" + region.orElse("?") + "|" + name;
    }

    /** A CDK cross-Region reference: an SSM parameter in one account and Region. */
    static String ssmExportKey(Optional<String> account, String region, String parameterName) {
        return "ssm|" + account.orElse("?") + "|" + region + "|" + parameterName;
    }

    /**
     * An output of a stack as {@code Fn::GetStackOutput} reads it: by stack name and output name,
     * in an account and Region (the reader's unless it names another Region).
     */
    static String stackOutputKey(Optional<String> account, String region, String stackName, String output) {
        return "output|" + account.orElse("?") + "|" + region + "|" + stackName + "|" + output;
    }

    /**
     * {@code Fn::GetStackOutput {StackName, OutputName, Region, RoleArn}}: another stack's output,
     * possibly in another Region (a weak reference; CDK's default for new projects). With a
     * RoleArn the stack may be in another account, which the templates do not tell: unknown.
     */
    private Value stackOutput(Node args, Node at) {
        importsSeen = true;
        Value spec = resolve(args);
        Optional<String> stackName = spec == null ? Optional.empty() : spec.textAt("StackName");
        Optional<String> output = spec == null ? Optional.empty() : spec.textAt("OutputName");
        Optional<String> region = spec != null && spec.at("Region").isPresent() ? spec.textAt("Region")
                : stack.region();
        if (stackName.isEmpty() || output.isEmpty() || region.isEmpty()) {
            return unknown("Fn::GetStackOutput with a stack, output or Region that is not known", at);
        }
        if (spec.at("RoleArn").isPresent()) {
            return unknown("Fn::GetStackOutput of stack '" + stackName.get() + "' through a role in another account",
                    at);
        }
        Value value = exports.get(stackOutputKey(stack.account(), region.get(), stackName.get(), output.get()));
        if (value != null) {
            return locatedAt(value, at);
        }
        return unknown("Fn::GetStackOutput: no loaded stack '" + Tokens.display(stackName.get()) + "' in "
                + region.get() + " has an output '" + output.get() + "'", at);
    }

    /**
     * An output of a nested stack, as its parent reads it ({@code Fn::GetAtt [Nested, Outputs.X]}):
     * by the parent's identity (a parent named {@code app} in two Regions is two parents).
     */
    static String nestedOutputKey(StackId parent, String logicalId, String output) {
        return "nested|" + parent.key() + "|" + logicalId + "|" + output;
    }

    /**
     * What a {@code Custom::CrossRegionExportWriter} writes: {@code WriterProps.exports} maps SSM
     * parameter names ({@code /cdk/exports/<consumer stack>/<id>}) to values, written in the
     * Region {@code WriterProps.region} of the writer's own account.
     */
    static Map<String, Value> writerExports(StackInstance writer, MapValue properties) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<String> region = properties.textAt("WriterProps", "region");
        Optional<Value> exported = properties.at("WriterProps", "exports");
        if (region.isEmpty() || exported.isEmpty() || !(exported.get() instanceof MapValue map)) {
            return out;
        }
        map.entries().forEach((name, value) -> {
            if (name.startsWith(CDK_EXPORTS) && !value.isUnknown()) {
                out.put(ssmExportKey(writer.account(), region.get(), name), value);
            }
        });
        return out;
    }

    /**
     * A CDK cross-Region reference read in this stack: the value the producer's writer put in
     * SSM in this stack's account and Region, where that stack is loaded.
     */
    private Value crossRegionReference(String parameterName, Node at) {
        importsSeen = true;
        if (stack.region().isPresent()) {
            Value written = exports.get(ssmExportKey(stack.account(), stack.region().get(), parameterName));
            if (written != null) {
                return locatedAt(written, at);
            }
        }
        return unknown("CDK cross-Region reference '" + parameterName + "': no loaded stack writes it to "
                + stack.regionLabel(), at);
    }

    /**
     * True once this stack read a value another stack gives (an {@code Fn::ImportValue}, a CDK
     * cross-Region reference, a nested stack's output): it must be resolved again once those
     * values are known.
     */
    boolean importsSeen() {
        return importsSeen;
    }

    private Value importValue(Node args, Node at) {
        importsSeen = true;
        Value exportName = resolve(args);
        Optional<String> name = exportName == null ? Optional.empty() : exportName.text();
        if (name.isEmpty()) {
            return unknown("Fn::ImportValue of a name that is not known", at);
        }
        if (stack.region().isPresent()) {
            Value exported = exports.get(exportKey(stack.account(), stack.region(), name.get()));
            if (exported instanceof ScalarValue scalar) {
                return new ScalarValue(scalar.value(), at); // located at the import, where users read it
            }
            if (exported != null) {
                return exported;
            }
        }
        return unknown("Fn::ImportValue '" + Tokens.display(name.get()) + "': no loaded stack in "
                + stack.regionLabel() + " exports it", at);
    }

    /** The stack's outputs whose value is known and whose condition holds, by output name. */
    Map<String, Value> outputs(MapNode root) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<Node> outputs = root.get("Outputs");
        if (outputs.isEmpty() || !(outputs.get() instanceof MapNode outputMap)) {
            return out;
        }
        for (Map.Entry<String, Node> entry : outputMap.entries().entrySet()) {
            if (!(entry.getValue() instanceof MapNode o) || o.get("Value").isEmpty()) {
                continue;
            }
            Optional<Node> condition = o.get("Condition").filter(ScalarNode.class::isInstance);
            if (condition.isPresent() && condition(((ScalarNode) condition.get()).text()) == Truth.FALSE) {
                continue;
            }
            Value value = resolve(o.get("Value").get());
            if (value != null && !value.isUnknown()) {
                out.put(entry.getKey(), value);
            }
        }
        return out;
    }

    /** The stack's exports: {@code Outputs.*.Export.Name} to the output's value. */
    Map<String, Value> exports(MapNode root) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<Node> outputs = root.get("Outputs");
        if (outputs.isEmpty() || !(outputs.get() instanceof MapNode outputMap)) {
            return out;
        }
        for (Node output : outputMap.entries().values()) {
            if (!(output instanceof MapNode o) || o.get("Value").isEmpty()) {
                continue;
            }
            Optional<Node> exportName = o.get("Export").filter(MapNode.class::isInstance)
                    .flatMap(e -> ((MapNode) e).get("Name"));
            if (exportName.isEmpty()) {
                continue;
            }
            Optional<Node> condition = o.get("Condition").filter(ScalarNode.class::isInstance);
            if (condition.isPresent() && condition(((ScalarNode) condition.get()).text()) == Truth.FALSE) {
                continue;
            }
            Value name = resolve(exportName.get());
            Value value = resolve(o.get("Value").get());
            if (name != null && name.text().isPresent() && value != null && !value.isUnknown()) {
                out.put(exportKey(stack.account(), stack.region(), name.text().get()), value);
            }
        }
        return out;
    }

    /**
     * A scalar picked from elsewhere (a Mappings entry, a list item) is reported where the
     * picking function stands, which is where the user reads the property.
     */
    private static Value locatedAt(Value value, Node at) {
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

    private Value ref(String name, Node at) {
        switch (name) {
            case "AWS::NoValue":
                return null;
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
            return new ScalarValue(physicalName(name), at);
        }
        return unknown("Ref to '" + name + "', which the template does not define", at);
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

    private Value getAtt(Node args, Node at) {
        String resource;
        String attribute;
        if (args instanceof ListNode list && list.items().size() == 2) {
            Value r = resolve(list.items().get(0));
            Value a = resolve(list.items().get(1));
            if (r == null || a == null || r.text().isEmpty() || a.text().isEmpty()) {
                return unknown("Fn::GetAtt with arguments that are not known", at);
            }
            resource = r.text().get();
            attribute = a.text().get();
        } else if (args instanceof ScalarNode s && s.text().contains(".")) {
            resource = s.text().substring(0, s.text().indexOf('.'));
            attribute = s.text().substring(s.text().indexOf('.') + 1);
        } else {
            return unknown("Fn::GetAtt needs a resource and an attribute", at);
        }
        Optional<Node> declaration = resources.get(resource);
        if (declaration.isEmpty()) {
            return unknown("Fn::GetAtt to '" + resource + "', which the template does not define", at);
        }
        String type = declaration.get() instanceof MapNode r ? r.get("Type").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("") : "";
        if (type.equals(CDK_EXPORT_READER) && attribute.startsWith(CDK_EXPORTS)) {
            return crossRegionReference(attribute, at);
        }
        if (type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.")) {
            String output = attribute.substring("Outputs.".length());
            importsSeen = true;
            Value value = exports.get(nestedOutputKey(stack.id(), resource, output));
            return value != null ? locatedAt(value, at)
                    : unknown("output '" + output + "' of nested stack '" + resource + "': its template is not"
                    + " loaded or the output is not known", at);
        }
        if (type.equals("AWS::S3::Bucket")) {
            String partition = stack.region().map(Regions::partition).orElse("aws");
            String name = physicalName(resource);
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
                } else {
                    v = ref(name, at);
                }
                if (v == null) {
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
            return unknown("Fn::Join needs a delimiter and a list", at);
        }
        Value delimiter = resolve(items.get(0));
        Value list = resolve(items.get(1));
        if (delimiter == null || delimiter.text().isEmpty()) {
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
            return unknown("Fn::Select needs an index and a list", at);
        }
        Value index = resolve(items.get(0));
        Value list = resolve(items.get(1));
        if (!(list instanceof ListValue values)) {
            return list instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Select from a value that is not a list", at);
        }
        try {
            int i = Integer.parseInt(index == null ? "" : index.text().orElse(""));
            if (i < 0 || i >= values.items().size()) {
                return unknown("Fn::Select index " + i + " is outside the list", at);
            }
            return locatedAt(values.items().get(i), at);
        } catch (NumberFormatException e) {
            return unknown("Fn::Select index is not a known number", at);
        }
    }

    private Value split(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 2) {
            return unknown("Fn::Split needs a delimiter and a string", at);
        }
        Value delimiter = resolve(items.get(0));
        Value source = resolve(items.get(1));
        if (delimiter == null || delimiter.text().isEmpty() || delimiter.text().get().isEmpty()) {
            return unknown("Fn::Split delimiter is not known", at);
        }
        if (source == null || source.text().isEmpty()) {
            return source instanceof UnknownValue u ? new UnknownValue(u.reason(), at)
                    : unknown("Fn::Split of a value that is not a string", at);
        }
        List<Value> parts = new ArrayList<>();
        String text = source.text().get();
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
        if (items.size() < 3) {
            return unknown("Fn::FindInMap needs a map, a top-level key and a second-level key", at);
        }
        String[] keys = new String[3];
        for (int i = 0; i < 3; i++) {
            Value v = resolve(items.get(i));
            if (v == null || v.text().isEmpty()) {
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
        return unknown("Fn::FindInMap: mapping " + keys[0] + "/" + keys[1] + "/" + keys[2] + " does not exist", at);
    }

    private Value ifFunction(Node args, Node at) {
        List<Node> items = items(args);
        if (items.size() != 3 || !(items.get(0) instanceof ScalarNode name)) {
            return unknown("Fn::If needs a condition name and two values", at);
        }
        return switch (condition(name.text())) {
            case TRUE -> resolve(items.get(1));
            case FALSE -> resolve(items.get(2));
            case UNKNOWN -> unknown("condition '" + name.text() + "' cannot be decided for this stack", at);
        };
    }
}
