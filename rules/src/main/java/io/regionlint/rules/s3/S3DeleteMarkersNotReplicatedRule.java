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
import java.util.Optional;

/**
 * RL2005: a V2 rule replicates delete markers only when asked to, so between two active Regions
 * an object deleted in one stays readable in the other.
 */
@RuleInfo(id = "RL2005", summary = "A cross-Region replication rule between active Regions does not replicate"
        + " delete markers", severity = Severity.WARNING, category = "s3", since = "0.1.0")
public final class S3DeleteMarkersNotReplicatedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (ReplicationRule rule : topology.replicationRules()) {
            if (!rule.enabled() || !rule.isV2() || !rule.crossRegion()
                    || S3Facts.tagFiltered(rule) != Truth.FALSE
                    || !topology.isActive(rule.source().region())
                    || !topology.isActive(rule.destination().orElseThrow().region())
                    || S3Facts.enabledAt(rule.rule(), "DeleteMarkerReplication", "Status") != Truth.FALSE) {
                continue;
            }
            Resource source = rule.source();
            Resource destination = rule.destination().orElseThrow();
            Value at = rule.rule().get("DeleteMarkerReplication").orElse(rule.rule());
            context.report(Site.of(source, at), "Replication rule " + rule.label() + " of bucket "
                            + source.describe() + " does not replicate delete markers to " + destination.describe()
                            + ": objects deleted in " + source.region().orElseThrow() + " stay readable in "
                            + destination.region().orElseThrow() + ", and both Regions are active; set"
                            + " DeleteMarkerReplication.Status: Enabled")
                    .related(destination, Optional.empty(), "the destination bucket, where deleted objects stay readable");
        }
    }
}
