package io.regionlint.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;

/**
 * Turns what the Config APIs return into items of the file Config delivers to S3 (the shape every
 * regionlint reader and most users' tools read): delivered field names ({@code awsAccountId},
 * {@code ARN}, {@code configurationItemVersion}, {@code relationships[].name}), tags as an object,
 * and {@code configuration} and supplementary values as objects, never JSON strings. Fields come
 * in one fixed order so that bundles diff well.
 */
final class ItemShapes {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Select field names (and BatchGet's) → the delivered file's. */
    private static final Map<String, String> RENAMED = Map.of(
            "version", "configurationItemVersion",
            "accountId", "awsAccountId",
            "arn", "ARN",
            "configurationItemMD5Hash", "configurationStateMd5Hash");

    /** The delivered file's order; fields not listed follow in the order they came. */
    private static final List<String> ORDER = List.of("configurationItemVersion", "configurationItemCaptureTime",
            "configurationStateId", "awsAccountId", "configurationItemStatus", "resourceType", "resourceId",
            "resourceName", "ARN", "awsRegion", "availabilityZone", "resourceCreationTime",
            "configurationStateMd5Hash", "tags", "relationships", "configuration", "supplementaryConfiguration");

    private ItemShapes() {
    }

    /** One {@code Results[i]} of {@code SelectResourceConfig} / {@code SelectAggregateResourceConfig}. */
    static ObjectNode fromSelect(String result) throws JsonProcessingException {
        JsonNode parsed = JSON.readTree(result);
        if (!(parsed instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a select result that is not a JSON object");
        }
        ObjectNode renamed = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = RENAMED.getOrDefault(field.getKey(), field.getKey());
            JsonNode value = field.getValue();
            switch (name) {
                case "tags" -> value = tagsObject(value);
                case "relationships" -> value = relationships(value);
                case "configuration" -> value = decoded(value);
                case "supplementaryConfiguration" -> value = supplementary(value);
                default -> { }
            }
            renamed.set(name, value);
        }
        return ordered(renamed);
    }

    /** One item of {@code BatchGetResourceConfig} (no tags, no relationships: the API leaves them out). */
    static ObjectNode fromBatchGet(BaseConfigurationItem item) {
        ObjectNode out = JSON.createObjectNode();
        putText(out, "configurationItemVersion", item.version());
        if (item.configurationItemCaptureTime() != null) {
            out.put("configurationItemCaptureTime", iso(item.configurationItemCaptureTime()));
        }
        putText(out, "configurationStateId", item.configurationStateId());
        putText(out, "awsAccountId", item.accountId());
        putText(out, "configurationItemStatus", item.configurationItemStatusAsString());
        putText(out, "resourceType", item.resourceTypeAsString());
        putText(out, "resourceId", item.resourceId());
        putText(out, "resourceName", item.resourceName());
        putText(out, "ARN", item.arn());
        putText(out, "awsRegion", item.awsRegion());
        putText(out, "availabilityZone", item.availabilityZone());
        if (item.resourceCreationTime() != null) {
            out.put("resourceCreationTime", iso(item.resourceCreationTime()));
        }
        if (item.configuration() != null) {
            out.set("configuration", decoded(JsonNodeFactory.instance.textNode(item.configuration())));
        }
        if (item.hasSupplementaryConfiguration()) {
            ObjectNode supplementary = JSON.createObjectNode();
            item.supplementaryConfiguration().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> supplementary.set(e.getKey(), decoded(JsonNodeFactory.instance.textNode(e.getValue()))));
            out.set("supplementaryConfiguration", supplementary);
        }
        return ordered(out);
    }

    /** ISO-8601 with milliseconds and {@code Z}, as delivered files write capture times. */
    static String iso(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    /** The key items are sorted and deduplicated by: the ARN, else type and id. */
    static String sortKey(ObjectNode item) {
        String arn = item.path("ARN").asText("");
        return arn.isEmpty() ? item.path("resourceType").asText("") + "/" + item.path("resourceId").asText("") : arn;
    }

    private static void putText(ObjectNode out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /** {@code [{key, value, tag}]} (select) → {@code {key: value}} (delivered file). */
    private static JsonNode tagsObject(JsonNode tags) {
        if (!tags.isArray()) {
            return tags;
        }
        ObjectNode out = JSON.createObjectNode();
        for (JsonNode tag : tags) {
            JsonNode key = tag.get("key");
            if (key != null && key.isTextual()) {
                out.put(key.asText(), tag.path("value").asText(""));
            }
        }
        return out;
    }

    /** {@code relationshipName} (API) → {@code name} (delivered file). */
    private static JsonNode relationships(JsonNode relationships) {
        if (!relationships.isArray()) {
            return relationships;
        }
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode r : relationships) {
            if (r instanceof ObjectNode o && o.has("relationshipName") && !o.has("name")) {
                ObjectNode copy = JSON.createObjectNode();
                o.fields().forEachRemaining(f -> copy.set(f.getKey().equals("relationshipName") ? "name" : f.getKey(),
                        f.getValue()));
                out.add(copy);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static JsonNode supplementary(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return decoded(value);
        }
        ObjectNode out = JSON.createObjectNode();
        object.fields().forEachRemaining(f -> out.set(f.getKey(), decoded(f.getValue())));
        return out;
    }

    /**
     * A JSON string holding an object or array becomes that object or array (once: keys Config
     * encodes twice, such as S3's {@code AccessControlList}, stay a string inside, as they do in
     * delivered files); anything else is kept as it is.
     */
    static JsonNode decoded(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        String text = value.asText().strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return value;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return value; // not JSON after all: keep the text
        }
    }

    private static ObjectNode ordered(ObjectNode item) {
        ObjectNode out = JSON.createObjectNode();
        for (String name : ORDER) {
            if (item.has(name)) {
                out.set(name, item.get(name));
            }
        }
        item.fields().forEachRemaining(f -> {
            if (!out.has(f.getKey())) {
                out.set(f.getKey(), f.getValue());
            }
        });
        return out;
    }
}
