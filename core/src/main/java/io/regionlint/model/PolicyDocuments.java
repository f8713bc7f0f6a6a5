package io.regionlint.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.load.Located;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads IAM policy documents (maps, or JSON strings as IAM also accepts) into statements. */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** The statements of a document; empty when the document itself is unknown. */
    static Optional<List<PolicyStatement>> statements(Resource owner, Value document) {
        Value doc = document;
        if (doc instanceof ScalarValue scalar && scalar.value() instanceof String json) {
            try {
                doc = fromJson(JSON.readTree(json), scalar);
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        if (!(doc instanceof MapValue map)) {
            return Optional.empty();
        }
        Optional<Value> statement = map.get("Statement");
        if (statement.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Value> items = statement.get() instanceof ListValue list ? list.items() : List.of(statement.get());
        List<PolicyStatement> out = new ArrayList<>();
        for (Value item : items) {
            if (item instanceof MapValue s) {
                out.add(statementOf(owner, s));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** Where each resource type keeps its policy documents: a property, or a list of maps holding one. */
    private static final Map<String, List<String>> DOCUMENTS = Map.ofEntries(
            Map.entry("AWS::IAM::Role", List.of("Policies[].PolicyDocument", "AssumeRolePolicyDocument")),
            Map.entry("AWS::IAM::User", List.of("Policies[].PolicyDocument")),
            Map.entry("AWS::IAM::Group", List.of("Policies[].PolicyDocument")),
            Map.entry("AWS::IAM::Policy", List.of("PolicyDocument")),
            Map.entry("AWS::IAM::ManagedPolicy", List.of("PolicyDocument")),
            Map.entry("AWS::IAM::RolePolicy", List.of("PolicyDocument")),
            Map.entry("AWS::IAM::UserPolicy", List.of("PolicyDocument")),
            Map.entry("AWS::IAM::GroupPolicy", List.of("PolicyDocument")),
            Map.entry("AWS::S3::BucketPolicy", List.of("PolicyDocument")),
            Map.entry("AWS::KMS::Key", List.of("KeyPolicy")),
            Map.entry("AWS::SecretsManager::ResourcePolicy", List.of("ResourcePolicy")),
            Map.entry("AWS::DynamoDB::Table", List.of("ResourcePolicy.PolicyDocument")));

    static List<PolicyStatement> declaredBy(Resource resource) {
        List<PolicyStatement> out = new ArrayList<>();
        for (String place : DOCUMENTS.getOrDefault(resource.type(), List.of())) {
            List<Value> documents = new ArrayList<>();
            if (place.startsWith("Policies[].")) {
                Optional<Value> policies = resource.properties().get("Policies");
                if (policies.isPresent() && policies.get() instanceof ListValue list) {
                    list.items().forEach(p -> p.at("PolicyDocument").ifPresent(documents::add));
                }
            } else {
                resource.properties().at(place.split("\\.")).ifPresent(documents::add);
            }
            for (Value document : documents) {
                statements(resource, document).ifPresent(out::addAll);
            }
        }
        return out;
    }

    private static PolicyStatement statementOf(Resource owner, MapValue s) {
        boolean known = true;
        boolean allow = s.textAt("Effect").map("Allow"::equals).orElse(false);
        boolean notAction = s.has("NotAction");
        List<String> actions = new ArrayList<>();
        known &= texts(s.get(notAction ? "NotAction" : "Action"), actions);
        boolean notResource = s.has("NotResource");
        List<String> resources = new ArrayList<>();
        if (s.has("Resource") || notResource) {
            known &= texts(s.get(notResource ? "NotResource" : "Resource"), resources);
        }
        return new PolicyStatement(owner, s, allow, actions, notAction, resources, notResource, known);
    }

    /** Collects scalar texts of a value or list; false when any item is unknown. */
    static boolean texts(Optional<Value> value, List<String> out) {
        if (value.isEmpty()) {
            return true;
        }
        List<Value> items = value.get() instanceof ListValue list ? list.items() : List.of(value.get());
        boolean known = true;
        for (Value item : items) {
            Optional<String> text = item.text();
            if (text.isPresent()) {
                out.add(text.get());
            } else {
                known = false;
            }
        }
        return known;
    }

    private static Value fromJson(JsonNode json, Located source) {
        if (json.isObject()) {
            Map<String, Value> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                entries.put(e.getKey(), fromJson(e.getValue(), source));
            }
            return new MapValue(entries, source);
        }
        if (json.isArray()) {
            List<Value> items = new ArrayList<>();
            json.forEach(item -> items.add(fromJson(item, source)));
            return new ListValue(items, source);
        }
        if (json.isNull()) {
            return new ScalarValue(null, source);
        }
        if (json.isBoolean()) {
            return new ScalarValue(json.booleanValue(), source);
        }
        if (json.isNumber()) {
            return new ScalarValue(json.numberValue(), source);
        }
        return new ScalarValue(json.asText(), source);
    }
}
