package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionlint check} with the test rules: RL9001 (warning) reports every bucket, RL9002
 * (note) every resource of a stack without a Region. The project deploys one audit bucket to
 * two Regions, so it has two RL9001 findings and no RL9002 finding.
 */
class CheckCommandTest {

    private final CliRunner cli = CliRunner.inResources();

    @Test
    void warningsBelowTheDefaultThresholdExitZero() {
        CliRunner.Run run = cli.run("check", "project");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("RL9001"), run::toString);
        assertTrue(run.out().contains("project/templates/audit-bucket.yaml:13:"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void findingsAtTheThresholdExitOne() {
        CliRunner.Run run = cli.run("check", "project", "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run::toString);
    }

    @Test
    void failOnNeverReportsButPasses() {
        CliRunner.Run run = cli.run("check", "project", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("RL9001"), run::toString);
    }

    @Test
    void severityOverrideRaisesARuleToTheThreshold() {
        assertEquals(1, cli.run("check", "project", "--severity", "rl9001=error").exitCode());
        assertEquals(0, cli.run("check", "project", "--severity", "RL9001=note", "--fail-on", "warning").exitCode());
    }

    @Test
    void ruleAndSkipRuleSelectByPrefix() {
        CliRunner.Run skipped = cli.run("check", "project", "--skip-rule", "RL9001", "--fail-on", "note");
        assertEquals(0, skipped.exitCode(), skipped::toString);
        assertFalse(skipped.out().contains("RL9001"), skipped::toString);

        CliRunner.Run onlyRegionless = cli.run("check", "templates/audit-bucket.yaml", "--rule", "RL9002",
                "--fail-on", "note");
        assertEquals(1, onlyRegionless.exitCode(), onlyRegionless::toString);
        assertTrue(onlyRegionless.out().contains("RL9002"), onlyRegionless::toString);
        assertFalse(onlyRegionless.out().contains("RL9001"), onlyRegionless::toString);

        CliRunner.Run both = cli.run("check", "templates/audit-bucket.yaml", "--rule", "RL900", "--fail-on", "warning");
        assertEquals(1, both.exitCode(), both::toString);
        assertTrue(both.out().contains("RL9001") && both.out().contains("RL9002"), both::toString);
    }

    @Test
    void regionsDeployEveryTemplateToEachRegion() {
        CliRunner.Run run = cli.run("check", "templates/audit-bucket.yaml", "--regions", "us-east-1,EU-WEST-1",
                "--account", "111122223333", "--parameter", "Environment=staging", "--fail-on", "note",
                "--skip-rule", "RL9001");
        // every stack has a Region now, so the regionless rule is silent
        assertEquals(0, run.exitCode(), run::toString);
        CliRunner.Run buckets = cli.run("check", "templates/audit-bucket.yaml", "--regions", "us-east-1,eu-west-1",
                "--rule", "RL9001", "--format", "json");
        assertEquals(2, buckets.out().split("\"RL9001\"", -1).length - 1, buckets::toString);
    }

    @Test
    void unreadableInputExitsThreeAndTheOtherInputsAreStillReported() {
        CliRunner.Run run = cli.run("check", "templates/malformed.yaml", "templates/audit-bucket.yaml",
                "--fail-on", "warning");
        // 3 takes precedence over 1
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("templates/malformed.yaml:11:"), run::toString);
        assertTrue(run.out().contains("templates/audit-bucket.yaml:13:"), run::toString);
    }

    @Test
    void missingInputExitsThree() {
        CliRunner.Run run = cli.run("check", "templates/no-such-template.yaml");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("no-such-template.yaml"), run::toString);
    }

    @Test
    void noPathUsesTheProjectFileOfTheWorkingDirectory() {
        CliRunner.Run run = CliRunner.in(cli.workingDir().resolve("project/templates")).run("check", "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("RL9001"), run::toString);
    }

    @Test
    void noPathAndNoProjectFileIsAUsageError(@TempDir Path empty) {
        CliRunner.Run run = CliRunner.in(empty).run("check");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(".regionlint.yaml"), run::toString);
    }

    @Test
    void aFolderWithNothingToLintIsAUsageErrorWordedForACiLog(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("infra"));
        Files.writeString(dir.resolve("infra/README.md"), "# templates live elsewhere\n");
        CliRunner.Run run = CliRunner.in(dir).run("check", "infra");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.out().contains("infra:1:1: error: nothing to lint in infra: no .yaml/.yml/.json/.template"
                + " file holding a CloudFormation template"), run::toString);
    }

    @Test
    void anUnreadableInputOutranksNothingToLint(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("broken.yaml"), "Resources:\n  Bucket: [\n");
        CliRunner.Run run = CliRunner.in(dir).run("check", "empty", "broken.yaml");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("nothing to lint in empty"), run::toString);
    }

    @Test
    void configOptionNamesTheProjectFile(@TempDir Path elsewhere) {
        Path config = cli.workingDir().resolve("project/.regionlint.yaml");
        CliRunner.Run run = CliRunner.in(elsewhere).run("check", "--config", config.toString(), "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run::toString);
    }

    @Test
    void jsonReportGoesToTheOutputFile(@TempDir Path tmp) throws IOException {
        Path report = tmp.resolve("reports/regionlint.json");
        CliRunner.Run run = cli.run("check", "project", "--format", "json", "--output", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out());
        String json = Files.readString(report);
        assertTrue(json.contains("\"findings\""), json);
        assertTrue(json.contains("\"RL9001\""), json);
    }

    @Test
    void formatsPairWithOutputsByPosition(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("out.json");
        CliRunner.Run run = cli.run("check", "project", "--format", "json", "--output", json.toString(),
                "--format", "text");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.readString(json).contains("\"RL9001\""));
        assertTrue(run.out().contains("project/templates/audit-bucket.yaml:13:"), run::toString);

        CliRunner.Run dash = cli.run("check", "project", "--format", "text", "--output", "-", "--format", "json",
                "--output", json.toString());
        assertEquals(0, dash.exitCode(), dash::toString);
        assertTrue(dash.out().contains("RL9001"), dash::toString);
    }

    @Test
    void aReportFileThatCannotBeWrittenIsAUsageErrorAfterTheOthersAreWritten(@TempDir Path tmp) throws IOException {
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "");
        Path json = tmp.resolve("ok.json");
        CliRunner.Run run = cli.run("check", "project", "--format", "sarif", "--output",
                blocker.resolve("x.sarif").toString(), "--format", "json", "--output", json.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("regionlint: cannot write the sarif report to "), run::toString);
        assertTrue(Files.readString(json).contains("\"RL9001\""));
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheTemplateKept(@TempDir Path tmp) throws IOException {
        Path template = tmp.resolve("app.yaml");
        Files.copy(cli.workingDir().resolve("templates/audit-bucket.yaml"), template);
        String before = Files.readString(template);
        CliRunner.Run run = CliRunner.in(tmp).run("check", "app.yaml", "--regions", "us-east-1", "--format", "json",
                "--output", "app.yaml");
        assertUsageError(run, "refusing to write the json report to " + template + ": it is an input of this run");
        assertEquals(before, Files.readString(template));

        // found by searching a folder, it is only known after the run: still refused, other reports written
        CliRunner.Run found = CliRunner.in(tmp).run("check", ".", "--regions", "us-east-1", "--format", "json",
                "--output", "app.yaml", "--format", "sarif", "--output", "regionlint.sarif");
        assertEquals(2, found.exitCode(), found::toString);
        assertTrue(found.err().startsWith("regionlint: refusing to write the json report to " + template),
                found::toString);
        assertEquals(before, Files.readString(template));
        assertTrue(Files.readString(tmp.resolve("regionlint.sarif")).contains("RL9001"));
    }

    @Test
    void severityOffTurnsARuleOffAsInTheProjectFile() {
        CliRunner.Run run = cli.run("check", "project", "--severity", "RL9001=off", "--fail-on", "note");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("RL9001"), run::toString);
    }

    @Test
    void aMistypedRuleIdInTheProjectFileIsAnInputError(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("templates"));
        Files.copy(cli.workingDir().resolve("templates/audit-bucket.yaml"), tmp.resolve("templates/app.yaml"));
        Files.writeString(tmp.resolve(".regionlint.yaml"), "version: 1\ntopology:\n  regions: { us-east-1: active }\n"
                + "  stacks:\n    - { name: app, template: templates/app.yaml }\nrules:\n  RL9011: off\n");
        CliRunner.Run run = CliRunner.in(tmp).run("check");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains(".regionlint.yaml:7:3: error: project file: rules: no rule id starts with RL9011;"
                + " did you mean RL9001?"), run::toString);
    }

    @Test
    void outputWithoutAFormatIsAUsageError() {
        CliRunner.Run run = cli.run("check", "project", "--format", "json", "--output", "a.json", "--output", "b.json");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--output"), run::toString);
    }

    @Test
    void twoReportsOnStandardOutputIsAUsageError() {
        CliRunner.Run run = cli.run("check", "project", "--format", "text", "--format", "json");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("standard output"), run::toString);
    }

    @Test
    void quietLeavesOutTheSummaryLine() {
        String full = cli.run("check", "project").out();
        String quiet = cli.run("check", "project", "--quiet").out();
        String[] lines = full.split("\n");
        assertTrue(full.startsWith(quiet), quiet);
        assertEquals(full.length() - lines[lines.length - 1].length() - 1, quiet.length(), quiet);
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheValue() {
        assertUsageError(cli.run("check", "project", "--regions", "us-east-1,us-east-9x"), "us-east-9x");
        assertUsageError(cli.run("check", "project", "--account", "12345"), "12345");
        assertUsageError(cli.run("check", "project", "--severity", "RL9001=fatal"), "fatal");
        assertUsageError(cli.run("check", "project", "--severity", "S3=error"), "S3");
        assertUsageError(cli.run("check", "project", "--fail-on", "sometimes"), "sometimes");
        assertUsageError(cli.run("check", "project", "--format", "xml"), "xml");
        assertUsageError(cli.run("check", "project", "--parameter", "NoEqualsSign"), "NoEqualsSign");
        assertUsageError(cli.run("check", "project", "--no-such-option"), "--no-such-option");
    }

    @Test
    void anUnknownRegionIsAUsageErrorWithASuggestion() {
        CliRunner.Run run = cli.run("check", "templates/audit-bucket.yaml", "--regions", "us-east-1,eu-wst-1");
        assertUsageError(run, "unknown Region 'eu-wst-1': did you mean eu-west-1?");
        assertTrue(run.err().contains("--allow-unknown-regions"), run::toString);
        // also with a project file, whose own Regions are known
        assertUsageError(cli.run("check", "project", "--regions", "eu-wst-1"), "did you mean eu-west-1?");
    }

    @Test
    void allowUnknownRegionsDeploysToARegionNewerThanTheList() {
        CliRunner.Run run = cli.run("check", "templates/audit-bucket.yaml", "--regions", "us-east-1,xx-new-1",
                "--allow-unknown-regions", "--rule", "RL9001", "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, run.out().split("\"RL9001\"", -1).length - 1, run::toString);
        assertTrue(run.out().contains("\"region\": \"xx-new-1\""), run::toString);
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CliRunner.Run run = cli.run("check", "project", "--fromat", "json");
        assertUsageError(run, "--fromat");
        assertTrue(run.err().contains("Did you mean: --format?"), run::toString);
    }

    @Test
    void ruleIdsThatMatchNoRuleAreUsageErrors() {
        assertUsageError(cli.run("check", "project", "--rule", "RL2001"), "RL2001");
        assertUsageError(cli.run("check", "project", "--skip-rule", "RL8"), "RL8");
        assertUsageError(cli.run("check", "project", "--severity", "RL7=note"), "RL7");
    }

    @Test
    void anUncaughtExceptionIsAnInternalErrorWithoutStackTrace() {
        CliRunner broken = CliRunner.inResources().rules(TestRules::withBrokenRule);
        CliRunner.Run run = broken.run("check", "project");
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("regionlint: internal error: test rule failed on purpose\n"), run::toString);
        assertTrue(run.err().contains("please report it"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);

        CliRunner.Run debug = broken.run("check", "project", "--debug");
        assertEquals(4, debug.exitCode(), debug::toString);
        assertTrue(debug.err().contains("\tat io.regionlint.cli.TestRules$BrokenRule.check"), debug::toString);

        CliRunner.Run fromEnvironment = CliRunner.inResources().rules(TestRules::withBrokenRule)
                .variables(Map.of("REGIONLINT_DEBUG", "1")).run("check", "project");
        assertTrue(fromEnvironment.err().contains("\tat "), fromEnvironment::toString);
    }

    @Test
    void outOfMemorySaysHowToGiveJavaMoreInsteadOfAskingForABugReport() {
        CliRunner.Run run = CliRunner.inResources().rules(TestRules::withMemoryHungryRule).run("check", "project");
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("regionlint: out of memory: the inputs need more than the "), run::toString);
        assertTrue(run.err().contains("JAVA_OPTS=-Xmx"), run::toString);
        assertFalse(run.err().contains("bug"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    static void assertUsageError(CliRunner.Run run, String named) {
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("regionlint: "), run::toString);
        assertTrue(run.err().contains(named), run::toString);
        assertTrue(run.err().contains("--help"), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}
