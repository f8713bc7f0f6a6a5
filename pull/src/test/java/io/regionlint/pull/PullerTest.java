package io.regionlint.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.load.ConfigItem;
import io.regionlint.load.ConfigSnapshotReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK clients against {@link FakeAws} on loopback: what a pull asks and what it writes. */
class PullerTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Credentials KEYS = Credentials.keys("AKIDEXAMPLE", SECRET, Optional.of(TOKEN));

    @TempDir
    Path dir;
    private FakeAws aws;
    private final StringWriter progress = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        aws = FakeAws.start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private PullResult pull(PullRequest request) throws IOException {
        try (AwsClients clients = AwsClients.immediateRetries(KEYS, aws.endpoint())) {
            return new Puller(clients, Optional.of(new PrintWriter(progress)),
                    Clock.fixed(Instant.parse("2026-12-03T09:30:00Z"), ZoneOffset.UTC), KEYS).pull(request);
        }
    }

    private PullRequest regions(String... regions) {
        return new PullRequest(dir.resolve("bundle"), List.of(regions), Optional.empty(), Optional.empty(),
                PullRequest.DEFAULT_TYPES, true, "0.1.0-test");
    }

    private JsonNode manifest() throws IOException {
        return JSON.readTree(dir.resolve("bundle/manifest.json").toFile());
    }

    private static JsonNode coverage(JsonNode manifest, String account, String region, String type) {
        for (JsonNode c : manifest.path("coverage")) {
            if (c.path("account").asText().equals(account) && c.path("region").asText().equals(region)
                    && c.path("resourceType").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no coverage for " + account + " " + region + " " + type + " in " + manifest);
    }

    @Test
    void pullsEachRegionPageByPageRetriesThrottlingAndRecordsTheRegionThatFails() throws IOException {
        aws.deniedRegions.add("eu-west-1");
        aws.throttles.set(1);

        PullResult result = pull(regions("us-east-1", "us-west-2", "eu-west-1"));

        assertFalse(result.complete(), "eu-west-1 was refused: a partial pull is not a success");
        JsonNode m = manifest();
        assertEquals("regionlint-snapshot-bundle", m.path("format").asText());
        assertEquals(1, m.path("version").asInt());
        assertEquals("2026-12-03T09:30:00Z", m.path("pulledAt").asText());
        assertEquals("regionlint 0.1.0-test", m.path("tool").asText());
        assertEquals("regions", m.path("mode").asText());
        assertTrue(m.path("aggregator").isNull());
        String a = FakeAws.ACCOUNT;
        JsonNode east = coverage(m, a, "us-east-1", "AWS::S3::Bucket");
        assertEquals("complete", east.path("status").asText());
        assertEquals(3, east.path("items").asInt());
        assertTrue(east.path("error").isNull());
        assertEquals(1, coverage(m, a, "us-west-2", "AWS::S3::Bucket").path("items").asInt());
        assertEquals(0, coverage(m, a, "us-west-2", "AWS::KMS::Key").path("items").asInt());
        JsonNode refused = coverage(m, a, "eu-west-1", "AWS::S3::Bucket");
        assertEquals("failed", refused.path("status").asText());
        assertTrue(refused.path("error").asText().contains("AccessDeniedException"), refused.toString());
        JsonNode role = coverage(m, a, "global", "AWS::IAM::Role");
        assertEquals("complete", role.path("status").asText());
        assertEquals(1, role.path("items").asInt());
        assertTrue(progress.toString().contains("[eu-west-1] AWS::S3::Bucket: FAILED: AccessDeniedException"), progress.toString());
        assertTrue(progress.toString().contains("[us-east-1] AWS::S3::Bucket: 3 item(s)"), progress.toString());

        // the throttled first query was retried by the SDK, and three buckets took two pages
        List<FakeAws.Request> selects = aws.requests("SelectResourceConfig");
        assertTrue(selects.get(1).headers().get("amz-sdk-request").startsWith("attempt=2"), selects.get(1).headers().toString());
        long bucketPages = selects.stream().filter(r -> r.region().equals("us-east-1")
                && r.body().contains("AWS::S3::Bucket")).count();
        assertEquals(3, bucketPages, "one throttled attempt, then a page of 2 and a page of 1");
        assertTrue(selects.stream().anyMatch(r -> r.body().contains("\"NextToken\":\"page-2\"")));
        assertTrue(selects.stream().allMatch(r -> r.body().contains("\"Limit\":100")));

        // items in the delivered-file shape, sorted by ARN, pretty-printed
        Path buckets = dir.resolve("bundle/config/" + a + "/us-east-1/AWS_S3_Bucket.json");
        JsonNode file = JSON.readTree(buckets.toFile());
        assertEquals("1.0", file.path("fileVersion").asText());
        assertFalse(file.path("configSnapshotId").asText().isEmpty());
        List<String> arns = new ArrayList<>();
        file.path("configurationItems").forEach(i -> arns.add(i.path("ARN").asText()));
        assertEquals(List.of("arn:aws:s3:::assets-us-east-1", "arn:aws:s3:::logs-us-east-1",
                "arn:aws:s3:::orders-us-east-1"), arns);
        JsonNode orders = file.path("configurationItems").get(2);
        assertEquals(a, orders.path("awsAccountId").asText());
        assertEquals("1.3", orders.path("configurationItemVersion").asText());
        assertFalse(orders.has("accountId") || orders.has("arn"));
        assertTrue(orders.path("configuration").isObject());
        assertEquals("app", orders.path("tags").path("aws:cloudformation:stack-name").asText());
        assertEquals("Is associated with ", orders.path("relationships").get(0).path("name").asText());
        assertEquals("arn:aws:s3:::orders-us-west-2", orders.path("supplementaryConfiguration")
                .path("BucketReplicationConfiguration").path("rules").path("to-west").path("destinationConfig")
                .path("bucketARN").asText());
        String text = Files.readString(buckets);
        assertTrue(text.contains("\n      \"awsAccountId\": \"" + a + "\",\n"), "one field per line, 2-space indent:\n" + text);
        assertTrue(Files.exists(dir.resolve("bundle/config/" + a + "/global/AWS_IAM_Role.json")));
        assertFalse(Files.exists(dir.resolve("bundle/config/" + a + "/us-east-1/AWS_IAM_Role.json")));

        // stacks: templates verbatim, resource lists from every page, parameters
        JsonNode stacks = m.path("stacks");
        assertEquals(3, stacks.size(), stacks.toString());
        JsonNode app = stacks.get(0);
        assertEquals("app", app.path("stackName").asText());
        assertEquals("us-east-1", app.path("region").asText());
        assertEquals("cloudformation/" + a + "/us-east-1/app/template.yaml", app.path("template").asText());
        assertEquals("prod", app.path("parameters").path("Env").asText());
        assertTrue(Files.readString(dir.resolve("bundle").resolve(app.path("template").asText()))
                .contains("BucketName: orders-us-east-1"));
        JsonNode resources = JSON.readTree(dir.resolve("bundle").resolve(app.path("resources").asText()).toFile());
        assertEquals(3, resources.path("StackResourceSummaries").size());
        assertEquals("orders-us-east-1", resources.path("StackResourceSummaries").get(0).path("PhysicalResourceId").asText());
        assertTrue(stacks.get(1).path("template").asText().endsWith("network/template.json"));
        assertTrue(aws.requests("ListStackResources").size() > aws.requests("GetTemplate").size(), "resources paged");
        assertEquals("failed", m.path("stackCoverage").get(0).path("status").asText(), m.path("stackCoverage").toString());
        assertTrue(aws.requests().stream().noneMatch(r -> r.operation().contains("Drift")), "never DetectStackDrift");

        assertEquals(itemsReadByCore(dir.resolve("bundle")), result.items());
        assertSecretsNowhere();
    }

    @Test
    void anAggregatorAnswersOneQueryPerTypeForEveryAccountAndRegion() throws IOException {
        aws.failedSources.add("444455556666/eu-west-1");
        PullRequest request = new PullRequest(dir.resolve("bundle"), List.of(), Optional.of("org"),
                Optional.of("us-east-1"), PullRequest.DEFAULT_TYPES, true, "0.1.0-test");

        PullResult result = pull(request);

        List<FakeAws.Request> selects = aws.requests("SelectAggregateResourceConfig");
        assertTrue(aws.requests("SelectResourceConfig").isEmpty());
        assertEquals(PullRequest.DEFAULT_TYPES.size() + 2, selects.size(), "one query per type; buckets took 3 pages");
        assertTrue(selects.stream().allMatch(r -> r.body().contains("\"ConfigurationAggregatorName\":\"org\"")
                && r.region().equals("us-east-1")));
        JsonNode m = manifest();
        assertEquals("aggregator", m.path("mode").asText());
        assertEquals("org", m.path("aggregator").asText());
        assertEquals(1, coverage(m, "444455556666", "us-west-2", "AWS::S3::Bucket").path("items").asInt());
        assertEquals("complete", coverage(m, FakeAws.ACCOUNT, "us-west-2", "AWS::S3::Bucket").path("status").asText());
        JsonNode failed = coverage(m, "444455556666", "eu-west-1", "AWS::S3::Bucket");
        assertEquals("failed", failed.path("status").asText());
        assertTrue(failed.path("error").asText().contains("last update"), failed.toString());
        assertEquals(1, coverage(m, FakeAws.ACCOUNT, "global", "AWS::IAM::Role").path("items").asInt());
        assertTrue(Files.exists(dir.resolve("bundle/config/444455556666/us-west-2/AWS_S3_Bucket.json")));
        assertEquals(0, m.path("stacks").size(), "no --region: the Stack items carry the resource maps");
        assertFalse(result.complete());
        assertEquals(itemsReadByCore(dir.resolve("bundle")), result.items());
        assertSecretsNowhere();
    }

    @Test
    void whereAdvancedQueryIsRefusedItListsAndBatchReadsUntilNothingIsUnprocessed() throws IOException {
        aws.selectDenied.add("us-east-1");
        PullResult result = pull(regions("us-east-1"));

        assertTrue(result.complete(), result.failures().toString());
        assertEquals(1, aws.requests("SelectResourceConfig").size(), "refused once, then listed for every type");
        assertTrue(aws.requests("ListDiscoveredResources").size() >= PullRequest.DEFAULT_TYPES.size());
        assertTrue(aws.requests("BatchGetResourceConfig").size() >= 3, "a key left unprocessed is asked again");
        JsonNode m = manifest();
        assertEquals(3, coverage(m, FakeAws.ACCOUNT, "us-east-1", "AWS::S3::Bucket").path("items").asInt());
        JsonNode file = JSON.readTree(dir.resolve("bundle/config/" + FakeAws.ACCOUNT + "/us-east-1/AWS_S3_Bucket.json").toFile());
        JsonNode orders = file.path("configurationItems").get(2);
        assertEquals("arn:aws:s3:::orders-us-east-1", orders.path("ARN").asText());
        assertTrue(orders.path("configuration").isObject(), "a string configuration is decoded");
        assertEquals("Enabled", orders.path("supplementaryConfiguration").path("BucketVersioningConfiguration")
                .path("status").asText());
        assertEquals("2026-12-01T10:15:42.123Z", orders.path("configurationItemCaptureTime").asText());
        assertEquals(itemsReadByCore(dir.resolve("bundle")), result.items());
    }

    @Test
    void aRegionAnsweringServerErrorsIsRetriedThenRecordedWhileTheOtherCompletes() throws IOException {
        aws.brokenRegions.add("us-west-2");
        PullResult result = pull(regions("us-east-1", "us-west-2"));

        assertFalse(result.complete());
        JsonNode m = manifest();
        assertEquals("complete", coverage(m, FakeAws.ACCOUNT, "us-east-1", "AWS::S3::Bucket").path("status").asText());
        JsonNode broken = coverage(m, FakeAws.ACCOUNT, "us-west-2", "AWS::S3::Bucket");
        assertEquals("failed", broken.path("status").asText());
        assertTrue(broken.path("error").asText().contains("InternalFailure"), broken.toString());
        long attempts = aws.requests("SelectResourceConfig").stream()
                .filter(r -> r.region().equals("us-west-2") && r.body().contains("AWS::S3::Bucket")).count();
        assertEquals(3, attempts, "the SDK's standard strategy: three attempts");
        assertTrue(result.failures().stream().anyMatch(f -> f.startsWith("[us-west-2] CloudFormation stacks")));
    }

    @Test
    void aSecondPullReplacesTheFirstBundle() throws IOException {
        pull(regions("us-east-1", "us-west-2"));
        Path west = dir.resolve("bundle/config/" + FakeAws.ACCOUNT + "/us-west-2/AWS_S3_Bucket.json");
        assertTrue(Files.exists(west));
        String first = Files.readString(dir.resolve("bundle/config/" + FakeAws.ACCOUNT + "/us-east-1/AWS_S3_Bucket.json"));

        pull(regions("us-east-1"));

        assertFalse(Files.exists(west), "a Region not pulled again leaves nothing behind");
        assertEquals(first, Files.readString(dir.resolve("bundle/config/" + FakeAws.ACCOUNT + "/us-east-1/AWS_S3_Bucket.json")),
                "the same state pulls to the same file");
    }

    /** Core's own reader over every config file: it must take each item the pull wrote. */
    static int itemsReadByCore(Path bundle) throws IOException {
        ConfigSnapshotReader reader = new ConfigSnapshotReader();
        List<ConfigItem> items = new ArrayList<>();
        try (Stream<Path> files = Files.walk(bundle.resolve("config"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                ConfigSnapshotReader.Result r = reader.read(f, f.toString(), items::add);
                assertTrue(r.errors().isEmpty(), f + ": " + r.errors());
            }
        }
        assertTrue(items.stream().allMatch(i -> i.configuration() != null && !i.accountId().isEmpty()));
        return items.size();
    }

    private void assertSecretsNowhere() throws IOException {
        assertFalse(progress.toString().contains(SECRET) || progress.toString().contains(TOKEN));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(SECRET) || text.contains(TOKEN) || text.contains("AKIDEXAMPLE"), f.toString());
            }
        }
        // the server saw the key id (SigV4 names it) but never the secret
        assertTrue(aws.requests().stream().noneMatch(r -> r.headers().toString().contains(SECRET)
                || r.body().contains(SECRET)));
    }
}
