package io.regionlint.report;

import io.regionlint.engine.Baseline;
import io.regionlint.engine.BaselineComparison;
import io.regionlint.engine.BaselineState;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.Related;
import io.regionlint.engine.ResourceRef;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Suppression;
import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Lint results built by hand, so report tests need no template and no real rule. */
final class SampleResults {

    static final String PRIMARY_FINGERPRINT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private SampleResults() {
    }

    @RuleInfo(id = "RL1001", summary = "An input could not be read or parsed", severity = Severity.ERROR,
            category = "inputs", since = "0.1.0")
    static final class InputUnreadableRule implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    @RuleInfo(id = "RL1002", summary = "A replication peer is not among the loaded resources",
            severity = Severity.NOTE, category = "inputs", since = "0.1.0")
    static final class UnresolvedPeerRule implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    @RuleInfo(id = "RL2001", summary = "S3 replication to another active Region is not replicated back",
            severity = Severity.ERROR, category = "s3", since = "0.1.0")
    static final class S3ReplicationNotBidirectionalRule implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    /** Has no Markdown explanation: SARIF falls back to the summary. */
    @RuleInfo(id = "RL2005", summary = "Delete markers are not replicated between active Regions",
            severity = Severity.WARNING, category = "s3", since = "0.1.0")
    static final class S3DeleteMarkersNotReplicatedRule implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    static final ResourceRef PRIMARY = new ResourceRef("app-us-east-1", "Data", "AWS::S3::Bucket",
            Optional.of("us-east-1"), Optional.of("111122223333"), Optional.of("App/Data/Resource"),
            Optional.of("arn:aws:s3:::orders-us-east-1"));
    static final ResourceRef PEER = new ResourceRef("app-eu-west-1", "Data", "AWS::S3::Bucket",
            Optional.of("eu-west-1"), Optional.of("111122223333"), Optional.empty(),
            Optional.of("arn:aws:s3:::orders-eu-west-1"));
    static final ResourceRef LOGS = new ResourceRef("app-us-east-1", "Logs", "AWS::S3::Bucket",
            Optional.of("us-east-1"), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Three findings (with resource, construct path, ARN and related place; suppressed without
     * construct path; an RL1001 without resource) and two input errors, only one of which the
     * RL1001 finding shows.
     */
    static LintResult mixed() {
        List<RuleDescriptor> rules = descriptors(new InputUnreadableRule(), new UnresolvedPeerRule(),
                new S3ReplicationNotBidirectionalRule(), new S3DeleteMarkersNotReplicatedRule());
        Finding bidirectional = new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR,
                "Bucket 'orders-us-east-1' (us-east-1) replicates to 'orders-eu-west-1' (eu-west-1), which "
                        + "replicates nothing back; add a replication rule to it with destination 'orders-us-east-1'",
                new Location("templates/app.yaml", 12, 7, 20, 1,
                        Optional.of("/Resources/Data/Properties/ReplicationConfiguration")),
                Optional.of(PRIMARY),
                List.of(new Related("the destination bucket, which has no replication rule",
                        new Location("templates/app.yaml", 4, 3, 4, 7, Optional.of("/Resources/Data")),
                        Optional.of(PEER))),
                List.of("eu-west-1", "us-east-1"), PRIMARY_FINGERPRINT, Optional.empty());
        Finding deleteMarkers = new Finding("RL2005", "s3-delete-markers-not-replicated", Severity.WARNING,
                "Replication rule 1 of bucket 'logs' does not replicate delete markers",
                new Location("templates/app.yaml", 30, 9, 30, 9, Optional.empty()), Optional.of(LOGS),
                List.of(), List.of("us-east-1"), "aaaabbbbccccddddeeeeffff00001111",
                Optional.of(new Suppression("external", "access logs stay in their Region by design")));
        Finding unreadable = new Finding("RL1001", "input-unreadable", Severity.ERROR,
                "mapping values are not allowed here",
                new Location("templates/broken.yaml", 3, 5, 3, 5, Optional.empty()), Optional.empty(),
                List.of(), List.of(), "22223333444455556666777788889999", Optional.empty());
        List<InputError> errors = List.of(
                new InputError("templates/broken.yaml", 3, 5, "mapping values are not allowed here"),
                new InputError("templates/big dir/huge.json", 1, 1, "file exceeds the size limit of 10 MiB"));
        return new LintResult(List.of(bidirectional, deleteMarkers, unreadable), errors, rules,
                new LintResult.Summary(3, 4, 57, 2, 0, 0, 1));
    }

