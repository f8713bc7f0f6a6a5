package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every envelope AWS Config items reach users in, from files in the shapes of
 * ../shared/reference/aws-config-and-drift.md §1.1: a snapshot delivered to S3 (older field
 * names, objects), select-resource-config results (JSON strings, floats, tag lists),
 * batch-get-resource-config (newer names, configuration as a string), and
 * get-resource-config-history (strings, a doubly encoded ACL, epoch-second capture times).
 */
class ConfigSnapshotReaderTest {

    private final ConfigSnapshotReader reader = new ConfigSnapshotReader();

    @Test
    void deliveredSnapshotWithOlderFieldNamesAndObjects() {
        List<ConfigItem> items = new ArrayList<>();
        ConfigSnapshotReader.Result result = reader.read(resource("delivered-snapshot.json"), "snap.json", items::add);

        assertEquals(List.of(), result.errors());
        assertEquals(3, result.items());
        ConfigItem bucket = items.get(0);
        assertEquals("111122223333", bucket.accountId());
        assertEquals("us-east-1", bucket.region());
        assertEquals("AWS::S3::Bucket", bucket.resourceType());
        assertEquals(Optional.of("arn:aws:s3:::acme-media-us-east-1"), bucket.arn());
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:29:16.288Z")), bucket.capturedAt());
        assertEquals("AssetsBucket", bucket.tags().get("aws:cloudformation:logical-id"));
        assertEquals(new SourceRange("snap.json", 5, 5, 55, 6), bucket.range());
        MapNode replication = (MapNode) bucket.supplementary().get("BucketReplicationConfiguration");
        MapNode rule = (MapNode) ((MapNode) replication.get("rules").orElseThrow()).get("media-to-eu").orElseThrow();
        ScalarNode destination = (ScalarNode) ((MapNode) rule.get("destinationConfig").orElseThrow())
                .get("bucketARN").orElseThrow();
        assertEquals("arn:aws:s3:::acme-media-eu-west-1", destination.value());
        assertEquals(26, destination.range().line(), "a value in an object keeps its own line");
        // a JSON string inside an object-shaped item is decoded, and keeps the string's range
        MapNode acl = (MapNode) bucket.supplementary().get("AccessControlList");
        assertTrue(acl.get("grantList").isPresent());
        assertEquals(17, acl.range().line());
        assertEquals(false, ((ScalarNode) bucket.supplementary().get("IsRequesterPaysEnabled")).value());

        ConfigItem role = items.get(1);
        assertTrue(role.isGlobal());
        assertTrue(role.describesLiveResource());
        assertEquals(Optional.of(Instant.parse("2026-11-30T11:30:02.105Z")), role.capturedAt(), "an offset is read");

        ConfigItem deleted = items.get(2);
        assertFalse(deleted.describesLiveResource());
        assertEquals(Map.of(), deleted.configuration().entries());
    }

    @Test
    void selectResultsAreJsonStringsWithFloatsAndTagLists() {
        List<ConfigItem> items = new ArrayList<>();
        ConfigSnapshotReader.Result result = reader.read(resource("select-results.json"), "select.json", items::add);

        assertEquals(List.of(), result.errors());
        assertEquals(2, items.size());
        ConfigItem bucket = items.get(0);
        assertEquals("eu-west-1", bucket.region());
        assertEquals(Map.of("team", "media"), bucket.tags());
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:31:00.123456Z")), bucket.capturedAt());
        MapNode lifecycle = (MapNode) bucket.supplementary().get("BucketLifecycleConfiguration");
        MapNode first = (MapNode) ((ListNode) lifecycle.get("rules").orElseThrow()).items().get(0);
        assertEquals(60L, ((ScalarNode) first.get("expirationInDays").orElseThrow()).value(), "60.0 reads as 60");
        // everything parsed out of the result string points at that string's line
        assertEquals(3, first.range().line());
        MapNode acl = (MapNode) bucket.supplementary().get("AccessControlList");
        assertTrue(acl.get("grantList").isPresent(), "a doubly encoded ACL is decoded twice");
        assertEquals("OK", items.get(1).status(), "a select result without a status is a live item");
        assertEquals(4, items.get(1).range().line());
    }

    @Test
    void batchGetHasNewerNamesAndConfigurationAsAString() {
        List<ConfigItem> items = new ArrayList<>();
        ConfigSnapshotReader.Result result = reader.read(resource("batch-get.json"), "batch.json", items::add);

        assertEquals(List.of(), result.errors());
        ConfigItem key = items.get(0);
        assertEquals("AWS::KMS::Key", key.resourceType());
        assertEquals(Optional.empty(), key.resourceName());
        MapNode multiRegion = (MapNode) key.configuration().get("multiRegionConfiguration").orElseThrow();
        assertEquals("REPLICA", ((ScalarNode) multiRegion.get("multiRegionKeyType").orElseThrow()).value());
        assertEquals(15, multiRegion.range().line(), "the configuration string's line");
        assertEquals(true, ((ScalarNode) key.supplementary().get("KeyRotationStatus")).value() instanceof String
                ? Boolean.parseBoolean((String) ((ScalarNode) key.supplementary().get("KeyRotationStatus")).value())
                : ((ScalarNode) key.supplementary().get("KeyRotationStatus")).value());
        assertTrue(key.supplementary().get("Policy") instanceof MapNode);
    }

