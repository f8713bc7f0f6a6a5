package io.regionlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of a real engine run: paths, ranges and resources as the engine makes them. */
class EndToEndReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RuleInfo(id = "RL9901", summary = "Every bucket is reported", severity = Severity.WARNING, category = "test",
            since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                Optional<Resource> peer = context.topology().resources("AWS::S3::Bucket").stream()
                        .filter(r -> !r.region().equals(bucket.region())).findFirst();
                var builder = context.report(Site.of(bucket), "Bucket " + bucket.describe() + " is here");
                peer.ifPresent(p -> builder.related(p, Optional.empty(), "its twin " + p.describe()));
            }
        }
    }

    @Test
    void engineResultsReportInEveryFormat(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/app.yaml"), """
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub orders-${AWS::Region}
                """);
        Files.writeString(dir.resolve("templates/broken.yaml"), "Resources: [\n");
        LintRequest request = LintRequest.of(List.of(dir.resolve("templates")), dir)
                .withRegions(List.of("us-east-1", "eu-west-1"));
        LintResult result = new Linter(new RuleRegistry(List.of(new EveryBucketRule()))).run(request);
        assertEquals(2, result.findings().size(), result.toString());
        assertEquals(1, result.errors().size(), result.toString());
        ReportContext context = new ReportContext("1.2.3", false, dir);

        String text = ReporterTest.render(ReportFormat.TEXT, result, context);
        assertTrue(text.startsWith("templates/app.yaml:2:3: warning: Bucket 'orders-eu-west-1' (eu-west-1) is here "
                + "[RL9901 every-bucket]\n  resource: app-eu-west-1/Data (AWS::S3::Bucket) in eu-west-1\n"), text);
        assertTrue(text.contains("\ntemplates/broken.yaml:"), "RL1001 did not run, so the error is printed");

        JsonNode json = MAPPER.readTree(ReporterTest.render(ReportFormat.JSON, result, context));
        assertEquals("templates/app.yaml", json.at("/findings/0/location/file").asText());
        assertEquals("arn:aws:s3:::orders-eu-west-1", json.at("/findings/0/resource/arn").asText());
        assertEquals("app-us-east-1", json.at("/findings/0/related/0/resource/stack").asText());

        JsonNode run = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, result, context)).at("/runs/0");
        assertEquals("EveryBucket", run.at("/tool/driver/rules/0/name").asText());
        assertEquals("templates/app.yaml",
                run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(SarifReport.directoryUri(dir.toAbsolutePath().normalize()),
                run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
        assertEquals("templates/broken.yaml", run.at(
                "/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText());
    }

    @Test
    void engineSarifPassesTheMultitool(@TempDir Path dir) throws Exception {
        SarifReportTest.assumeMultitool();
        Files.createDirectories(dir.resolve("my templates"));
        Files.writeString(dir.resolve("my templates/app.yaml"), """
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                """);
        Files.writeString(dir.resolve("my templates/broken.json"), "{\"Resources\": ");
        LintRequest request = LintRequest.of(List.of(dir.resolve("my templates")), dir)
                .withRegions(List.of("us-east-1", "eu-west-1"));
        LintResult result = new Linter(new RuleRegistry(List.of(new EveryBucketRule()))).run(request);
        Path sarif = dir.resolve("engine.sarif");
        Files.writeString(sarif, ReporterTest.render(ReportFormat.SARIF, result,
                new ReportContext(ReportContext.currentVersion(), false, dir)));
        SarifReportTest.assertValid(dir, sarif);
    }
}