    /**
     * Awkward inputs: a file outside the base folder, blanks and non-ASCII in paths, control
     * characters in a message, an empty range, a finding of a rule not listed as run, an input
     * error about no file in particular.
     */
    static LintResult awkward(String outsideFile) {
        Finding outside = new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR,
                "Bucket 'a\u001b[31m' replicates one way",
                new Location(outsideFile, 0, 0, 0, 0, Optional.empty()), Optional.of(PRIMARY), List.of(),
                List.of("us-east-1"), "33334444555566667777888899990000", Optional.empty());
        Finding custom = new Finding("RL9001", "custom-tag-check", Severity.NOTE, "Tag 'owner' is missing!",
                new Location("stacks/prod eu/été.yaml", 5, 3, 5, 12, Optional.of("/Resources/Logs")),
                Optional.of(LOGS), List.of(), List.of("us-east-1"), "44445555666677778888999900001111",
                Optional.of(new Suppression("inSource", "owner set by the pipeline")));
        List<InputError> errors = List.of(InputError.atFile(".", "no inputs given"));
        return new LintResult(List.of(outside, custom), errors,
                descriptors(new S3ReplicationNotBidirectionalRule()), new LintResult.Summary(0, 0, 0, 1, 0, 0, 1));
    }

    /**
     * A run compared with a baseline: a new finding; one the baseline holds (suppressed by it);
     * one suppressed in the project file until a day, at its entry; one suppressed in the
     * template, at its Metadata entry; and one baseline entry fixed since.
     */
    static LintResult baselined() {
        List<RuleDescriptor> rules = descriptors(new S3ReplicationNotBidirectionalRule(),
                new S3DeleteMarkersNotReplicatedRule());
        Location app = new Location("templates/app.yaml", 12, 7, 20, 1, Optional.empty());
        Finding fresh = new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR,
                "Bucket 'orders-eu-west-1' (eu-west-1) replicates nothing back", app, Optional.of(PEER), List.of(),
                List.of("eu-west-1", "us-east-1"), "1111aaaa1111aaaa1111aaaa1111aaaa", Optional.empty(),
                Optional.of(BaselineState.NEW));
        Finding known = new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR,
                "Bucket 'orders-us-east-1' (us-east-1) replicates nothing back", app, Optional.of(PRIMARY), List.of(),
                List.of("eu-west-1", "us-east-1"), "2222bbbb2222bbbb2222bbbb2222bbbb",
                Optional.of(new Suppression("external", "in the baseline .regionlint-baseline.json", Optional.empty(),
                        Suppression.Origin.BASELINE, Optional.empty())), Optional.of(BaselineState.UNCHANGED));
        Finding accepted = new Finding("RL2005", "s3-delete-markers-not-replicated", Severity.WARNING,
                "Replication rule 1 of bucket 'logs' does not replicate delete markers",
                new Location("templates/app.yaml", 30, 9, 30, 20, Optional.empty()), Optional.of(LOGS), List.of(),
                List.of("us-east-1"), "3333cccc3333cccc3333cccc3333cccc",
                Optional.of(new Suppression("external", "logs stay in their Region",
                        Optional.of(LocalDate.of(2027, 6, 30)), Suppression.Origin.PROJECT,
                        Optional.of(new Location(".regionlint.yaml", 14, 5, 17, 1, Optional.empty())))),
                Optional.of(BaselineState.NEW));
        Finding inSource = new Finding("RL2005", "s3-delete-markers-not-replicated", Severity.WARNING,
                "Replication rule 1 of bucket 'audit' does not replicate delete markers",
                new Location("templates/app.yaml", 44, 9, 44, 20, Optional.empty()), Optional.of(LOGS), List.of(),
                List.of("us-east-1"), "4444dddd4444dddd4444dddd4444dddd",
                Optional.of(new Suppression("inSource", "audit deletes stay local", Optional.empty(),
                        Suppression.Origin.TEMPLATE,
                        Optional.of(new Location("templates/app.yaml", 40, 13, 41, 40, Optional.empty())))),
                Optional.of(BaselineState.UNCHANGED));
        BaselineComparison comparison = new BaselineComparison(Path.of(".regionlint-baseline.json"),
                ".regionlint-baseline.json", 2, 2, List.of(new Baseline.Entry("RL2002", "5555eeee5555eeee5555eeee5555eeee",
                        "app-eu-west-1/Data: Bucket 'orders-eu-west-1' (eu-west-1) has no versioning")));
        return new LintResult(List.of(fresh, known, accepted, inSource), List.of(), rules,
                new LintResult.Summary(1, 2, 4, 1, 0, 0, 2, 1), Optional.of(comparison));
    }

    /** Two findings that share a fingerprint (a rule that reports one node twice without a key). */
    static LintResult sameFingerprintTwice() {
        Location at = new Location("templates/app.yaml", 12, 7, 20, 1, Optional.empty());
        List<Finding> findings = List.of(
                new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR, "First", at,
                        Optional.of(PRIMARY), List.of(), List.of("us-east-1"), "abcdabcdabcdabcdabcdabcdabcdabcd",
                        Optional.empty()),
                new Finding("RL2001", "s3-replication-not-bidirectional", Severity.ERROR, "Second", at,
                        Optional.of(PRIMARY), List.of(), List.of("us-east-1"), "abcdabcdabcdabcdabcdabcdabcdabcd",
                        Optional.empty()));
        return new LintResult(findings, List.of(), descriptors(new S3ReplicationNotBidirectionalRule()),
                new LintResult.Summary(1, 1, 1, 2, 0, 0, 0));
    }

    /** {@code n} distinct notes, for the limits GitHub code scanning sets on a run. */
    static LintResult many(int n) {
        List<Finding> findings = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            findings.add(new Finding("RL2001", "s3-replication-not-bidirectional", Severity.NOTE, "Bucket " + i,
                    new Location("templates/app.yaml", i + 1, 1, i + 1, 5, Optional.empty()), Optional.empty(),
                    List.of(), List.of(), String.format("%032x", i), Optional.empty()));
        }
        return new LintResult(findings, List.of(), descriptors(new S3ReplicationNotBidirectionalRule()),
                new LintResult.Summary(1, 1, n, 0, 0, n, 0));
    }

    /** Nothing found, nothing wrong, one rule ran. */
    static LintResult clean() {
        return new LintResult(List.of(), List.of(), descriptors(new S3ReplicationNotBidirectionalRule()),
                new LintResult.Summary(1, 1, 1, 0, 0, 0, 0));
    }

    static List<RuleDescriptor> descriptors(Rule... rules) {
        return java.util.Arrays.stream(rules).map(RuleDescriptor::new).toList();
    }
}
