package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionlint graph} with the test rules (RL9001 reports every bucket): the same inputs and
 * options as {@code check}, three formats, exit codes that ignore findings.
 */
class GraphCommandTest {

    private final CliRunner cli = CliRunner.inResources();

    @Test
    void mermaidOfTheProjectHasBothRegionsAndItsFindings() {
        CliRunner.Run run = cli.run("graph", "project", "--format", "mermaid");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("flowchart LR\n"), run::toString);
        assertTrue(run.out().contains("[\"us-east-1 · active\"]") && run.out().contains("[\"eu-west-1 · active\"]"),
                run::toString);
        assertTrue(run.out().contains("RL9001"), "findings do not fail graph, but they are drawn: " + run);
        assertEquals("", run.err());
    }

    @Test
    void topologyAndRuleOptionsAreCheckOptions() {
        CliRunner.Run run = cli.run("graph", "templates/audit-bucket.yaml", "--regions", "us-east-1,eu-west-1",
                "--skip-rule", "RL9001", "--format", "dot");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("label=\"us-east-1 (active)\"") && run.out().contains("label=\"eu-west-1 (active)\""),
                run::toString);
        assertTrue(!run.out().contains("RL9001"), "--skip-rule RL9001 still drew it: " + run);
    }

    @Test
    void htmlGoesToTheOutputFileAndCheckWritesTheSamePageWithATable(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("out/system.html");
        CliRunner.Run run = cli.run("graph", "project", "--output", page.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"), html);
        Path report = dir.resolve("report.html");
        CliRunner.Run check = cli.run("check", "project", "--format", "html", "--output", report.toString());
        assertEquals(0, check.exitCode(), check::toString);
        String withTable = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(withTable.contains("<table id=\"rl-table\">") && withTable.contains("RL9001"), withTable);
    }

    @Test
    void anUnreadableInputIsExitThreeAndTheRestIsStillDrawn() {
        CliRunner.Run run = cli.run("graph", "templates/malformed.yaml", "templates/audit-bucket.yaml", "--regions",
                "us-east-1", "--format", "mermaid");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("audit-bucket-us-east-1"), run::toString);
    }

    @Test
    void usageErrors(@TempDir Path dir) {
        CliRunner.Run format = cli.run("graph", "project", "--format", "svg");
        assertEquals(2, format.exitCode(), format::toString);
        assertTrue(format.err().contains("'svg' is not a graph format (expected one of: html, mermaid, dot)"),
                format::toString);
        CliRunner.Run folder = cli.run("graph", "project", "--output", dir.toString());
        assertEquals(2, folder.exitCode(), folder::toString);
        assertTrue(folder.err().contains("is a folder"), folder::toString);
        CliRunner.Run nothing = CliRunner.in(dir).run("graph");
        assertEquals(2, nothing.exitCode(), nothing::toString);
        assertTrue(nothing.err().contains("nothing to lint: no PATH given"), nothing::toString);
    }
}
