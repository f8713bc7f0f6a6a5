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

/**
 * The part of the SAM transform ({@code AWS::Serverless-2016-10-31}) that the rules need, applied
 * as SAM documents it: an {@code AWS::Serverless::SimpleTable} becomes an
 * {@code AWS::DynamoDB::Table} of the same logical id (primary key {@code id} of type String
 * unless given; on-demand unless throughput is given), and an {@code AWS::Serverless::Function}
 * becomes an {@code AWS::Lambda::Function} of the same logical id with, unless it names a
 * {@code Role}, an {@code AWS::IAM::Role} {@code <id>Role} trusted by Lambda, with
 * AWSLambdaBasicExecutionRole, the managed policies and the policy documents of its
 * {@code Policies}. What is not applied (other serverless types, policy templates, event
 * sources, {@code Globals}) is listed for the RL1008 note. Generated nodes carry the ranges of
 * the SAM resource they come from, so findings point at what the user wrote.
 */
final class ServerlessTransform {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    private static final List<String> LAMBDA_PROPERTIES = List.of("FunctionName", "Runtime", "Handler", "MemorySize",
            "Timeout", "Environment", "KmsKeyArn", "VpcConfig", "Architectures", "Layers",
            "ReservedConcurrentExecutions");
    private static final List<String> TABLE_PROPERTIES = List.of("TableName", "SSESpecification",
            "PointInTimeRecoverySpecification");
    private static final List<String> ATTRIBUTES = List.of("Condition", "DependsOn", "Metadata", "DeletionPolicy",
            "UpdateReplacePolicy");

    /**
     * @param root the template with SimpleTables and functions replaced
     * @param notApplied what SAM would also create that is not modelled, one phrase each
     */
    record Applied(MapNode root, List<String> notApplied) {
    }

    private ServerlessTransform() {
    }

    static Applied apply(MapNode root) {
        Optional<Node> section = root.get("Resources");
        List<String> notApplied = new ArrayList<>();
        if (section.isEmpty() || !(section.get() instanceof MapNode resources)) {
            return new Applied(root, notApplied);
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keys = new HashMap<>();
        List<String> otherTypes = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<String> events = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
            String id = e.getKey();
            SourceRange key = resources.keyRange(i++);
            String type = e.getValue() instanceof MapNode r ? r.get("Type").filter(ScalarNode.class::isInstance)
                    .map(t -> ((ScalarNode) t).text()).orElse("") : "";
            MapNode r = e.getValue() instanceof MapNode m ? m : null;
            if (type.equals(SIMPLE_TABLE)) {
                put(entries, keys, id, table(r), key);
            } else if (type.equals(FUNCTION)) {
                MapNode props = properties(r);
                if (props.get("Role").isEmpty()) {
                    put(entries, keys, id + "Role", role(id, r, props, templates), key);
                }
                put(entries, keys, id, function(id, r, props), key);
                if (props.get("Events").isPresent() || props.get("AutoPublishAlias").isPresent()
                        || props.get("DeploymentPreference").isPresent()) {
                    events.add(id);
                }
            } else {
                if (type.startsWith("AWS::Serverless::")) {
                    otherTypes.add(id + " (" + type + ")");
                }
                put(entries, keys, id, e.getValue(), key);
            }
        }
        if (!otherTypes.isEmpty()) {
            notApplied.add("what it creates from " + String.join(", ", otherTypes));
        }
        if (!templates.isEmpty()) {
            notApplied.add("the permissions of SAM policy templates (" + String.join(", ", templates) + ")");
        }
        if (!events.isEmpty()) {
            notApplied.add("the event sources, aliases and deployments of " + IntrinsicFunctions.quoted(events));
        }
        if (root.get("Globals").isPresent()) {
            notApplied.add("the Globals section's settings");
        }
        MapNode newResources = new MapNode(entries, keys, resources.range(), resources.path());
        Map<String, Node> rootEntries = new LinkedHashMap<>(root.entries());
        rootEntries.put("Resources", newResources);
        return new Applied(new MapNode(rootEntries, root.keyPositions(), root.range(), root.path()), notApplied);
    }

    private static void put(Map<String, Node> entries, Map<String, SourceRange> keys, String id, Node node,
                            SourceRange key) {
        if (entries.putIfAbsent(id, node) == null) {
            keys.put(id, key);
        }
    }

    private static MapNode table(MapNode r) {
        MapNode props = properties(r);
        Map<String, Node> out = new LinkedHashMap<>();
        copy(props, TABLE_PROPERTIES, out);
        MapNode key = props.get("PrimaryKey").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElse(null);
        Node at = key != null ? key : r;
        Node name = key != null ? key.get("Name").orElse(scalar("id", at)) : scalar("id", at);
        Node type = key != null ? key.get("Type").map(ServerlessTransform::attributeType).orElse(scalar("S", at))
                : scalar("S", at);
        out.put("AttributeDefinitions", list(at, map(at, "AttributeName", name, "AttributeType", type)));
        out.put("KeySchema", list(at, map(at, "AttributeName", name, "KeyType", scalar("HASH", at))));
        if (props.get("ProvisionedThroughput").isPresent()) {
            out.put("ProvisionedThroughput", props.get("ProvisionedThroughput").get());
        } else {
            out.put("BillingMode", scalar("PAY_PER_REQUEST", r));
        }
        props.get("Tags").ifPresent(tags -> out.put("Tags", tags(tags)));
        return resource(r, "AWS::DynamoDB::Table", out, props);
    }

