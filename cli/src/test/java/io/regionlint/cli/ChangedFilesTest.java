package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code check --changed}, as the pre-commit hook uses it on samples/two-region-app, whose
 * findings sit in templates/global.yaml, logs.yaml, media.yaml and routing.yaml, none in orders.yaml: the whole project is
 * linted, and only the findings in (or related to) the changed files are shown and fail the run.
 */
class ChangedFilesTest {

    private final CliRunner cli = CliRunner.in(Path.of("..").toAbsolutePath().normalize()).rules(RuleRegistry::load);

    @Test
    void aChangedFileWithoutFindingsPassesAndSaysWhatWasLeftOut() {
        CliRunner.Run run = cli.run("check", "samples/two-region-app", "--changed",
                "samples/two-region-app/templates/orders.yaml");

        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("[RL"), run::toString);
        // every finding of the sample is in another file: all of them are counted, none shown
        int all = cli.run("check", "samples/two-region-app", "--format", "json").out()
                .split("\"ruleId\": ", -1).length - 1;
        assertTrue(all > 0);
        assertTrue(run.err().contains(all + " finding(s) and 0 input error(s) outside the changed files are not shown"),
                run::toString);
    }

    @Test
    void findingsInAChangedFileFailTheRun() {
        CliRunner.Run run = cli.run("check", "samples/two-region-app", "--changed",
                "./samples/two-region-app/templates/media.yaml,samples/two-region-app/README.md");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(4, run.out().lines().filter(l -> l.matches("samples/two-region-app/templates/media\\.yaml:\\d+:\\d+: "
                + "error: .*")).count(), run::toString);
        assertFalse(run.out().contains("logs.yaml:"), run::toString);
        assertTrue(run.out().contains("4 errors"), run::toString);
    }
}
