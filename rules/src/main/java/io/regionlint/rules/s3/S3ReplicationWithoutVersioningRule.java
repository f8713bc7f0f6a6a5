package io.regionlint.rules.s3;

import io.regionlint.model.Truth;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.List;
import java.util.Optional;

/** RL2002: S3 replicates only between versioned buckets; without versioning the rule fails. */
@RuleInfo(id = "RL2002", summary = "The source or destination bucket of an enabled replication rule does not have"
        + " versioning enabled", severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3ReplicationWithoutVersioningRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (Resource bucket : topology.resources(S3Facts.BUCKET)) {
            checkSource(context, topology, bucket);
        }
        for (ReplicationRule rule : S3Facts.firstEnabledRulePerPair(topology)) {
            Resource destination = rule.destination().orElseThrow();
            if (S3Facts.versioningEnabled(destination) == Truth.FALSE) {
                context.report(Site.of(rule.source(), rule.destinationValue()), "Bucket " + rule.source().describe()
                                + " replicates into " + destination.describe() + ", which does not have versioning"
                                + " enabled; S3 cannot replicate into it: set VersioningConfiguration.Status: Enabled"
                                + " on '" + destination.displayName() + "'")
                        .related(destination, destination.properties().get("VersioningConfiguration"),
                                "the destination bucket, without versioning");
            }
        }
    }

    private static void checkSource(RuleContext context, Topology topology, Resource bucket) {
        List<ReplicationRule> enabled = topology.replicationRulesFrom(bucket).stream()
                .filter(ReplicationRule::enabled).toList();
        if (enabled.isEmpty() || S3Facts.versioningEnabled(bucket) != Truth.FALSE) {
            return;
        }
        Optional<Value> versioning = bucket.properties().get("VersioningConfiguration");
        Value at = versioning.orElse(enabled.get(0).configuration());
        String state = versioning.flatMap(v -> v.textAt("Status")).map(s -> "is '" + s + "'").orElse("is not set");
        context.report(Site.of(bucket, at), "Bucket " + bucket.describe() + " has enabled replication rules but its"
                + " versioning " + state + "; S3 replicates only from versioned buckets: set"
                + " VersioningConfiguration.Status: Enabled");
    }
}
