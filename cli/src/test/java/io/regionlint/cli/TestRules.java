package io.regionlint.cli;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import java.util.List;

/**
 * Small rules with known behaviour, so that the CLI's translation (selection, severities,
 * thresholds, exit codes) is tested independently of the built-in rules.
 */
final class TestRules {

    private TestRules() {
    }

    /** RL9001 (warning, every bucket) and RL9002 (note, every resource without a Region). */
    static RuleRegistry registry() {
        return new RuleRegistry(List.of(new EveryBucketRule(), new RegionlessResourceRule()));
    }

    /** The rules above plus one that throws: an internal error. */
    static RuleRegistry withBrokenRule() {
        return new RuleRegistry(List.of(new EveryBucketRule(), new RegionlessResourceRule(), new BrokenRule()));
    }

    @RuleInfo(id = "RL9001", summary = "Reports every S3 bucket", severity = Severity.WARNING, category = "test",
            since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                context.report(Site.of(bucket), "Bucket " + bucket.describe() + " exists");
            }
        }
    }

    @RuleInfo(id = "RL9002", summary = "Reports every resource of a stack without a Region", severity = Severity.NOTE,
            category = "test", since = "0.1.0")
    static final class RegionlessResourceRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource resource : context.topology().resources()) {
                if (resource.region().isEmpty()) {
                    context.report(Site.of(resource), "Resource " + resource.describe() + " has no Region");
                }
            }
        }
    }

    /** The rules above plus one that asks for more heap than any test JVM has: out of memory. */
    static RuleRegistry withMemoryHungryRule() {
        return new RuleRegistry(List.of(new EveryBucketRule(), new MemoryHungryRule()));
    }

    @RuleInfo(id = "RL9008", summary = "Needs more memory than any JVM", severity = Severity.ERROR, category = "test", since = "0.1.0")
    static final class MemoryHungryRule implements Rule {
        @Override
        public void check(RuleContext context) {
            // a real OutOfMemoryError from the JVM, raised at once whatever the heap: the array is
            // larger than any HotSpot array may be ("Requested array size exceeds VM limit"), so
            // nothing is allocated and the test costs no memory
            long[] table = new long[Integer.MAX_VALUE];
            context.report(Site.of(context.topology().resources().get(0)), "never reached " + table.length);
        }
    }

    @RuleInfo(id = "RL9009", summary = "Fails", severity = Severity.ERROR, category = "test", since = "0.1.0")
    static final class BrokenRule implements Rule {
        @Override
        public void check(RuleContext context) {
            throw new IllegalStateException("test rule failed on purpose");
        }
    }
}
