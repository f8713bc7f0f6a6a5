package io.regionlint.rules.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.RuleLevel;
import io.regionlint.engine.Severity;
import io.regionlint.testing.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RL5005 reports a statement that reaches every key as an error, and one whose conditions narrow
 * it (or may narrow it) as a warning; a severity the user configures still applies to all.
 */
class ReplicationRoleUnscopedSeverityTest {

    private static List<Finding> run(String fixture, Map<String, RuleLevel> severities) {
        Path path = FixtureHarness.fixtures("RL5005").stream()
                .filter(p -> p.getFileName().toString().equals(fixture)).findFirst().orElseThrow();
        LintRequest request = LintRequest.of(List.of(path), path.getParent()).withRules(List.of("RL5005"), List.of())
                .withRegions(List.of("us-east-1")).withParameters(Map.of(), Optional.of("111122223333"))
                .withConfig(Optional.empty(), severities);
        return new Linter(RuleRegistry.load()).run(request).findings();
    }

    private static List<Severity> severities(List<Finding> findings) {
        return findings.stream().map(Finding::severity).toList();
    }

    @Test
    void anAliasConditionMakesItAWarning() {
        assertEquals(List.of(Severity.WARNING), severities(run("bad-kms-request-alias-cross-account.yaml", Map.of())));
    }

    @Test
    void conditionsNotEvaluatedLowerTheCertainty() {
        assertEquals(List.of(Severity.WARNING, Severity.WARNING),
                severities(run("bad-kms-condition-not-evaluated.yaml", Map.of())));
    }

    @Test
    void conditionsThatDoNotNarrowTheKeysLeaveAnError() {
        assertEquals(List.of(Severity.ERROR, Severity.ERROR),
                severities(run("bad-kms-caller-account-narrows-nothing.yaml", Map.of())));
    }

    @Test
    void anS3ConditionNotEvaluatedIsAWarningAndAnAccountConditionIsNot() {
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), severities(run("bad-s3-conditions.yaml", Map.of())));
    }

    @Test
    void aConfiguredSeverityAppliesToEveryFinding() {
        assertEquals(List.of(Severity.ERROR),
                severities(run("bad-kms-request-alias-cross-account.yaml", Map.of("RL5005", RuleLevel.ERROR))));
    }
}
