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

/**
 * RL2001: in an active-active system, a bucket that receives replicas from another active Region
 * must replicate its own writes back, or the Regions drift apart.
 */
@RuleInfo(id = "RL2001", summary = "A bucket in an active Region receives replicas from another active Region but"
        + " replicates nothing back", severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3ReplicationNotBidirectionalRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (ReplicationRule rule : S3Facts.firstEnabledRulePerPair(topology)) {
            Resource source = rule.source();
            Resource destination = rule.destination().orElseThrow();
            if (!rule.crossRegion() || !topology.isActive(source.region()) || !topology.isActive(destination.region())
                    || S3Facts.replicatesTo(topology, destination, source) != Truth.FALSE) {
                continue;
            }
            context.report(Site.of(source, rule.destinationValue()), "Bucket " + destination.describe()
                            + " receives replicas from " + source.describe() + " but replicates nothing back, although"
                            + " both Regions are active; add an enabled replication rule to '"
                            + destination.displayName() + "' with destination '" + source.displayName() + "'")
                    .related(destination, destination.properties().get("ReplicationConfiguration"),
                            "the destination bucket, with no enabled replication rule back to '"
                                    + source.displayName() + "'");
        }
    }
}
