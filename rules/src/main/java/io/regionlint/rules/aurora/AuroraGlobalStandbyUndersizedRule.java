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
 * RL4005: after a switchover or failover a secondary cluster takes the primary's writes with the
 * instances it already has (Aurora Auto Scaling does not run on secondaries), so a secondary
 * whose largest instance is smaller than the primary's cannot carry the load.
 */
@RuleInfo(id = "RL4005", summary = "A secondary cluster of an Aurora global database is smaller than its primary",
        severity = Severity.WARNING, category = "aurora", since = "0.1.0")
public final class AuroraGlobalStandbyUndersizedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (GlobalDatabase db : topology.globalDatabases()) {
            if (db.primary().isEmpty()) {
                continue;
            }
            Resource primary = db.primary().get();
            Optional<ClusterCapacity> wanted = ClusterCapacity.of(topology, primary);
            if (wanted.isEmpty()) {
                continue;
            }
            for (Resource secondary : db.secondaries()) {
                Optional<ClusterCapacity> has = ClusterCapacity.of(topology, secondary);
                if (has.isEmpty() || !has.get().comparableWith(wanted.get()) || !has.get().smallerThan(wanted.get())) {
                    continue;
                }
                context.report(Site.of(has.get().owner(), has.get().at()), message(db, primary, secondary, has.get(),
                                wanted.get()))
                        .related(wanted.get().owner(), Optional.of(wanted.get().at()), "the largest capacity of the"
                                + " primary cluster");
            }
        }
    }

    private static String message(GlobalDatabase db, Resource primary, Resource secondary, ClusterCapacity has,
                                  ClusterCapacity wanted) {
        String start = "Secondary cluster " + secondary.describe() + " of global database " + GlobalDatabases.name(db);
        String region = secondary.stack().regionLabel();
        if (has.serverless()) {
            return start + " scales to at most " + has.label() + " while the primary " + primary.describe()
                    + " scales to " + wanted.label() + "; after a switchover or failover " + region + " takes the"
                    + " primary's load but cannot scale past its maximum: raise"
                    + " ServerlessV2ScalingConfiguration.MaxCapacity to " + wanted.size().stripTrailingZeros()
                    .toPlainString();
        }
        return start + " has no instance larger than " + has.label() + " while the primary " + primary.describe()
                + " runs " + wanted.label() + "; Aurora Auto Scaling does not run on secondary clusters, so after a"
                + " switchover or failover " + region + " takes the primary's load with the instances it has: give it"
                + " an instance of class " + wanted.label();
    }
}
