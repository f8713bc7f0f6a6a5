package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.InputError;
import io.regionlint.model.Resource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinterTest {

    /** Reports every S3 bucket with its resolved name: enough to watch the engine work. */
    @RuleInfo(id = "RL9001", summary = "Test rule: one finding per bucket", severity = Severity.WARNING,
            category = "test", since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                context.report(Site.of(bucket, bucket.properties().get("BucketName").orElseThrow()),
                        "bucket " + bucket.describe());
            }
        }
    }

    @RuleInfo(id = "RL9002", summary = "Test rule: one finding per stack", severity = Severity.ERROR,
            category = "test", since = "0.1.0")
    static final class EveryStackRule implements Rule {
        @Override
        public void check(RuleContext context) {
            context.topology().resources().stream().filter(r -> r.logicalId().equals("DataBucket"))
                    .forEach(r -> context.report(Site.of(r), "stack " + r.stack().name()));
        }
    }

    private final Linter linter = new Linter(new RuleRegistry(List.of(new EveryBucketRule(), new EveryStackRule())));

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LinterTest.class.getResource("/engine/" + name).toURI());
    }

    @Test
    void resolvesPerRegionAndLocatesFindings() throws Exception {
        Path template = resource("buckets.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(template), template.getParent())
                .withRegions(List.of("us-east-1", "eu-west-1")));
        assertEquals(List.of(), result.errors());
        List<Finding> buckets = result.findings().stream().filter(f -> f.ruleId().equals("RL9001")).toList();
        assertEquals(4, buckets.size());
        Finding first = buckets.get(0);
        assertEquals("buckets.yaml", first.location().file());
        assertEquals(10, first.location().line());
        assertEquals(19, first.location().column());
        assertEquals(Optional.of("/Resources/DataBucket/Properties/BucketName"), first.location().pointer());
        assertTrue(buckets.stream().anyMatch(f -> f.message().equals("bucket 'data-eu-west-1-prod' (eu-west-1)")));
        assertEquals("every-bucket", first.ruleName());
        // the whole-resource site points at the logical id
        Finding stack = result.findings().stream().filter(f -> f.ruleId().equals("RL9002")).findFirst().orElseThrow();
        assertEquals(7, stack.location().line());
        assertEquals(3, stack.location().column());
    }

    @Test
    void fingerprintsIgnoreLinesButNotRegions() throws Exception {
        Path template = resource("buckets.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(template), template.getParent())
                .withRegions(List.of("us-east-1", "eu-west-1")));
        List<String> prints = result.findings().stream().map(Finding::fingerprint).distinct().toList();
        assertEquals(result.findings().size(), prints.size(), "fingerprints are unique");
        LintResult again = linter.run(LintRequest.of(List.of(template), template.getParent())
                .withRegions(List.of("us-east-1", "eu-west-1")));
        assertEquals(prints, again.findings().stream().map(Finding::fingerprint).toList(), "stable run to run");
    }

    @Test
    void inSourceSuppressionIsReportedButDoesNotFail() throws Exception {
        Path template = resource("buckets.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(template), template.getParent())
                .withRegions(List.of("us-east-1")).withRules(List.of("RL9001"), List.of()));
        Finding logs = result.findings().stream().filter(f -> f.message().contains("logs-")).findFirst().orElseThrow();
        Suppression suppression = logs.suppressed().orElseThrow();
        assertEquals("inSource", suppression.kind());
        assertEquals(Suppression.Origin.TEMPLATE, suppression.origin());
        assertEquals("access logs stay in their Region by design", suppression.reason());
        assertEquals("buckets.yaml", suppression.declaredAt().orElseThrow().file());
        assertEquals(16, suppression.declaredAt().orElseThrow().line(), "the Metadata entry");
        assertEquals(1, result.summary().suppressed());
        assertEquals(1, result.summary().warnings());
    }

    @Test
    void projectFileGivesRegionsParametersSeveritiesAndSuppressions() throws Exception {
        Path project = resource("project/.regionlint.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(project.getParent()), project.getParent()));
        assertEquals(List.of(), result.errors());
        List<Finding> data = result.findings().stream()
                .filter(f -> f.ruleId().equals("RL9001") && f.message().contains("data-")).toList();
        assertEquals(2, data.size());
        assertTrue(data.stream().allMatch(f -> f.severity() == Severity.NOTE), "RL9 prefix set to note");
        Finding dr = data.stream().filter(f -> f.message().contains("data-eu-west-1-dr")).findFirst().orElseThrow();
        assertEquals("external", dr.suppressed().orElseThrow().kind());
        Finding primary = data.stream().filter(f -> f.message().contains("data-us-east-1-prod")).findFirst()
                .orElseThrow();
        assertTrue(primary.suppressed().isEmpty(), "an expired suppression no longer applies");
        // outside the base directory a path is shown absolute, never with ".."
        assertTrue(primary.location().file().endsWith("/engine/buckets.yaml"), primary.location().file());
        assertTrue(Path.of(primary.location().file()).isAbsolute());
        assertEquals(Optional.of("111122223333"), primary.resource().orElseThrow().account());
        assertEquals("app-us-east-1", primary.resource().orElseThrow().stack());
    }

    @Test
    void cliSeverityAndSelectionWinOverTheProjectFile() throws Exception {
        Path project = resource("project/.regionlint.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(project.getParent()), project.getParent())
                .withConfig(Optional.empty(), Map.of("RL9001", RuleLevel.ERROR))
                .withRules(List.of(), List.of("RL9002")));
        assertTrue(result.findings().stream().allMatch(f -> f.ruleId().equals("RL9001")));
        assertTrue(result.findings().stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertEquals(List.of("RL9001"), result.rulesRun().stream().map(RuleDescriptor::id).toList());
    }

    @Test
    void projectFileTyposAreInputErrorsWithLines() throws Exception {
        Path project = resource("project-typo.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(), project.getParent())
                .withConfig(Optional.of(project), Map.of()));
        List<InputError> errors = result.errors();
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 4 && e.message().contains("regions.us-east-1")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 6 && e.message().contains("region")), errors.toString());
        assertTrue(result.findings().isEmpty());
    }

    @Test
    void aBrokenFileDoesNotHideTheOthers() throws Exception {
        Path template = resource("buckets.yaml");
        Path missing = template.resolveSibling("missing.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(missing, template), template.getParent())
                .withRegions(List.of("us-east-1")));
        assertEquals(1, result.errors().size());
        assertEquals("missing.yaml", result.errors().get(0).file());
        assertEquals(2, result.findings().stream().filter(f -> f.ruleId().equals("RL9001")).count());
    }
}
