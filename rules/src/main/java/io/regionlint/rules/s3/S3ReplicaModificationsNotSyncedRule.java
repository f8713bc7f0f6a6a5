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
import java.util.Optional;

/**
 * RL2008: in a two-way pair, metadata changes made to a replica travel back only when the rule of
 * the bucket holding the replica syncs replica modifications.
 */
@RuleInfo(id = "RL2008", summary = "A two-way replication pair does not sync replica modifications",
        severity = Severity.WARNING, category = "s3", since = "0.1.0")
public final class S3ReplicaModificationsNotSyncedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (ReplicationRule rule : topology.replicationRules()) {
            if (!rule.enabled() || rule.destination().isEmpty()) {
                continue;
            }
            Resource source = rule.source();
            Resource destination = rule.destination().get();
            if (S3Facts.replicatesTo(topology, destination, source) != Truth.TRUE
                    || S3Facts.enabledAt(rule.rule(), "SourceSelectionCriteria", "ReplicaModifications", "Status")
                    != Truth.FALSE) {
                continue;
            }
            String schemaHint = rule.isV2() ? "" : " (this needs the V2 schema: a Filter, Priority and"
                    + " DeleteMarkerReplication)";
            context.report(Site.of(source, rule.rule()), "Buckets " + source.describe() + " and "
                            + destination.describe() + " replicate to each other, but replication rule "
                            + rule.label() + " of '" + source.displayName() + "' does not sync replica"
                            + " modifications: tag, ACL and Object Lock changes made to replicas in '"
                            + source.displayName() + "' never reach '" + destination.displayName() + "'; set"
                            + " SourceSelectionCriteria.ReplicaModifications.Status: Enabled" + schemaHint)
                    .related(destination, Optional.empty(), "the other bucket of the pair");
        }
    }
}
