package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.report.ReportContext;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rules}, {@code explain}, {@code --help} and {@code --version}. */
class InfoCommandsTest {

    private final CliRunner cli = CliRunner.inResources();

    @Test
    void rulesListsIdNameSeverityAndSummary() {
        CliRunner.Run run = cli.run("rules");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("ID +NAME +SEVERITY +SUMMARY"), lines[0]);
        assertTrue(lines[1].matches("RL9001 +every-bucket +warning +Reports every S3 bucket"), lines[1]);
        assertTrue(lines[2].matches("RL9002 +regionless-resource +note +Reports every resource .*"), lines[2]);
    }

    @Test
    void rulesAsJson() throws IOException {
        CliRunner.Run run = cli.run("rules", "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("schemaVersion").asInt());
        JsonNode first = json.get("rules").get(0);
        assertEquals("RL9001", first.get("id").asText());
        assertEquals("every-bucket", first.get("name").asText());
        assertEquals("warning", first.get("severity").asText());
        assertTrue(first.get("helpUri").asText().endsWith("RL9001.md"));
    }

    @Test
    void rulesRejectsSarif() {
        CheckCommandTest.assertUsageError(cli.run("rules", "--format", "sarif"), "sarif");
    }

    @Test
    void explainPrintsTheRulesMarkdown() {
        CliRunner.Run run = cli.run("explain", "rl9001");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("# RL9001 every-bucket\n"), run::toString);
        assertEquals(run.out(), cli.run("explain", "every-bucket").out());
    }

    @Test
    void explainWithoutMarkdownFallsBackToTheSummary() {
        CliRunner.Run run = cli.run("explain", "RL9002");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Reports every resource of a stack without a Region"), run::toString);
    }

    @Test
    void explainOfAnUnknownIdIsAUsageErrorWithSuggestions() {
        CliRunner.Run run = cli.run("explain", "RL9003");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().contains("no rule 'RL9003'"), run::toString);
        assertTrue(run.err().contains("RL9001"), run::toString);
        assertTrue(run.err().contains("regionlint rules"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "rules", "explain"})
    void helpTeachesDescriptionExamplesAndExitCodes(String command) {
        CliRunner.Run run = command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        String help = run.out();
        assertTrue(help.contains("Examples:"), help);
        assertTrue(help.indexOf("Exit codes:") > help.indexOf("Examples:"), help);
        for (ExitCode code : ExitCode.values()) {
            assertTrue(help.contains("  " + code.code() + "   " + code.description().substring(0, 20)), help);
        }
    }

    @Test
    void checkHelpShowsTheTypicalUses() {
        String help = cli.run("check", "--help").out();
        assertTrue(help.contains("regionlint check samples/two-region-app"), help);
        assertTrue(help.contains("regionlint check templates/ --regions us-east-1,eu-west-1"), help);
        assertTrue(help.contains("--format sarif --output regionlint.sarif"), help);
        assertTrue(help.contains("--fail-on"), help);
    }

    @Test
    void helpSubcommandShowsACommandsHelp() {
        assertEquals(cli.run("check", "--help").out(), cli.run("help", "check").out());
    }

    @Test
    void versionComesFromTheBuild() {
        CliRunner.Run run = cli.run("--version");
        assertEquals(0, run.exitCode());
        assertEquals("regionlint " + ReportContext.currentVersion() + "\n", run.out());
        assertTrue(run.out().matches("regionlint \\d+\\.\\d+\\.\\d+.*\\n"), run.out());
    }

    @Test
    void noCommandShowsTheUsageAndIsAUsageError() {
        CliRunner.Run run = cli.run();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Usage: regionlint"), run.err());
    }

    @Test
    void helpAndVersionDoNotLoadTheRules() {
        CliRunner never = CliRunner.inResources().rules(() -> {
            throw new AssertionError("rules loaded");
        });
        assertEquals(0, never.run("--version").exitCode());
        assertEquals(0, never.run("check", "--help").exitCode());
    }
}
