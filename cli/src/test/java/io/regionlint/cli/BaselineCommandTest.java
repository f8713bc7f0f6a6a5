package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionlint baseline}, {@code check --baseline} and {@code --format markdown} with the
 * test rules (RL9001, a warning, reports each of the project's two audit buckets).
 */
class BaselineCommandTest {

    @TempDir
    Path dir;

    private CliRunner copyOfResources() throws IOException {
        Path from = CliRunner.inResources().workingDir();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return CliRunner.in(dir);
    }

    @Test
    void aBaselineMakesTodaysFindingsPassAndListsThemAsBaselined() throws IOException {
        CliRunner cli = copyOfResources();
        assertEquals(1, cli.run("check", "project", "--fail-on", "warning").exitCode());
        CliRunner.Run written = cli.run("baseline", "project");
        assertEquals(0, written.exitCode(), written::toString);
        assertEquals("regionlint: wrote 2 findings to .regionlint-baseline.json\n", written.out());
        assertTrue(Files.isRegularFile(dir.resolve(".regionlint-baseline.json")));

        CliRunner.Run check = cli.run("check", "project", "--fail-on", "warning", "--baseline",
                ".regionlint-baseline.json");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("(in the baseline)"), check::toString);
        assertTrue(check.out().endsWith("0 errors, 0 warnings, 0 notes; baseline .regionlint-baseline.json: 0 new, 2"
                + " unchanged, 0 fixed\n"), check::toString);
    }

    @Test
    void theProjectFilesBaselineIsWhereBaselineWritesAndCheckReads() throws IOException {
        CliRunner cli = copyOfResources();
        Path project = dir.resolve("project/.regionlint.yaml");
        Files.writeString(project, Files.readString(project) + "baseline: known-findings.json\n");
        CliRunner.Run written = cli.run("baseline", "project");
        assertEquals("regionlint: wrote 2 findings to project/known-findings.json (since the previous baseline: 2 new,"
                + " 0 fixed)\n", written.out(), written::toString);
        assertEquals(0, cli.run("check", "project", "--fail-on", "warning").exitCode());
        assertEquals(3, cli.run("check", "project", "--fail-on", "warning", "--baseline", "other.json").exitCode(),
                "--baseline overrides the project file's; one that does not exist is an input error");
    }

    @Test
    void aMissingBaselineFileIsAnInputError() throws IOException {
        CliRunner.Run run = copyOfResources().run("check", "project", "--baseline", "nowhere.json");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("nowhere.json:1:1: error: baseline: no such file; write it with 'regionlint"
                + " baseline --output nowhere.json'"), run::toString);
    }

    @Test
    void noBaselineIsWrittenFromInputsThatCannotBeRead() throws IOException {
        CliRunner.Run run = copyOfResources().run("baseline", "templates/malformed.yaml", "--output", "b.json");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no baseline written: fix the input errors above first"), run::toString);
        assertFalse(Files.exists(dir.resolve("b.json")));
    }

    @Test
    void markdownLinksPointAtTheCommitInGitHubActions() throws IOException {
        CliRunner cli = copyOfResources().variables(Map.of("GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/infra", "GITHUB_SHA", "0123abc"));
        CliRunner.Run run = cli.run("check", "project", "--format", "markdown", "--output", "summary.md");
        assertEquals(0, run.exitCode(), run::toString);
        String summary = Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("### regionlint: 0 errors, 2 warnings, 0 notes\n"), summary);
        assertTrue(summary.contains("[project/templates/audit-bucket.yaml:13](https://github.com/acme/infra/blob/0123abc/"
                + "project/templates/audit-bucket.yaml#L13)"), summary);
        assertTrue(summary.contains("| warning | 1 | 1 | 2 |"), "counts by Region: " + summary);
    }
}
