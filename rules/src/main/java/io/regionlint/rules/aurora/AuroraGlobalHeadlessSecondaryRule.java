package io.regionlint.rules.aurora;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import java.util.Optional;

/**
 * RL4002: Aurora cannot switch over or fail over to a secondary cluster that has no DB instance
 * until one is added, so recovery into that Region waits for an instance to be created.
 */
@RuleInfo(id = "RL4002", summary = "A secondary cluster of an Aurora global database has no DB instance",
        severity = Severity.WARNING, category = "aurora", since = "0.1.0")
public final class AuroraGlobalHeadlessSecondaryRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (GlobalDatabase db : topology.globalDatabases()) {
            for (Resource secondary : GlobalDatabases.knownSecondaries(db)) {
                if (secondary.conditionUnknown() || GlobalDatabases.inQuietRegion(topology, secondary)
                        || !topology.instancesOf(secondary).isEmpty() || !topology.instancesKnown(secondary)) {
                    continue;
                }
                Resource primary = db.primary().orElseThrow();
                context.report(Site.of(secondary), "Secondary cluster " + secondary.describe() + " of global database "
                                + GlobalDatabases.name(db) + " has no DB instance; Aurora cannot switch over or fail"
                                + " over to it until one is added: add an AWS::RDS::DBInstance with DBClusterIdentifier: "
                                + GlobalDatabases.reference(secondary) + " to its stack")
                        .related(primary, Optional.empty(), "the primary cluster of the global database");
            }
        }
    }
}
