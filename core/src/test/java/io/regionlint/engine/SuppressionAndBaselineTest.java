package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.model.Resource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppression expiry against an injected clock (never today's date), the suppression audit that
 * rules such as RL1010 and RL1011 read, and baselines: the file format and the comparison.
 */
class SuppressionAndBaselineTest {

    @RuleInfo(id = "RL9001", summary = "Test rule: one finding per bucket", severity = Severity.ERROR,
            category = "test", since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                context.report(Site.of(bucket), "bucket " + bucket.describe());
            }
        }
    }

    /** Keeps what the engine told it about suppressions, as the suppression rules see it. */
    @RuleInfo(id = "RL9100", summary = "Test rule: records suppression uses", severity = Severity.NOTE,
            category = "test", since = "0.1.0")
    static final class AuditRule implements Rule {
        final List<SuppressionUse> seen = new ArrayList<>();

        @Override
        public boolean auditsSuppressions() {
            return true;
        }

        @Override
        public void check(RuleContext context) {
            seen.addAll(context.suppressionUses());
        }
    }

    private static final String TEMPLATE = """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Metadata:
                  regionlint:
                    suppress:
                      - rule: RL9002
                        reason: "names a rule that found nothing"
                Properties:
                  BucketName: !Sub data-${AWS::Region}
              Logs:
                Type: AWS::S3::Bucket
            """;

    private static final String PROJECT = """
            version: 1
            topology:
              regions: { us-east-1: active, eu-west-1: active }
              stacks:
                - name: app
                  template: app.yaml
                  regions: [us-east-1, eu-west-1]
            suppressions:
              - rule: RL9001
                resource: app-us-east-1/Data
                reason: "until the migration"
                expires: 2030-06-30
              - rule: RL9001
                resource: app-eu-west-1/Nothing
                reason: "a typo"
            """;

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static Path project(Path dir, String project) throws IOException {
        Files.writeString(dir.resolve("app.yaml"), TEMPLATE);
        Files.writeString(dir.resolve(".regionlint.yaml"), project);
        return dir;
    }

    private static Finding data(LintResult result, String region) {
        return result.findings().stream().filter(f -> f.ruleId().equals("RL9001")
                && f.resource().orElseThrow().stack().equals("app-" + region)
                && f.resource().orElseThrow().logicalId().equals("Data")).findFirst().orElseThrow();
    }

    @Test
    void aProjectSuppressionAppliesThroughItsExpiryDayAndNotAfter(@TempDir Path dir) throws IOException {
        project(dir, PROJECT);
        AuditRule audit = new AuditRule();
        Linter lastDay = new Linter(new RuleRegistry(List.of(new EveryBucketRule(), audit)),
                on(LocalDate.of(2030, 6, 30)));
        Finding kept = data(lastDay.run(LintRequest.of(List.of(dir), dir)), "us-east-1");
        Suppression suppression = kept.suppressed().orElseThrow();
        assertEquals(Suppression.Origin.PROJECT, suppression.origin());
        assertEquals(Optional.of(LocalDate.of(2030, 6, 30)), suppression.expires());
        assertEquals(9, suppression.declaredAt().orElseThrow().line(), "the entry in the project file");
        assertEquals(SuppressionUse.Status.APPLIED, audit.seen.get(0).status());

        audit.seen.clear();
        Linter dayAfter = new Linter(new RuleRegistry(List.of(new EveryBucketRule(), audit)),
                on(LocalDate.of(2030, 7, 1)));
        LintResult result = dayAfter.run(LintRequest.of(List.of(dir), dir));
        assertTrue(data(result, "us-east-1").suppressed().isEmpty(), "expired: the finding counts again");
        assertTrue(result.failsAt(Severity.ERROR));
        SuppressionUse expired = audit.seen.get(0);
        assertEquals(SuppressionUse.Status.EXPIRED, expired.status());
        assertEquals(1, expired.matched(), "it would have covered one finding");
        assertEquals(9, expired.declaredAt().line());
    }

    @RuleInfo(id = "RL9003", summary = "Test rule: one finding per table and per role", severity = Severity.ERROR,
            category = "test", since = "0.1.0")
    static final class EveryTableAndRoleRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (String type : List.of("AWS::DynamoDB::Table", "AWS::IAM::Role")) {
                for (Resource r : context.topology().resources(type)) {
                    context.report(Site.of(r), "resource " + r.describe());
                }
            }
        }
    }

    @Test
    void aSuppressionByArnMatchesADeclaredResourceOfAnyModelledType(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.yaml"), """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub orders-${AWS::Region}
                  Worker:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: !Sub worker-${AWS::Region}
                      Path: /app/
                """);
        Files.writeString(dir.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active, eu-west-1: active }
                  accounts: { default: "111122223333" }
                  stacks:
                    - { name: app, template: app.yaml, regions: [us-east-1, eu-west-1] }
                suppressions:
                  - rule: RL9003
                    resource: arn:aws:dynamodb:eu-west-1:111122223333:table/orders-eu-west-1
                    reason: "the eu-west-1 table is being retired"
                  - rule: RL9003
                    resource: arn:aws:iam::111122223333:role/app/worker-us-east-1
                    reason: "the role is replaced next sprint"
                """);
        LintResult result = new Linter(new RuleRegistry(List.of(new EveryTableAndRoleRule())), on(LocalDate.of(2026,
                1, 1))).run(LintRequest.of(List.of(dir), dir));
        Map<String, Boolean> suppressed = new java.util.TreeMap<>();
        result.findings().forEach(f -> suppressed.put(f.resource().orElseThrow().arn().orElse("?"),
                f.suppressed().isPresent()));
        assertEquals(Map.of(
                "arn:aws:dynamodb:us-east-1:111122223333:table/orders-us-east-1", false,
                "arn:aws:dynamodb:eu-west-1:111122223333:table/orders-eu-west-1", true,
                "arn:aws:iam::111122223333:role/app/worker-us-east-1", true,
                "arn:aws:iam::111122223333:role/app/worker-eu-west-1", false), suppressed);
    }

    @Test
    void suppressionsThatMatchNothingAreUnusedOnlyWhereTheirRuleRan(@TempDir Path dir) throws IOException {
        project(dir, PROJECT);
        AuditRule audit = new AuditRule();
        new Linter(new RuleRegistry(List.of(new EveryBucketRule(), audit)), on(LocalDate.of(2001, 1, 1)))
                .run(LintRequest.of(List.of(dir), dir));
        assertEquals(3, audit.seen.size(), "two project entries and one Metadata entry: " + audit.seen);
        SuppressionUse typo = audit.seen.get(1);
        assertEquals(Optional.of("app-eu-west-1/Nothing"), typo.target());
        assertEquals(SuppressionUse.Status.UNUSED, typo.status());
        SuppressionUse inSource = audit.seen.get(2);
        assertEquals(Suppression.Origin.TEMPLATE, inSource.origin());
        assertEquals(Optional.of("Data"), inSource.target());
        assertEquals(7, inSource.declaredAt().line(), "one entry, though the template is in two Regions");
        assertEquals(SuppressionUse.Status.NOT_JUDGED, inSource.status(), "RL9002 did not run");

        audit.seen.clear();
        new Linter(new RuleRegistry(List.of(new EveryBucketRule(), audit)), on(LocalDate.of(2001, 1, 1)))
                .run(LintRequest.of(List.of(dir), dir).withRules(List.of("RL9100"), List.of()));
        assertTrue(audit.seen.stream().allMatch(u -> u.status() == SuppressionUse.Status.NOT_JUDGED),
                "RL9001 did not run either: " + audit.seen);
    }

    @Test
    void anImpossibleExpiryDayIsAnInputErrorNotASuppressionForever(@TempDir Path dir) throws IOException {
        project(dir, PROJECT.replace("2030-06-30", "2030-02-30"));
        LintResult result = new Linter(new RuleRegistry(List.of(new EveryBucketRule())), on(LocalDate.of(2001, 1, 1)))
                .run(LintRequest.of(List.of(dir), dir));
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).message().contains("'2030-02-30' is not a date: February 2030 has 28 days"),
                result.errors().get(0).message());
        assertEquals(12, result.errors().get(0).line());
    }

    @Test
    void aBaselineHoldsTheFindingsOfTodaySoOnlyNewOnesFailAndGoneOnesAreFixed(@TempDir Path dir)
            throws IOException, Baseline.FormatException {
        project(dir, PROJECT.substring(0, PROJECT.indexOf("suppressions:")) + "baseline: known.json\n");
        Linter linter = new Linter(new RuleRegistry(List.of(new EveryBucketRule())), on(LocalDate.of(2001, 1, 1)));
        LintResult first = linter.run(LintRequest.of(List.of(dir), dir));
        assertEquals("known.json", first.baseline().orElseThrow().file(), "the project file's baseline:");
        assertEquals(4, first.baseline().orElseThrow().newFindings(), "not written yet: every finding is new");
        assertTrue(first.failsAt(Severity.ERROR));

        Baseline baseline = Baseline.of(first);
        assertEquals(4, baseline.entries().size());
        baseline.write(dir.resolve("known.json"));
        String text = Files.readString(dir.resolve("known.json"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"regionlintBaseline\": 1,\n  \"findings\": [\n    {\n      \"ruleId\": \"RL9001\","),
                text);
        assertFalse(text.contains("\"line\""), "no line numbers: they move");
        assertEquals(baseline, Baseline.read(new StringReader(text)), "reads back what it wrote");
        List<String> hints = baseline.entries().stream().map(Baseline.Entry::hint).toList();
        assertEquals(hints.stream().sorted().toList(), hints, "sorted by rule id, then hint");
        assertEquals("app-eu-west-1/Data: bucket 'data-eu-west-1' (eu-west-1)", hints.get(0));

        // the bucket Logs is fixed, a bucket Archive is new
        Files.writeString(dir.resolve("app.yaml"), TEMPLATE.replace("  Logs:\n    Type: AWS::S3::Bucket\n",
                "  Archive:\n    Type: AWS::S3::Bucket\n"));
        LintResult second = linter.run(LintRequest.of(List.of(dir), dir));
        BaselineComparison comparison = second.baseline().orElseThrow();
        assertEquals(2, comparison.newFindings());
        assertEquals(2, comparison.unchanged());
        assertEquals(List.of("app-eu-west-1/Logs: bucket 'Logs' (eu-west-1)", "app-us-east-1/Logs: bucket 'Logs' (us-east-1)"),
                comparison.fixed().stream().map(Baseline.Entry::hint).toList());
        Finding kept = data(second, "us-east-1");
        assertEquals(Optional.of(BaselineState.UNCHANGED), kept.baselineState());
        assertEquals(Suppression.Origin.BASELINE, kept.suppressed().orElseThrow().origin());
        assertEquals("external", kept.suppressed().orElseThrow().kind());
        assertEquals(2, second.summary().baselined());
        assertEquals(2, second.summary().errors(), "the two Archive buckets");
        assertTrue(second.failsAt(Severity.ERROR));

        // --baseline overrides the project file's; false ignores both
        LintResult ignored = linter.run(LintRequest.of(List.of(dir), dir).withBaseline(Optional.empty(), false));
        assertTrue(ignored.baseline().isEmpty());
        assertTrue(ignored.findings().stream().allMatch(f -> f.baselineState().isEmpty()));
    }

    @Test
    void aBaselineFileThatCannotBeUsedIsAnInputError(@TempDir Path dir) throws IOException {
        project(dir, PROJECT);
        Linter linter = new Linter(new RuleRegistry(List.of(new EveryBucketRule())), on(LocalDate.of(2001, 1, 1)));
        LintResult missing = linter.run(LintRequest.of(List.of(dir), dir)
                .withBaseline(Optional.of(dir.resolve("none.json")), true));
        assertEquals("none.json", missing.errors().get(0).file());
        assertTrue(missing.errors().get(0).message().contains("write it with 'regionlint baseline --output none.json'"),
                missing.errors().get(0).message());

        Files.writeString(dir.resolve("future.json"), "{\"regionlintBaseline\": 2, \"findings\": []}");
        LintResult future = linter.run(LintRequest.of(List.of(dir), dir)
                .withBaseline(Optional.of(dir.resolve("future.json")), true));
        assertTrue(future.errors().get(0).message().contains("baseline format 2 is not supported"),
                future.errors().toString());

        Files.writeString(dir.resolve("broken.json"), "{\"regionlintBaseline\": 1, \"findings\": [");
        LintResult broken = linter.run(LintRequest.of(List.of(dir), dir)
                .withBaseline(Optional.of(dir.resolve("broken.json")), true));
        assertTrue(broken.errors().get(0).message().startsWith("baseline: not valid JSON"), broken.errors().toString());
        assertTrue(broken.baseline().isEmpty());
    }

    @Test
    void entriesWithoutAFingerprintAreRejected() {
        Baseline.FormatException e = assertThrows(Baseline.FormatException.class, () -> Baseline.read(
                new StringReader("{\"regionlintBaseline\": 1, \"findings\": [{\"ruleId\": \"RL2001\"}]}")));
        assertTrue(e.getMessage().contains("without a \"fingerprint\""), e.getMessage());
    }
}
