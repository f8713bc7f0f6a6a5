package io.regionlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.engine.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path BASE = Path.of("/work/repo");
    private static final ReportContext PLAIN = new ReportContext("1.2.3", false, BASE);

    static String render(ReportFormat format, LintResult result, ReportContext context) throws IOException {
        StringWriter out = new StringWriter();
        new Reporter().write(format, result, context, out);
        return out.toString();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void formatsParseIgnoringCase() {
        assertEquals(ReportFormat.SARIF, ReportFormat.parse(" Sarif ").orElseThrow());
        assertEquals(ReportFormat.TEXT, ReportFormat.parse("text").orElseThrow());
        assertTrue(ReportFormat.parse("xml").isEmpty());
        assertEquals("json", ReportFormat.JSON.label());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        String version = ReportContext.currentVersion();
        assertFalse(version.contains("${"), version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    void textShowsFindingsDetailsUnreportedInputErrorsAndSummary() throws IOException {
        String expected = """
                templates/app.yaml:12:7: error: Bucket 'orders-us-east-1' (us-east-1) replicates to \
                'orders-eu-west-1' (eu-west-1), which replicates nothing back; add a replication rule to it with \
                destination 'orders-us-east-1' [RL2001 s3-replication-not-bidirectional]
                  resource: app-us-east-1/Data (AWS::S3::Bucket) in us-east-1
                  construct path: App/Data/Resource
                  arn: arn:aws:s3:::orders-us-east-1
                  related: templates/app.yaml:4:3: the destination bucket, which has no replication rule
                templates/app.yaml:30:9: warning: Replication rule 1 of bucket 'logs' does not replicate delete \
                markers [RL2005 s3-delete-markers-not-replicated] (suppressed: access logs stay in their Region by design)
                  resource: app-us-east-1/Logs (AWS::S3::Bucket) in us-east-1
                templates/broken.yaml:3:5: error: mapping values are not allowed here [RL1001 input-unreadable]
                templates/big dir/huge.json:1:1: error: file exceeds the size limit of 10 MiB [RL1001 input-unreadable]
                3 files, 4 stacks, 57 resources: 2 errors, 0 warnings, 0 notes (1 suppressed), 2 input errors
                """;
        assertEquals(expected, render(ReportFormat.TEXT, SampleResults.mixed(), PLAIN));
    }

    @Test
    void textPrintsInputErrorsWhenNoInputFindingShowsThem() throws IOException {
        LintResult mixed = SampleResults.mixed();
        LintResult withoutRl1001 = new LintResult(
                mixed.findings().stream().filter(f -> !f.ruleId().equals("RL1001")).toList(), mixed.errors(),
                mixed.rulesRun(), mixed.summary());
        String text = render(ReportFormat.TEXT, withoutRl1001, PLAIN);
        assertTrue(text.contains("templates/broken.yaml:3:5: error: mapping values are not allowed here "
                + "[RL1001 input-unreadable]\n"), text);
        assertTrue(text.contains("templates/big dir/huge.json:1:1: error:"), text);
        // and the input error that an RL1001 finding shows is printed once only
        String full = render(ReportFormat.TEXT, mixed, PLAIN);
        assertEquals(full.indexOf("templates/broken.yaml:3:5"), full.lastIndexOf("templates/broken.yaml:3:5"));
    }

    @Test
    void textUsesColourOnlyWhenAllowed() throws IOException {
        String plain = render(ReportFormat.TEXT, SampleResults.mixed(), PLAIN);
        assertFalse(plain.contains("\u001b"));
        String coloured = render(ReportFormat.TEXT, SampleResults.mixed(), new ReportContext("1.2.3", true, BASE));
        assertTrue(coloured.contains("\u001b[1;31merror\u001b[0m"), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void textKeepsControlCharactersFromDrivingTheTerminal() {
        assertEquals("bucket \\u001b[31mred\\n", TextReport.clean("bucket \u001b[31mred\n"));
        assertEquals("plain", TextReport.clean("plain"));
    }

    @Test
    void textOfACleanRunIsTheSummary() throws IOException {
        assertEquals("1 file, 1 stack, 1 resource: 0 errors, 0 warnings, 0 notes\n",
                render(ReportFormat.TEXT, SampleResults.clean(), PLAIN));
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        String json = render(ReportFormat.JSON, SampleResults.mixed(), PLAIN);
        JsonNode root = MAPPER.readTree(json);
        assertEquals(List.of("tool", "schemaVersion", "findings", "errors", "baseline", "summary"), fields(root));
        assertTrue(root.get("baseline").isNull(), "no baseline was used");
        assertEquals(List.of("name", "version"), fields(root.get("tool")));
        assertEquals("regionlint", root.at("/tool/name").asText());
        assertEquals("1.2.3", root.at("/tool/version").asText());
        assertEquals(1, root.get("schemaVersion").intValue());

        JsonNode findings = root.get("findings");
        assertEquals(3, findings.size());
        List<String> findingFields = List.of("ruleId", "ruleName", "severity", "message", "location", "resource",
                "related", "regions", "fingerprint", "suppressed", "baselineState");
        List<String> locationFields = List.of("file", "line", "column", "endLine", "endColumn", "pointer");
        List<String> resourceFields = List.of("stack", "logicalId", "type", "region", "account", "constructPath",
                "arn");
        for (JsonNode f : findings) {
            assertEquals(findingFields, fields(f));
            assertEquals(locationFields, fields(f.get("location")));
            assertTrue(f.get("resource").isNull() || fields(f.get("resource")).equals(resourceFields));
        }

        JsonNode first = findings.get(0);
        assertEquals("RL2001", first.get("ruleId").asText());
        assertEquals("s3-replication-not-bidirectional", first.get("ruleName").asText());
        assertEquals("error", first.get("severity").asText());
        assertTrue(first.get("message").asText().startsWith("Bucket 'orders-us-east-1' (us-east-1)"));
        assertEquals("templates/app.yaml", first.at("/location/file").asText());
        assertEquals(12, first.at("/location/line").intValue());
        assertEquals(7, first.at("/location/column").intValue());
        assertEquals(20, first.at("/location/endLine").intValue());
        assertEquals(1, first.at("/location/endColumn").intValue());
        assertEquals("/Resources/Data/Properties/ReplicationConfiguration", first.at("/location/pointer").asText());
        assertEquals("app-us-east-1", first.at("/resource/stack").asText());
        assertEquals("Data", first.at("/resource/logicalId").asText());
        assertEquals("AWS::S3::Bucket", first.at("/resource/type").asText());
        assertEquals("us-east-1", first.at("/resource/region").asText());
        assertEquals("111122223333", first.at("/resource/account").asText());
        assertEquals("App/Data/Resource", first.at("/resource/constructPath").asText());
        assertEquals("arn:aws:s3:::orders-us-east-1", first.at("/resource/arn").asText());
        JsonNode related = first.get("related");
        assertEquals(1, related.size());
        assertEquals(List.of("message", "location", "resource"), fields(related.get(0)));
        assertEquals("the destination bucket, which has no replication rule", related.get(0).get("message").asText());
        assertEquals(4, related.get(0).at("/location/line").intValue());
        assertEquals("app-eu-west-1", related.get(0).at("/resource/stack").asText());
        assertTrue(related.get(0).at("/resource/constructPath").isNull());
        assertEquals("[\"eu-west-1\",\"us-east-1\"]", first.get("regions").toString());
        assertEquals(SampleResults.PRIMARY_FINGERPRINT, first.get("fingerprint").asText());
        assertTrue(first.get("suppressed").isNull());

        JsonNode suppressed = findings.get(1);
        assertEquals("warning", suppressed.get("severity").asText());
        assertTrue(suppressed.at("/location/pointer").isNull());
        assertTrue(suppressed.at("/resource/account").isNull());
        assertTrue(suppressed.at("/resource/constructPath").isNull());
        assertTrue(suppressed.at("/resource/arn").isNull());
        assertEquals(0, suppressed.get("related").size());
        assertEquals(List.of("kind", "reason", "expires", "origin"), fields(suppressed.get("suppressed")));
        assertTrue(suppressed.at("/suppressed/expires").isNull());
        assertEquals("project", suppressed.at("/suppressed/origin").asText());
        assertEquals("external", suppressed.at("/suppressed/kind").asText());
        assertEquals("access logs stay in their Region by design", suppressed.at("/suppressed/reason").asText());

        JsonNode input = findings.get(2);
        assertEquals("RL1001", input.get("ruleId").asText());
        assertTrue(input.get("resource").isNull());
        assertEquals(0, input.get("regions").size());

        // the JSON keeps every input error, also those an RL1001 finding shows
        JsonNode errors = root.get("errors");
        assertEquals(2, errors.size());
        for (JsonNode e : errors) {
            assertEquals(List.of("file", "line", "column", "message"), fields(e));
        }
        assertEquals("templates/broken.yaml", errors.get(0).get("file").asText());
        assertEquals(3, errors.get(0).get("line").intValue());
        assertEquals(5, errors.get(0).get("column").intValue());

        JsonNode summary = root.get("summary");
        assertEquals(List.of("files", "stacks", "resources", "error", "warning", "note", "suppressed", "baselined"),
                fields(summary));
        assertEquals("{\"files\":3,\"stacks\":4,\"resources\":57,\"error\":2,\"warning\":0,\"note\":0,"
                + "\"suppressed\":1,\"baselined\":0}", summary.toString());
    }

    @Test
    void jsonIsPrettyPrintedWithTwoSpacesAndATrailingNewline() throws IOException {
        String json = render(ReportFormat.JSON, SampleResults.clean(), PLAIN);
        String expected = """
                {
                  "tool": {
                    "name": "regionlint",
                    "version": "1.2.3"
                  },
                  "schemaVersion": 1,
                  "findings": [],
                  "errors": [],
                  "baseline": null,
                  "summary": {
                    "files": 1,
                    "stacks": 1,
                    "resources": 1,
                    "error": 0,
                    "warning": 0,
                    "note": 0,
                    "suppressed": 0,
                    "baselined": 0
                  }
                }
                """;
        assertEquals(expected, json);
        String mixed = render(ReportFormat.JSON, SampleResults.mixed(), PLAIN);
        assertTrue(mixed.contains("\n      \"regions\": [\n        \"eu-west-1\",\n        \"us-east-1\"\n      ],\n"),
                mixed);
        assertFalse(mixed.contains("\r"));
    }

    @Test
    void reporterLeavesTheWriterOpen() throws IOException {
        for (ReportFormat format : ReportFormat.values()) {
            StringWriter out = new StringWriter() {
                @Override
                public void close() {
                    throw new AssertionError("the reporter closed the caller's writer");
                }
            };
            new Reporter().write(format, SampleResults.mixed(), PLAIN, out);
            // every format writes a whole document, ending with a newline (HTML is written after JSON and SARIF)
            assertTrue(out.toString().endsWith("\n") && out.toString().length() > 100, format + ": " + out);
        }
    }
}
