package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.RuleRegistry;
import org.junit.jupiter.api.Test;

/**
 * A local defect the loader recovered from is a finding with its severity, not an unreadable
 * input: it follows {@code --fail-on} like every finding and never makes the exit code 3. A
 * repeated key (RL1006) is a warning; a resource without a usable Type (RL1009) is an error.
 */
class RecoveredDefectsTest {

    private static final String TEMPLATE = "templates/recovered-defects.yaml";

    private final CliRunner cli = CliRunner.inResources().rules(RuleRegistry::load);

    @Test
    void aRepeatedKeyIsAWarningWithBothPlacesAndFollowsFailOn() {
        CliRunner.Run run = cli.run("check", TEMPLATE, "--regions", "us-east-1", "--rule", "RL1006");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(TEMPLATE + ":10:7: warning: Key 'Tags' appears twice in"
                + " /Resources/OrdersQueue/Properties; CloudFormation keeps the last value"), run::toString);
        assertTrue(run.out().contains("related: " + TEMPLATE + ":7:7: first 'Tags', ignored"), run::toString);
        assertFalse(run.out().contains("RL1001"), run::toString);
        CliRunner.Run strict = cli.run("check", TEMPLATE, "--regions", "us-east-1", "--rule", "RL1006",
                "--fail-on", "warning");
        assertEquals(1, strict.exitCode(), strict::toString);
    }

    @Test
    void aResourceWithoutTypeIsAnErrorFindingNotAnUnreadableFile() {
        CliRunner.Run run = cli.run("check", TEMPLATE, "--regions", "us-east-1");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(TEMPLATE + ":13:3: error: Resource 'OrdersAlarm' has no Type"), run::toString);
        assertFalse(run.out().contains("RL1001"), run::toString);
        CliRunner.Run lenient = cli.run("check", TEMPLATE, "--regions", "us-east-1", "--fail-on", "never");
        assertEquals(0, lenient.exitCode(), lenient::toString);
    }
}
