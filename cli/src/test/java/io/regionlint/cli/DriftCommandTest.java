package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionlint drift} on the RL8001 fixture (Acme's template against the AWS Config snapshots
 * of samples/deployed): only the drift rules report, with check's reports and exit codes, and
 * without deployed state (or without templates) it refuses to answer.
 */
class DriftCommandTest {

    @TempDir
    Path tmp;

    private final CliRunner cli = CliRunner.in(
            Path.of("../rules/src/test/resources/fixtures/RL8001/bad-drifted").toAbsolutePath().normalize())
            .rules(RuleRegistry::load);

    @Test
    void reportsTheDriftOfTemplatesAgainstDeployedStateAndNothingElse() {
        CliRunner.Run run = cli.run("drift", ".", "--format", "json", "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run::toString);
        // the engine version changed (RL8001), a replication rule removed (RL8005), the table's replica
        // moved from us-west-2 to us-east-2 (RL8006: one missing, one undeclared)
        assertEquals(1, count(run.out(), "RL8001"), run::toString);
        assertEquals(1, count(run.out(), "RL8005"), run::toString);
        assertEquals(2, count(run.out(), "RL8006"), run::toString);
        // check reports RL2001 and RL4001 on the same inputs; drift runs the drift rules only
        assertFalse(run.out().contains("\"ruleId\": \"RL2001\""), run::toString);
        assertFalse(run.out().contains("\"ruleId\": \"RL4001\""), run::toString);
        CliRunner.Run check = cli.run("check", ".", "--format", "json");
        assertTrue(check.out().contains("\"ruleId\": \"RL4001\""), check::toString);
    }

    @Test
    void withoutDeployedStateOrWithoutTemplatesItRefuses() throws IOException {
        CliRunner.Run templatesOnly = cli.run("drift", "templates/app.yaml", "--regions", "us-east-1");
        assertEquals(2, templatesOnly.exitCode(), templatesOnly::toString);
        assertTrue(templatesOnly.err().contains("no deployed resource was read"), templatesOnly::toString);
        Path config = Path.of("../rules/src/test/resources/fixtures/RL8001/bad-drifted/config").toAbsolutePath()
                .normalize();
        for (Path snapshot : Files.list(config).toList()) {
            Files.copy(snapshot, tmp.resolve(snapshot.getFileName()));
        }
        CliRunner.Run deployedOnly = CliRunner.in(tmp).rules(RuleRegistry::load)
                .run("drift", "--deployed", ".", "--regions", "us-east-1,us-west-2");
        assertEquals(2, deployedOnly.exitCode(), deployedOnly::toString);
        assertTrue(deployedOnly.err().contains("no template resource was read"), deployedOnly::toString);
    }

    private static int count(String json, String ruleId) {
        return json.split("\"ruleId\": \"" + ruleId + "\"", -1).length - 1;
    }
}
