package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with the built-in rules and reports, as {@code java -jar regionlint.jar} runs it:
 * one-way replication between two active Regions is RL2001 (error), a template without a
 * Region is RL1003 (note), a malformed template is RL1001 and exit code 3.
 */
class BuiltInRulesTest {

    private static final String ESC = "\u001b[";
    private static final String ONE_WAY = "templates/one-way-replication.yaml";
    private static final String TWO_REGIONS = "us-east-1,eu-west-1";

    private final CliRunner cli = CliRunner.inResources().rules(RuleRegistry::load);

    @Test
    void oneWayReplicationFailsTheRun() {
        CliRunner.Run run = cli.run("check", ONE_WAY, "--regions", TWO_REGIONS);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(ONE_WAY + ":36:25: error: Bucket 'acme-orders-eu-west-1' (eu-west-1) receives "
                + "replicas from 'acme-orders-us-east-1' (us-east-1)"), run::toString);
        assertTrue(run.out().contains("[RL2001 s3-replication-not-bidirectional]"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void skippingOrDowngradingTheRulePassesTheRun() {
        assertEquals(0, cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--skip-rule", "RL2001").exitCode());
        assertEquals(0, cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--skip-rule", "RL2").exitCode());
        assertEquals(0, cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--severity", "RL2001=warning").exitCode());
        assertEquals(1, cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--severity", "RL2001=warning",
                "--fail-on", "warning").exitCode());
        CliRunner.Run other = cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--rule", "RL1,RL5");
        assertEquals(0, other.exitCode(), other::toString);
        assertFalse(other.out().contains("RL2001"), other::toString);
    }

    @Test
    void aTemplateWithoutRegionIsANote() {
        CliRunner.Run run = cli.run("check", "templates/audit-bucket.yaml");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("[RL1003 region-unknown]"), run::toString);
        CliRunner.Run strict = cli.run("check", "templates/audit-bucket.yaml", "--fail-on", "note");
        assertEquals(1, strict.exitCode(), strict::toString);
        CliRunner.Run withRegions = cli.run("check", "templates/audit-bucket.yaml", "--fail-on", "note",
                "--regions", TWO_REGIONS);
        assertEquals(0, withRegions.exitCode(), withRegions::toString);
    }

    @Test
    void aMalformedTemplateExitsThreeEvenWithOtherFindings() {
        CliRunner.Run run = cli.run("check", "templates/malformed.yaml", ONE_WAY, "--regions", TWO_REGIONS);
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("templates/malformed.yaml:11:8: error: YAML syntax"), run::toString);
        assertTrue(run.out().contains("[RL1001 input-unreadable]"), run::toString);
        assertTrue(run.out().contains("[RL2001 s3-replication-not-bidirectional]"), run::toString);
    }

    @Test
    void everyProjectGivenIsLintedWithItsOwnAccountAndRegions() {
        CliRunner.Run run = cli.run("check", "two-projects/orders-prod", "two-projects/orders-staging", "--fail-on",
                "note");
        // merged into one topology, staging's table (another account) would be taken for a second
        // declaration of production's table (RL3010) and linted without its Regions (RL1003)
        assertFalse(run.out().contains("RL3010"), run::toString);
        assertFalse(run.out().contains("RL1003"), run::toString);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("2 files, 2 stacks"), run::toString);
    }

    @Test
    void aProjectAndLooseTemplatesAreLintedApart() {
        CliRunner.Run run = cli.run("check", "two-projects/orders-prod", ONE_WAY, "--regions", TWO_REGIONS);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("[RL2001 s3-replication-not-bidirectional]"), run::toString);
        assertFalse(run.out().contains("RL3010"), run::toString);
        assertTrue(run.out().contains("2 files, 3 stacks"), run::toString);
    }

    @Test
    void theSampleStyleProjectPasses() {
        CliRunner.Run run = cli.run("check", "project", "--fail-on", "note");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void sarifAndJsonGoToTheirFiles(@TempDir Path tmp) throws IOException {
        Path sarif = tmp.resolve("regionlint.sarif");
        Path json = tmp.resolve("regionlint.json");
        CliRunner.Run run = cli.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--format", "sarif", "--output",
                sarif.toString(), "--format", "json", "--output", json.toString(), "--format", "text");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(Files.readString(sarif).contains("\"2.1.0\""));
        assertTrue(Files.readString(sarif).contains("\"RL2001\""));
        assertTrue(Files.readString(json).contains("\"ruleId\": \"RL2001\""), json::toString);
        assertTrue(run.out().contains("[RL2001 s3-replication-not-bidirectional]"), run::toString);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWhenAskedNotTo(@TempDir Path tmp) throws IOException {
        String[] check = {"check", ONE_WAY, "--regions", TWO_REGIONS};
        assertFalse(cli.run(check).out().contains(ESC), "not a terminal");
        CliRunner terminal = CliRunner.inResources().rules(RuleRegistry::load).terminal(true);
        assertTrue(terminal.run(check).out().contains(ESC), "a terminal");
        assertFalse(terminal.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--no-color").out().contains(ESC));
        CliRunner noColor = CliRunner.inResources().rules(RuleRegistry::load).terminal(true)
                .variables(Map.of("NO_COLOR", "1"));
        assertFalse(noColor.run(check).out().contains(ESC), "NO_COLOR");
        Path text = tmp.resolve("report.txt");
        terminal.run("check", ONE_WAY, "--regions", TWO_REGIONS, "--format", "text", "--output", text.toString());
        assertFalse(Files.readString(text).contains(ESC), "a file");
    }

    @Test
    void rulesListsTheBuiltInRules() {
        CliRunner.Run run = cli.run("rules");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s).*\nRL2001 +s3-replication-not-bidirectional +error +.*"), run::toString);
    }

    @Test
    void explainPrintsTheShippedMarkdown() {
        CliRunner.Run run = cli.run("explain", "RL2001");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("# RL2001 s3-replication-not-bidirectional\n"), run::toString);
        assertTrue(run.out().contains("## How to fix"), run::toString);
    }

    @Test
    void explainSuggestsNearIds() {
        // RL2010 used to be two edits from RL2001 only; RL1010 and RL3010 are one edit away now
        CliRunner.Run run = cli.run("explain", "RL2000");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("RL2001"), run::toString);
    }
}
