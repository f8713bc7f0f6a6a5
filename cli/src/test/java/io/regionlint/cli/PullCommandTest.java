package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.pull.FakeAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionlint pull} end to end, in-process, against loopback Config and CloudFormation. */
class PullCommandTest {

    private static final String SECRET = "cli/K7MDENG+bPxRfiCYSECRETEXAMPLE";
    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDCLIEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", "TOKENCLIEXAMPLE");

    @TempDir
    Path dir;
    private FakeAws aws;

    @BeforeEach
    void start() throws IOException {
        aws = FakeAws.start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private CliRunner.Run pull(String... args) {
        String[] all = Stream.concat(Stream.of("pull", "--endpoint", aws.endpoint().toString(),
                "--max-requests-per-second", "1000", "--retry-mode", "standard"), Stream.of(args)).toArray(String[]::new);
        return CliRunner.in(dir).variables(KEYS).run(all);
    }

    @Test
    void pullsTwoRegionsAndTheBundleIsWhatCheckReads() throws IOException {
        CliRunner.Run run = pull("--region", "us-east-1,us-west-2", "--output", "snapshot");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("[us-east-1] AWS::S3::Bucket: 3 item(s)"), run.err());
        assertTrue(run.err().contains("pulled 7 items and 3 stacks"), run.err());
        assertEquals("", run.out());
        assertTrue(Files.exists(dir.resolve("snapshot/config/" + FakeAws.ACCOUNT + "/us-east-1/AWS_S3_Bucket.json")));
        assertSecretNowhere(run);

        // check reads the bundle as deployed state
        CliRunner.Run check = CliRunner.in(dir).run("check", "--deployed", "snapshot", "--format", "json", "--fail-on", "never");
        assertEquals(0, check.exitCode(), check.toString());
        assertFalse(check.err().contains("could not be read"), check.toString());
    }

    @Test
    void aRegionThatFailsMakesThePullPartialExitThree() throws IOException {
        aws.deniedRegions.add("eu-west-1");
        CliRunner.Run run = pull("--region", "us-east-1", "--region", "eu-west-1", "--output", "snapshot", "--quiet");

        assertEquals(3, run.exitCode(), run.toString());
        assertFalse(run.err().contains("[us-east-1] AWS::S3::Bucket"), "quiet: no progress\n" + run.err());
        assertTrue(run.err().contains("[eu-west-1] AWS::S3::Bucket: AccessDeniedException"), run.err());
        assertTrue(run.err().contains("partial"), run.err());
        assertTrue(Files.readString(dir.resolve("snapshot/manifest.json")).contains("\"status\": \"failed\""));
        assertSecretNowhere(run);
    }

    @Test
    void anAggregatorNeedsItsHomeRegionAndAFolderOfOtherFilesIsRefused() throws IOException {
        CliRunner.Run noHome = pull("--aggregator", "org", "--output", "snapshot");
        assertEquals(2, noHome.exitCode(), noHome.toString());
        assertTrue(noHome.err().contains("--aggregator-region"), noHome.err());

        CliRunner.Run nothing = pull("--output", "snapshot");
        assertEquals(2, nothing.exitCode(), nothing.toString());

        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/notes.txt"), "keep me");
        CliRunner.Run foreign = pull("--region", "us-east-1", "--output", "mine");
        assertEquals(2, foreign.exitCode(), foreign.toString());
        assertTrue(Files.exists(dir.resolve("mine/notes.txt")));
        assertTrue(aws.requests().isEmpty(), "refused before any request");

        CliRunner.Run aggregated = pull("--aggregator", "org", "--aggregator-region", "us-east-1", "--output", "org");
        assertEquals(0, aggregated.exitCode(), aggregated.toString());
        assertTrue(Files.exists(dir.resolve("org/config/444455556666/us-west-2/AWS_S3_Bucket.json")));
    }

    @Test
    void helpTeachesTheModesThePolicyAndTheExitCodes() {
        CliRunner.Run help = CliRunner.in(dir).run("pull", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--aggregator"));
        assertTrue(help.out().contains("IAM policy"));
        assertTrue(help.out().contains("regionlint pull --profile audit --region us-east-1"));
        assertTrue(help.out().contains("Exit codes:"));
        assertFalse(help.out().contains("--endpoint"), "the test endpoint is hidden");
    }

    private void assertSecretNowhere(CliRunner.Run run) throws IOException {
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET));
        assertFalse(run.out().contains("TOKENCLIEXAMPLE") || run.err().contains("TOKENCLIEXAMPLE"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(SECRET) || text.contains("TOKENCLIEXAMPLE") || text.contains("AKIDCLIEXAMPLE"),
                        f.toString());
            }
        }
    }
}
