package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regionlint.load.ConfigItem;
import io.regionlint.load.ConfigMapper;
import io.regionlint.load.ConfigSnapshotReader;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every type regionlint maps from AWS Config reads alike from every envelope users have
 * (../shared/reference/aws-config-and-drift.md §1.1): one configuration item of each type, in the
 * delivered snapshot shape, is taken from the repository's own snapshots (samples and rule
 * fixtures) and rewritten into each other envelope the way that API writes it; the mapped
 * resource (type, physical id, CloudFormation-shaped properties) must be the same. The item of a
 * type that has none in the repository fails the test, so a newly mapped type brings its fixture.
 */
class ConfigEnvelopesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The envelopes, each from a delivered item. */
    private static final Map<String, UnaryOperator<ObjectNode>> ENVELOPES = new LinkedHashMap<>();

    static {
        ENVELOPES.put("delivered snapshot", item -> {
            ObjectNode out = NODES.objectNode().put("fileVersion", "1.0").put("configSnapshotId", "matrix");
            out.putArray("configurationItems").add(item);
            return out;
        });
        ENVELOPES.put("one item per file", item -> item);
        ENVELOPES.put("select-resource-config", ConfigEnvelopesTest::selectResults);
        ENVELOPES.put("batch-get-resource-config", ConfigEnvelopesTest::batchGet);
        ENVELOPES.put("get-resource-config-history", ConfigEnvelopesTest::history);
    }

    @Test
    void everyMappedTypeHasADeliveredItemInTheRepository() throws IOException {
        Map<String, ObjectNode> items = deliveredItems();
        List<String> missing = ConfigMapper.TYPES.stream().filter(t -> !items.containsKey(t)).toList();
        assertEquals(List.of(), missing, "types mapped from AWS Config without a delivered item among the"
                + " samples' and fixtures' snapshots");
    }

    @TestFactory
    Stream<DynamicTest> eachTypeMapsAlikeFromEveryEnvelope() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : deliveredItems().entrySet()) {
            Object expected = mapped(e.getValue(), "delivered snapshot", false);
            for (Map.Entry<String, UnaryOperator<ObjectNode>> envelope : ENVELOPES.entrySet()) {
                tests.add(DynamicTest.dynamicTest(e.getKey() + " from " + envelope.getKey(), () -> {
                    ObjectNode wrapped = envelope.getValue().apply(e.getValue().deepCopy());
                    // batch-get-resource-config leaves tags out: compare without them there
                    boolean noTags = envelope.getKey().startsWith("batch-get");
                    assertEquals(noTags ? withoutTags(expected) : expected, mapped(wrapped, envelope.getKey(), noTags));
                }));
            }
        }
        return tests.stream();
    }

    // ---- the items -----------------------------------------------------------------------------

    /** The first live item of each mapped type (and stacks), in the delivered shape, by type. */
    private static Map<String, ObjectNode> deliveredItems() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("samples", "rules/src/test/resources/fixtures", "core/src/test/resources/config")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".json") && (p.getParent().getFileName().toString()
                        .equals("config"))).sorted().forEach(files::add);
            }
        }
        TreeSet<String> wanted = new TreeSet<>(ConfigMapper.TYPES);
        wanted.add("AWS::CloudFormation::Stack");
        Map<String, ObjectNode> out = new TreeMap<>();
        for (Path file : files) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                continue; // the broken inputs of the reader's own tests
            }
            for (JsonNode item : root.path("configurationItems")) {
                String type = item.path("resourceType").asText();
                if (item.has("awsAccountId") && item.path("configuration").isObject() && wanted.contains(type)
                        && List.of("OK", "ResourceDiscovered").contains(item.path("configurationItemStatus").asText())
                        && !out.containsKey(type)
                        && (ConfigMapper.map(read(item, file.toString())).isPresent()
                        || ConfigMapper.stackResources(read(item, file.toString())).isPresent())) {
                    out.put(type, (ObjectNode) item);
                }
            }
        }
        return out;
    }

    private static ConfigItem read(JsonNode item, String file) {
        List<ConfigItem> items = new ArrayList<>();
        try {
            new ConfigSnapshotReader().read(JSON.writeValueAsString(item), file, items::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return items.get(0);
    }

    /** What the mapper makes of the envelope's one item: type, physical id and plain properties. */
    private static Object mapped(JsonNode envelope, String name, boolean noTags) throws IOException {
        List<ConfigItem> items = new ArrayList<>();
        var result = new ConfigSnapshotReader().read(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope),
                name + ".json", items::add);
        assertEquals(List.of(), result.errors(), name);
        assertEquals(1, items.size(), name);
        ConfigItem item = items.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", item.accountId());
        out.put("region", item.region());
        ConfigMapper.map(item).ifPresent(m -> {
            out.put("type", m.type());
            out.put("physicalId", m.physicalId());
            out.put("properties", plain(m.properties()));
        });
        ConfigMapper.stackResources(item).ifPresent(s -> out.put("stack", s.stackName() + " " + s.physicalIds()));
        assertTrue(out.size() > 2, "nothing mapped from " + name);
        return noTags ? withoutTags(out) : out;
    }

    @SuppressWarnings("unchecked")
    private static Object withoutTags(Object mapped) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) mapped);
        if (copy.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) props);
            p.remove("Tags");
            copy.put("properties", p);
        }
        return copy;
    }

    /** Nodes as plain values; numbers by value (select results write {@code 1.0} for 1). */
    private static Object plain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new TreeMap<>();
            m.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof ListNode l) {
            return l.items().stream().map(ConfigEnvelopesTest::plain).toList();
        }
        Object v = ((ScalarNode) node).value();
        return v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : v;
    }

    // ---- the envelopes, as each API writes them ------------------------------------------------

    /** {@code {"Results": ["<item as JSON text>"]}}: newer names, tags as a list of key/value. */
    private static ObjectNode selectResults(ObjectNode item) {
        ObjectNode result = NODES.objectNode();
        result.put("accountId", item.path("awsAccountId").asText());
        for (String f : List.of("awsRegion", "resourceType", "resourceId", "resourceName", "configurationItemCaptureTime",
                "configurationItemStatus", "availabilityZone", "resourceCreationTime")) {
            copy(item, f, result, f);
        }
        copy(item, "ARN", result, "arn");
        result.set("configuration", item.path("configuration"));
        result.set("supplementaryConfiguration", item.path("supplementaryConfiguration"));
        ArrayNode tags = result.putArray("tags");
        item.path("tags").fields().forEachRemaining(t -> tags.addObject().put("key", t.getKey())
                .set("value", t.getValue()));
        ObjectNode out = NODES.objectNode();
        out.putArray("Results").add(result.toString());
        out.putObject("QueryInfo").putArray("SelectFields").addObject().put("name", "*");
        return out;
    }

    /**
     * {@code {"baseConfigurationItems": [...]}}: newer names, {@code configuration} and each
     * supplementary value as JSON text, no tags and no relationships.
     */
    private static ObjectNode batchGet(ObjectNode item) {
        ObjectNode base = newerNames(item);
        base.remove("tags");
        ObjectNode out = NODES.objectNode();
        out.putArray("baseConfigurationItems").add(base);
        out.putArray("unprocessedResourceKeys");
        return out;
    }

    /**
     * {@code {"configurationItems": [...]}} as get-resource-config-history writes them: newer
     * names, the capture time in epoch seconds, {@code configuration} and supplementary values as
     * JSON text.
     */
    private static ObjectNode history(ObjectNode item) {
        ObjectNode history = newerNames(item);
        history.set("tags", item.path("tags"));
        history.set("relatedEvents", NODES.arrayNode());
        history.set("relationships", item.path("relationships"));
        java.time.Instant at = java.time.Instant.parse(item.path("configurationItemCaptureTime").asText());
        history.put("configurationItemCaptureTime", new BigDecimal(at.toEpochMilli()).movePointLeft(3));
        ObjectNode out = NODES.objectNode();
        out.putArray("configurationItems").add(history);
        return out;
    }

    private static ObjectNode newerNames(ObjectNode item) {
        ObjectNode out = NODES.objectNode();
        out.put("version", "1.3");
        out.put("accountId", item.path("awsAccountId").asText());
        for (String f : List.of("configurationItemCaptureTime", "configurationItemStatus", "resourceType", "resourceId",
                "resourceName", "awsRegion", "availabilityZone", "resourceCreationTime")) {
            copy(item, f, out, f);
        }
        out.put("configurationStateId", item.path("configurationStateId").asText());
        copy(item, "ARN", out, "arn");
        out.put("configuration", item.path("configuration").toString());
        ObjectNode supplementary = out.putObject("supplementaryConfiguration");
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("supplementaryConfiguration").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            supplementary.put(e.getKey(), e.getValue().toString());
        }
        return out;
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.has(field)) {
            to.set(as, from.get(field));
        }
    }
}