    @Test
    void historyWithStringsDoubleEncodingAndEpochSeconds() {
        List<ConfigItem> items = new ArrayList<>();
        ConfigSnapshotReader.Result result = reader.read(resource("history.json"), "history.json", items::add);

        assertEquals(List.of(), result.errors());
        ConfigItem bucket = items.get(0);
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:29:16.288Z")), bucket.capturedAt());
        assertEquals("acme-media-us-east-1", ((ScalarNode) bucket.configuration().get("name").orElseThrow()).value());
        MapNode versioning = (MapNode) bucket.supplementary().get("BucketVersioningConfiguration");
        assertEquals("Enabled", ((ScalarNode) versioning.get("status").orElseThrow()).value());
        assertTrue(bucket.supplementary().get("AccessControlList") instanceof MapNode);
        assertEquals("false", ((ScalarNode) bucket.supplementary().get("IsRequesterPaysEnabled")).value(),
                "a string that is not JSON stays a string");
    }

    @Test
    void oneItemPerFileAndGzippedSnapshots(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("111122223333_Config_us-east-1_ConfigSnapshot_20261130T073000Z.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("delivered-snapshot.json")));
        }
        List<ConfigItem> items = new ArrayList<>();
        assertEquals(3, reader.read(gz, "snap.json.gz", items::add).items());
        assertEquals(new SourceRange("snap.json.gz", 5, 5, 55, 6), items.get(0).range(), "lines survive gzip");

        Path one = dir.resolve("item.json");
        Files.writeString(one, "{\n  \"resourceType\": \"AWS::S3::Bucket\",\n  \"resourceId\": \"b\",\n"
                + "  \"awsAccountId\": \"111122223333\",\n  \"awsRegion\": \"us-east-1\"\n}\n");
        List<ConfigItem> single = new ArrayList<>();
        assertEquals(1, reader.read(one, "item.json", single::add).items());
        assertEquals("b", single.get(0).resourceId());
    }

    @Test
    void aBrokenItemIsAnErrorAtItsLineAndTheOthersAreRead() {
        List<ConfigItem> items = new ArrayList<>();
        ConfigSnapshotReader.Result result = reader.read(resource("broken-items.json"), "broken.json", items::add);

        assertEquals(List.of("kept-bucket"), items.stream().map(ConfigItem::resourceId).toList());
        assertEquals(2, result.errors().size(), result.errors()::toString);
        assertEquals(new InputError("broken.json", 4, 5, "configuration item without resourceType; skipped"),
                result.errors().get(0));
        assertEquals(9, result.errors().get(1).line());
        assertTrue(result.errors().get(1).message().contains("a configuration item given as a string that does not hold a JSON object"),
                result.errors()::toString);
    }

    @Test
    void inputThatIsNotASnapshotSaysSo(@TempDir Path dir) throws IOException {
        Path truncated = dir.resolve("cut.json");
        Files.writeString(truncated, "{\n  \"configurationItems\": [\n    {\"resourceType\": \"AWS::S3::Bucket\",",
                StandardCharsets.UTF_8);
        ConfigSnapshotReader.Result cut = reader.read(truncated, "cut.json", item -> { });
        assertEquals(1, cut.errors().size());
        assertTrue(cut.errors().get(0).message().startsWith("JSON syntax error"), cut.errors()::toString);
        assertEquals(3, cut.errors().get(0).line());

        Path other = dir.resolve("package.json");
        Files.writeString(other, "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        ConfigSnapshotReader.Result notOne = reader.read(other, "package.json", item -> { });
        assertTrue(notOne.errors().get(0).message().startsWith("not an AWS Config snapshot"), notOne.errors()::toString);

        ConfigSnapshotReader small = new ConfigSnapshotReader(new ConfigSnapshotReader.Limits(100, 1000, 50));
        ConfigSnapshotReader.Result big = small.read(resource("delivered-snapshot.json"), "snap.json", item -> { });
        assertTrue(big.errors().get(0).message().contains("larger than 100 bytes after decompression"),
                big.errors()::toString);

        ConfigSnapshotReader fewNodes = new ConfigSnapshotReader(new ConfigSnapshotReader.Limits(1 << 20, 40, 50));
        List<ConfigItem> kept = new ArrayList<>();
        ConfigSnapshotReader.Result limited = fewNodes.read(resource("delivered-snapshot.json"), "snap.json", kept::add);
        assertEquals(List.of("AROAYEXAMPLEROLEID001", "acme-old-logs"), kept.stream().map(ConfigItem::resourceId)
                .toList(), "an item over the node limit is skipped, the smaller ones after it are read");
        assertEquals(1, limited.errors().size(), limited.errors()::toString);
        assertEquals(5, limited.errors().get(0).line(), limited.errors()::toString);
        assertTrue(limited.errors().get(0).message().contains("more than 40 values"), limited.errors()::toString);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ConfigSnapshotReaderTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
