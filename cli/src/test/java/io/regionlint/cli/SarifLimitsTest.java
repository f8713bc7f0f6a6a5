package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub code scanning's result limits, as {@code check --format sarif} meets them. */
class SarifLimitsTest {

    /** A noisy rule: {@code count} findings on every bucket, each with its own fingerprint. */
    @RuleInfo(id = "RL9050", summary = "Reports every bucket many times", severity = Severity.NOTE,
            category = "test", since = "0.1.0")
    static final class NoisyRule implements Rule {
        private final int count;

        NoisyRule(int count) {
            this.count = count;
        }

        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                for (int i = 0; i < count; i++) {
                    context.report(Site.of(bucket), "Bucket " + bucket.describe() + " noise " + i).key("n" + i);
                }
            }
        }
    }

    private static CliRunner noisy(int perBucket) {
        return CliRunner.inResources().rules(() -> new RuleRegistry(List.of(new NoisyRule(perBucket))));
    }

    @Test
    void aboveWhatGitHubKeepsTheRunWarnsOnStandardError(@TempDir Path dir) {
        // the project deploys one bucket to two Regions
        CliRunner.Run run = noisy(2_501).run("check", "project", "--format", "sarif", "--output",
                dir.resolve("out.sarif").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("regionlint: warning: the SARIF report holds 5,002 results; GitHub code scanning keeps only the"
                + " 5,000 most severe of a run and drops the rest\n", run.err());
        assertTrue(Files.isRegularFile(dir.resolve("out.sarif")));
    }

    @Test
    void aLogGitHubWouldRejectIsRefusedWithTheLimitAndWhatToDo(@TempDir Path dir) throws IOException {
        CliRunner cli = noisy(12_501);
        CliRunner.Run toFile = cli.run("check", "project", "--format", "sarif", "--output",
                dir.resolve("out.sarif").toString());
        assertEquals(2, toFile.exitCode(), toFile::toString);
        assertTrue(toFile.err().contains("cannot write the sarif report to " + dir.resolve("out.sarif") + ": 25,002"
                + " results exceed GitHub code scanning's limit of 25,000 results per run"), toFile::toString);
        assertTrue(toFile.err().contains("regionlint baseline"), toFile::toString);
        assertFalse(Files.exists(dir.resolve("out.sarif")), "nothing written, not even an empty file");

        CliRunner.Run toStdout = cli.run("check", "project", "--format", "sarif");
        assertEquals(2, toStdout.exitCode(), toStdout::toString);
        assertEquals("", toStdout.out());
        assertTrue(toStdout.err().contains("cannot write the sarif report to standard output: 25,002 results"),
                toStdout::toString);
        assertFalse(toStdout.err().contains("Exception"), toStdout::toString);
    }
}
