package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.model.Resource;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stacks are unique per account and Region only: two instances named {@code app} in two Regions
 * are two stacks to fingerprints and suppressions, while fingerprints of stacks whose name is
 * unique keep the text they always had.
 */
class StackIdentityLintTest {

    /** Reports every KMS key, distinguished by its Ref (a token: CloudFormation names the key). */
    @RuleInfo(id = "RL9101", summary = "Test rule: one finding per key", severity = Severity.WARNING,
            category = "test", since = "0.1.0")
    static final class EveryKeyRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource key : context.topology().resources("AWS::KMS::Key")) {
                context.report(Site.of(key), "key " + key.describe()).key(key.physicalName());
            }
        }
    }

    /** Reports every bucket as a whole. */
    @RuleInfo(id = "RL9102", summary = "Test rule: one finding per bucket", severity = Severity.WARNING,
            category = "test", since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                context.report(Site.of(bucket), "bucket " + bucket.describe());
            }
        }
    }

    private final Linter linter = new Linter(new RuleRegistry(List.of(new EveryKeyRule(), new EveryBucketRule())));

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StackIdentityLintTest.class.getResource("/engine/same-name/" + name).toURI());
    }

    @Test
    void theSameStackNameInTwoRegionsGivesTwoFingerprints() throws Exception {
        Path project = resource(".regionlint.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(project.getParent()), project.getParent()));
        assertEquals(List.of(), result.errors());
        assertEquals(4, result.findings().size(), result.findings().toString());
        for (String rule : List.of("RL9101", "RL9102")) {
            List<Finding> findings = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
            assertEquals(List.of("app", "app"), findings.stream().map(f -> f.resource().orElseThrow().stack()).toList());
            assertEquals(List.of(Optional.of("us-east-1"), Optional.of("us-west-2")),
                    findings.stream().map(f -> f.resource().orElseThrow().region()).sorted(
                            java.util.Comparator.comparing(Optional::orElseThrow)).toList());
            assertNotEquals(findings.get(0).fingerprint(), findings.get(1).fingerprint(),
                    rule + ": one finding per Region, each with its own fingerprint");
        }
        // the in-source suppression is read from each instance's own resource
        assertTrue(result.findings().stream().filter(f -> f.ruleId().equals("RL9102"))
                .allMatch(f -> f.suppressed().map(s -> s.kind().equals("inSource")).orElse(false)));
        // a project suppression's stack/logicalId names the stack of that name in every Region
        assertTrue(result.findings().stream().filter(f -> f.ruleId().equals("RL9101"))
                .allMatch(f -> f.suppressed().map(s -> s.kind().equals("external")).orElse(false)));
    }

    @Test
    void fingerprintsOfStacksWithAUniqueNameKeepTheirText() throws Exception {
        Path template = resource("app.yaml");
        LintResult result = linter.run(LintRequest.of(List.of(template), template.getParent())
                .withRegions(List.of("us-east-1", "us-west-2")));
        Finding key = result.findings().stream().filter(f -> f.ruleId().equals("RL9101")
                && f.resource().orElseThrow().stack().equals("app-us-west-2")).findFirst().orElseThrow();
        // the text fingerprints hashed before stacks were keyed by account and Region: the stack's
        // name alone, also inside the token the rule's distinguishing key holds
        assertEquals(sha("RL9101|app-us-west-2/Key||\u27E8app-us-west-2|Key\u27E9"), key.fingerprint());
        Finding bucket = result.findings().stream().filter(f -> f.ruleId().equals("RL9102")
                && f.resource().orElseThrow().stack().equals("app-us-east-1")).findFirst().orElseThrow();
        assertEquals(sha("RL9102|app-us-east-1/Data||"), bucket.fingerprint());
    }

    private static String sha(String basis) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
