package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.InputError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request builder and the project file's {@code rules:} are checked against the registry by
 * the same code, and {@code off} means the same in both. The registry holds LinterTest's RL9001
 * (one warning per bucket) and RL9002.
 */
class LintRequestTest {

    private final RuleRegistry registry = new RuleRegistry(List.of(new LinterTest.EveryBucketRule(),
            new LinterTest.EveryStackRule()));

    private static Path buckets() throws URISyntaxException {
        return Path.of(LintRequestTest.class.getResource("/engine/buckets.yaml").toURI());
    }

    @Test
    void idsAndLevelsAreReadInAnyCaseAndNormalised() throws Exception {
        LintRequest request = LintRequest.builder(Path.of(".")).rules(List.of(" rl90 ")).skipRules(List.of("rl9002"))
                .severities(Map.of("rl9001", "OFF")).regions(List.of("US-EAST-1", "us-east-1"))
                .account(Optional.of("111122223333")).build(registry);
        assertEquals(List.of("RL90"), request.includeRules());
        assertEquals(List.of("RL9002"), request.excludeRules());
        assertEquals(Map.of("RL9001", RuleLevel.OFF), request.severities());
        assertEquals(List.of("us-east-1"), request.regions());
    }

    @Test
    void everyProblemIsReportedWithItsFieldAndValue() {
        LintRequest.InvalidRequestException e = assertThrows(LintRequest.InvalidRequestException.class, () ->
                LintRequest.builder(Path.of(".")).rules(List.of("RL9011")).skipRules(List.of("S3"))
                        .severities(Map.of("RL9001", "fatal")).regions(List.of("us-east-9x"))
                        .account(Optional.of("12345")).build(registry));
        List<LintRequest.Problem> problems = e.problems();
        assertEquals(List.of(LintRequest.Field.RULES, LintRequest.Field.SKIP_RULES, LintRequest.Field.SEVERITIES,
                LintRequest.Field.REGIONS, LintRequest.Field.ACCOUNT), problems.stream().map(LintRequest.Problem::field)
                .toList());
        assertEquals("no rule id starts with RL9011; did you mean RL9001?", problems.get(0).message());
        assertEquals("'S3' is not a rule id or id prefix (expected e.g. RL2001 or RL2)", problems.get(1).message());
        assertEquals("'fatal' is not a level for RL9001 (expected one of: error, warning, note, off)",
                problems.get(2).message());
        assertEquals("us-east-9x", problems.get(3).value());
        assertEquals("12345", problems.get(4).value());
    }

    @Test
    void aPrefixThatMatchesNoRuleIsRefusedToo() {
        LintRequest.InvalidRequestException e = assertThrows(LintRequest.InvalidRequestException.class, () ->
                LintRequest.builder(Path.of(".")).severities(Map.of("RL7", "note")).build(registry));
        assertEquals("no rule id starts with RL7", e.problems().get(0).message());
    }

    @Test
    void severityOffTurnsTheRuleOffLikeTheProjectFile(@TempDir Path tmp) throws Exception {
        Path template = buckets();
        LintRequest request = LintRequest.builder(template.getParent()).inputs(List.of(template))
                .regions(List.of("us-east-1")).severities(Map.of("RL9001", "off")).build(registry);
        LintResult result = new Linter(registry).run(request);
        assertTrue(result.rulesRun().stream().noneMatch(r -> r.id().equals("RL9001")), result.rulesRun().toString());
        assertTrue(result.findings().stream().noneMatch(f -> f.ruleId().equals("RL9001")));

        Path project = Files.writeString(tmp.resolve(".regionlint.yaml"), "version: 1\n"
                + "topology:\n  regions: { us-east-1: active }\n  stacks:\n"
                + "    - { name: app, template: buckets.yaml }\n"
                + "rules:\n  RL9001: { severity: off }\n");
        Files.copy(template, tmp.resolve("buckets.yaml"));
        LintResult fromFile = new Linter(registry).run(LintRequest.of(List.of(project), tmp));
        assertEquals(List.of(), fromFile.errors());
        assertTrue(fromFile.rulesRun().stream().noneMatch(r -> r.id().equals("RL9001")));
        assertFalse(fromFile.rulesRun().isEmpty());
    }

    @Test
    void aMistypedRuleIdInTheProjectFileIsAnInputErrorAtItsLine(@TempDir Path tmp) throws IOException,
            URISyntaxException {
        Path project = Files.writeString(tmp.resolve(".regionlint.yaml"), "version: 1\n"
                + "topology:\n  regions: { us-east-1: active }\n  stacks:\n"
                + "    - { name: app, template: buckets.yaml }\n"
                + "rules:\n  RL9: { severity: note }\n  RL9011: off\n");
        Files.copy(buckets(), tmp.resolve("buckets.yaml"));
        LintResult result = new Linter(registry).run(LintRequest.of(List.of(project), tmp));
        assertEquals(List.of(new InputError(".regionlint.yaml", 8, 3, "project file: rules: no rule id starts with "
                + "RL9011; did you mean RL9001? (run 'regionlint rules' to list the rules)")), result.errors());
        // the rest of the project is still linted
        assertFalse(result.findings().isEmpty());
    }

    @Test
    void aResultListsTheFilesItReadIncludingTheProjectFile() throws Exception {
        Path project = Path.of(LintRequestTest.class.getResource("/engine/project/.regionlint.yaml").toURI());
        LintResult result = new Linter(registry).run(LintRequest.of(List.of(project.getParent()), project.getParent()));
        assertEquals(List.of(buckets(), project), result.inputFiles());
    }

    @Test
    void thresholdsCountWhatFailsTheRun() throws Exception {
        Path template = buckets();
        LintResult result = new Linter(registry).run(LintRequest.builder(template.getParent())
                .inputs(List.of(template)).regions(List.of("us-east-1")).rules(List.of("RL9001")).build(registry));
        // one unsuppressed warning (the logs bucket is suppressed in the template)
        assertFalse(FailThreshold.ERROR.failedBy(result));
        assertTrue(FailThreshold.WARNING.failedBy(result));
        assertEquals(1, FailThreshold.NOTE.count(result));
        assertFalse(FailThreshold.NEVER.failedBy(result));
        assertEquals(Optional.of(FailThreshold.NEVER), FailThreshold.parse(" Never "));
        assertEquals(Optional.empty(), FailThreshold.parse("sometimes"));
    }
}