    /** SimpleTable's String, Number, Binary as DynamoDB's S, N, B; anything else as written. */
    private static Node attributeType(Node type) {
        if (type instanceof ScalarNode s) {
            switch (s.text()) {
                case "String": return scalar("S", s);
                case "Number": return scalar("N", s);
                case "Binary": return scalar("B", s);
                default: return s;
            }
        }
        return type;
    }

    private static MapNode function(String id, MapNode r, MapNode props) {
        Map<String, Node> out = new LinkedHashMap<>();
        copy(props, LAMBDA_PROPERTIES, out);
        Node role = props.get("Role").orElseGet(() -> map(props, "Fn::GetAtt",
                list(props, scalar(id + "Role", props), scalar("Arn", props))));
        out.put("Role", role);
        return resource(r, "AWS::Lambda::Function", out, props);
    }

    /** The role SAM creates for a function without one: {@code <id>Role}. */
    private static MapNode role(String id, MapNode r, MapNode props, List<String> templates) {
        Node at = props.get("Policies").orElse(r);
        List<Node> managed = new ArrayList<>();
        managed.add(map(at, "Fn::Sub", scalar("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                + "AWSLambdaBasicExecutionRole", at)));
        List<Node> inline = new ArrayList<>();
        List<Node> policies = props.get("Policies").map(p -> p instanceof ListNode l ? l.items() : List.of(p))
                .orElse(List.of());
        for (Node policy : policies) {
            if (policy instanceof ScalarNode name) {
                managed.add(name.text().startsWith("arn:") ? name : map(name, "Fn::Sub",
                        scalar("arn:${AWS::Partition}:iam::aws:policy/" + name.text(), name)));
            } else if (policy instanceof MapNode doc && doc.get("Statement").isPresent()) {
                inline.add(map(doc, "PolicyName", scalar(id + "RolePolicy" + inline.size(), doc),
                        "PolicyDocument", doc));
            } else if (policy instanceof MapNode fn && fn.entries().size() == 1
                    && isFunction(fn.entries().keySet().iterator().next())) {
                managed.add(fn); // a managed policy ARN given by a function
            } else if (policy instanceof MapNode template && template.entries().size() == 1) {
                templates.add(template.entries().keySet().iterator().next() + " of '" + id + "'");
            }
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Node trust = map(r, "Version", scalar("2012-10-17", r), "Statement", list(r, map(r,
                "Effect", scalar("Allow", r),
                "Principal", map(r, "Service", list(r, scalar("lambda.amazonaws.com", r))),
                "Action", list(r, scalar("sts:AssumeRole", r)))));
        out.put("AssumeRolePolicyDocument", trust);
        out.put("ManagedPolicyArns", new ListNode(managed, at.range(), at.path()));
        if (!inline.isEmpty()) {
            out.put("Policies", new ListNode(inline, at.range(), at.path()));
        }
        props.get("PermissionsBoundary").ifPresent(b -> out.put("PermissionsBoundary", b));
        props.get("RolePath").ifPresent(p -> out.put("Path", p));
        return resource(r, "AWS::IAM::Role", out, props);
    }

    private static boolean isFunction(String key) {
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /** SAM's {@code Tags} map as CloudFormation's list of Key/Value. */
    private static Node tags(Node tags) {
        if (!(tags instanceof MapNode map)) {
            return tags;
        }
        List<Node> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            SourceRange key = map.keyRange(i++);
            out.add(map(e.getValue(), "Key", new ScalarNode(e.getKey(), key, e.getValue().path()), "Value",
                    e.getValue()));
        }
        return new ListNode(out, map.range(), map.path());
    }

    private static MapNode resource(MapNode r, String type, Map<String, Node> properties, MapNode propsNode) {
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("Type", scalar(type, r.get("Type").orElse(r)));
        out.put("Properties", new MapNode(properties, Map.of(), propsNode.range(), propsNode.path()));
        for (String attribute : ATTRIBUTES) {
            r.get(attribute).ifPresent(a -> out.put(attribute, a));
        }
        return new MapNode(out, Map.of(), r.range(), r.path());
    }

    private static MapNode properties(MapNode r) {
        return r.get("Properties").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElseGet(() -> new MapNode(Map.of(), Map.of(), r.range(), r.path()));
    }

    private static void copy(MapNode from, List<String> names, Map<String, Node> to) {
        for (String name : names) {
            from.get(name).ifPresent(v -> to.put(name, v));
        }
    }

    private static ScalarNode scalar(String value, Node at) {
        return new ScalarNode(value, at.range(), at.path());
    }

    private static ListNode list(Node at, Node... items) {
        return new ListNode(List.of(items), at.range(), at.path());
    }

    private static MapNode map(Node at, Object... keysAndValues) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
        }
        return new MapNode(entries, Map.of(), at.range(), at.path());
    }
}
