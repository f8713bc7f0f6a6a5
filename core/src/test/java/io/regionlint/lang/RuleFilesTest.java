package io.regionlint.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule files with mistakes: each problem at its line and column, in plain words, the sound rules still loaded. */
class RuleFilesTest {

    private static final String GOOD = """
            rule ACME-001 {
              severity error
              message "Table {resource} has no point-in-time recovery in {r.region}"
              select "AWS::DynamoDB::GlobalTable"
              require every replica r: r.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled == true
            }
            """;

    @Test
    void aSoundRuleLoadsWithItsMetadata() {
        RuleFiles.Loaded loaded = RuleFiles.parse(GOOD, "rules/team.rlr");
        assertEquals(List.of(), loaded.problems());
        var meta = loaded.rules().get(0).metadata().orElseThrow();
        assertEquals("ACME-001", meta.id());
        assertEquals("rules/team.rlr:1", meta.source().orElseThrow());
    }

    @Test
    void aSyntaxErrorIsReportedInPlainWordsAndTheOtherRulesStillLoad() {
        RuleFiles.Loaded loaded = RuleFiles.parse(GOOD + """
                rule ACME-002 {
                  severity error
                  message "x"
                  select "AWS::S3::Bucket"
                  require Properties.BucketName ==
                }
                """, "team.rlr");
        assertEquals(1, loaded.rules().size());
        RuleProblem p = loaded.problems().get(0);
        assertEquals(12, p.line());
        assertTrue(p.message().startsWith("did not expect '}' here; expected"), p.message());
        assertTrue(!p.message().contains("mismatched") && !p.message().contains("{"), p.message());
    }

    @Test
    void aBuiltInIdAnUnknownNameAndAMissingClauseAreRefused() {
        RuleFiles.Loaded loaded = RuleFiles.parse("""
                rule RL2001 {
                  severity fatal
                  message "{resource} {nope}"
                  select "AWS::S3::Bucket"
                  require every replicaa r: Propertes.X == 1
                }
                rule ACME-3 {
                  severity warning
                }
                """, "team.rlr");
        assertEquals(List.of(), loaded.rules());
        List<String> messages = loaded.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.message())
                .toList();
        assertTrue(messages.get(0).startsWith("1:6 rule id RL2001 is reserved for regionlint's own rules"),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("2:12 'fatal' is not a severity")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("placeholder {nope}")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("5:17 'replicaa' is not something to quantify over")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("unknown name 'Propertes'")
                && m.contains("did you mean 'Properties'?")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("7:1 rule ACME-3 needs message, select, require")),
                messages.toString());
    }
}
