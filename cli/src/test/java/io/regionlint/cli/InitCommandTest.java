package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.RuleRegistry;
import io.regionlint.model.RegionRole;
import io.regionlint.testing.TestFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionlint init} on copies of the samples: the file it writes is valid and check reads it. */
class InitCommandTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void writesAProjectForTheTemplatesFoundThatCheckThenReads(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(REPO.resolve("samples/two-region-app/templates"), dir.resolve("templates"));
        Files.writeString(dir.resolve("notes.yaml"), "title: not a template\n");
        CliRunner cli = CliRunner.in(dir).rules(RuleRegistry::load);

        CliRunner.Run init = cli.run("init", "--region", "us-east-1=active", "--region", "eu-west-1=standby",
                "--account", "111122223333");

        assertEquals(0, init.exitCode(), init::toString);
        long templates;
        try (var files = Files.list(dir.resolve("templates"))) {
            templates = files.count();
        }
        assertTrue(init.out().contains("Wrote .regionlint.yaml (2 Regions, " + templates + " stacks)"), init::toString);
        assertTrue(init.out().contains("Next: review it, then run: regionlint check"), init::toString);
        String project = Files.readString(dir.resolve(".regionlint.yaml"));
        assertTrue(project.contains("    us-east-1: active\n    eu-west-1: standby\n"), project);
        assertTrue(project.contains("accounts: { default: \"111122223333\" }"), project);
        assertTrue(project.contains("- name: media\n      template: \"templates/media.yaml\"\n"
                + "      regions: [us-east-1, eu-west-1]"), project);
        assertFalse(project.contains("notes"), project);

        CliRunner.Run check = cli.run("check", "--fail-on", "never", "--format", "json");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("\"stacks\": " + 2 * templates), check::toString);
    }

    @Test
    void takesTheRegionsOfACloudAssemblyWhenNoneAreGiven(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(REPO.resolve("samples/cdk-app/cdk.out"), dir.resolve("cdk.out"));
        CliRunner.Run init = CliRunner.in(dir).rules(RuleRegistry::load).run("init");

        assertEquals(0, init.exitCode(), init::toString);
        String project = Files.readString(dir.resolve(".regionlint.yaml"));
        assertTrue(project.contains("cdk: \"cdk.out\""), project);
        assertTrue(project.contains("us-east-1: active"), project);
        assertFalse(project.contains("stacks:"), project);
    }

    @Test
    void neverReplacesAProjectFileWithoutForce(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(REPO.resolve("samples/two-region-app/templates"), dir.resolve("templates"));
        Files.writeString(dir.resolve(".regionlint.yaml"), "version: 1\n");
        CliRunner cli = CliRunner.in(dir);

        CliRunner.Run refused = cli.run("init", "--region", "us-east-1");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("exists; edit it, or run again with --force"), refused::toString);
        assertEquals("version: 1\n", Files.readString(dir.resolve(".regionlint.yaml")));

        assertEquals(0, cli.run("init", "--region", "us-east-1", "--force").exitCode());
        assertTrue(Files.readString(dir.resolve(".regionlint.yaml")).contains("us-east-1: active"));
    }

    @Test
    void saysWhatIsMissing(@TempDir Path dir) throws IOException {
        CliRunner cli = CliRunner.in(dir);
        CliRunner.Run empty = cli.run("init", "--region", "us-east-1");
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("no CloudFormation template and no cdk.out below"), empty::toString);

        TestFiles.copyTree(REPO.resolve("samples/two-region-app/templates"), dir.resolve("templates"));
        CliRunner.Run noRegion = cli.run("init");
        assertEquals(2, noRegion.exitCode(), noRegion::toString);
        assertTrue(noRegion.err().contains("give each Region with --region"), noRegion::toString);

        CliRunner.Run badRole = cli.run("init", "--region", "us-east-1=primary");
        assertEquals(2, badRole.exitCode(), badRole::toString);
        assertTrue(badRole.err().contains("'primary' is not a Region role"), badRole::toString);
        assertFalse(Files.exists(dir.resolve(".regionlint.yaml")));
    }

    @Test
    void asksForRegionsAndRolesOnATerminal() throws IOException {
        StringWriter shown = new StringWriter();
        BufferedReader answers = new BufferedReader(new StringReader("\nstandby\nbackup\nwitness\n"));

        Map<String, RegionRole> roles = InitCommand.ask(List.of("us-east-1", "eu-west-1"), answers,
                new PrintWriter(shown));

        assertEquals(Map.of("us-east-1", RegionRole.STANDBY, "eu-west-1", RegionRole.WITNESS), roles);
        assertEquals(List.of("us-east-1", "eu-west-1"), List.copyOf(roles.keySet()));
        assertTrue(shown.toString().contains("Regions of the system, comma-separated [us-east-1,eu-west-1]: "));
        assertTrue(shown.toString().contains("'backup' is not a Region role"), shown.toString());
    }
}
