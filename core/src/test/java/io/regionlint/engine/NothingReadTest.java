package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.regionlint.load.InputError;
import io.regionlint.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that read nothing must not pass: folders with no template, folders that cannot be read
 * and links to nothing are errors, and templates reached through symbolic links are linted.
 */
class NothingReadTest {

    @RuleInfo(id = "RL9001", summary = "Test rule: one finding per bucket", severity = Severity.WARNING,
            category = "test", since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                context.report(Site.of(bucket), "bucket " + bucket.logicalId());
            }
        }
    }

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Orders:
                Type: AWS::S3::Bucket
            """;

    private final Linter linter = new Linter(new RuleRegistry(List.of(new EveryBucketRule())));

    private LintResult lint(Path dir, Path... inputs) {
        return linter.run(LintRequest.of(List.of(inputs), dir).withRegions(List.of("us-east-1")));
    }

    @Test
    void anEmptyFolderIsNothingToLint(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("templates"));
        LintResult result = lint(dir, empty);
        assertEquals(List.of(new InputError("templates", 1, 1, "nothing to lint in templates: no .yaml/.yml/.json/"
                + ".template file holding a CloudFormation template", InputError.Kind.NOTHING_TO_LINT)),
                result.errors());
        assertEquals(0, result.summary().files());
    }

    @Test
    void aFolderOfOtherYamlIsNothingToLintButItsNeighbourStillRuns(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("docker-compose.yml"), "services:\n  web:\n    image: nginx\n");
        Files.writeString(config.resolve("README.md"), "# not a template\n");
        Files.writeString(dir.resolve("orders.yaml"), TEMPLATE);
        LintResult result = lint(dir, config, dir.resolve("orders.yaml"));
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertEquals(InputError.Kind.NOTHING_TO_LINT, result.errors().get(0).kind());
        assertEquals("config", result.errors().get(0).file());
        assertEquals(1, result.findings().stream().filter(f -> f.ruleId().equals("RL9001")).count());
    }

    @Test
    void templatesReachedThroughSymbolicLinksAreLintedAndLoopsAreSafe(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("orders.yaml"), TEMPLATE);
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("orders.yaml"), shared.resolve("orders.yaml"));
        Files.createSymbolicLink(linked.resolve("again"), linked); // a loop back to the folder itself
        LintResult result = lint(dir, linked);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of("linked/orders.yaml"), result.findings().stream().map(f -> f.location().file())
                .toList());
    }

    @Test
    void aLinkToNothingIsAnErrorNotASilentSkip(@TempDir Path dir) throws Exception {
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.writeString(linked.resolve("orders.yaml"), TEMPLATE);
        Files.createSymbolicLink(linked.resolve("payments.yaml"), dir.resolve("moved-away.yaml"));
        LintResult result = lint(dir, linked);
        assertEquals(1, result.errors().size(), result.errors().toString());
        InputError error = result.errors().get(0);
        assertEquals("linked/payments.yaml", error.file());
        assertEquals(InputError.Kind.UNREADABLE, error.kind());
        assertTrue(error.message().startsWith("symbolic link to a file that does not exist (it points to "),
                error.message());
    }

    @Test
    void aFolderThatCannotBeReadIsAnInputError(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("orders.yaml"), TEMPLATE);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // root reads any folder; the wording is also tested without permissions in InputDiscoveryTest
            assumeFalse(Files.isReadable(locked), "running as a user who can read any folder");
            LintResult result = lint(dir, locked);
            assertEquals(1, result.errors().size(), result.errors().toString());
            assertEquals(InputError.Kind.UNREADABLE, result.errors().get(0).kind());
            assertTrue(result.errors().get(0).message().startsWith("cannot read folder 'locked' (permission denied)"),
                    result.errors().get(0).message());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
