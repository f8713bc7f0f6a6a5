package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionlint install-hook} in a real git repository: the hook is the shipped script set
 * to staged mode and to this installation's command; a foreign hook survives without --force.
 * The hook's behaviour on commits is tested with git and the real pre-commit framework by
 * {@code .ci/precommit-test.sh}.
 */
class InstallHookCommandTest {

    @Test
    void writesAnExecutableHookThatRunsTheGivenCommandOnStagedFiles(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        CliRunner.Run run = CliRunner.in(repo).run("install-hook", "--command", "java -jar '/opt/my tools/regionlint.jar'",
                "--fail-on", "warning");

        assertEquals(0, run.exitCode(), run::toString);
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));
        String text = Files.readString(hook, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#!/usr/bin/env bash\n" + InstallHookCommand.MARKER + "\n"), text);
        assertTrue(text.contains("default_regionlint=\"java -jar '/opt/my tools/regionlint.jar'\"\n"), text);
        assertTrue(text.contains("default_mode=staged\n"), text);
        assertTrue(text.contains("extra=(--fail-on warning)\n"), text);
        assertTrue(run.out().contains("Installed " + hook), run::toString);
    }

    @Test
    void keepsAForeignHookUnlessForced(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nexec husky\n");
        CliRunner cli = CliRunner.in(repo);

        CliRunner.Run refused = cli.run("install-hook", "--command", "regionlint");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("was not written by regionlint"), refused::toString);
        assertEquals("#!/bin/sh\nexec husky\n", Files.readString(hook));

        assertEquals(0, cli.run("install-hook", "--command", "regionlint", "--force").exitCode());
        assertTrue(Files.readString(hook).contains(InstallHookCommand.MARKER));
        // its own hook is replaced without --force (a reinstall after an upgrade)
        CliRunner.Run again = cli.run("install-hook", "--command", "regionlint-2");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(Files.readString(hook).contains("default_regionlint=\"regionlint-2\""));
    }

    @Test
    void refusesOutsideAGitRepository(@TempDir Path dir) {
        CliRunner.Run run = CliRunner.in(dir).run("install-hook", "--command", "regionlint");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is not inside a git repository"), run::toString);
        assertFalse(Files.exists(dir.resolve(".git")));
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }
}
