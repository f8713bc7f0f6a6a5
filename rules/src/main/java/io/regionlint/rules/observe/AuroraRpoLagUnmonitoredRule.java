package io.regionlint.rules.observe;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.MetricAlarm;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL7003: a secondary cluster of an Aurora global database whose replication lag no alarm in its
 * Region watches ({@code AuroraGlobalDBReplicationLag}, {@code AuroraGlobalDBRPOLag} or
 * {@code AuroraGlobalDBProgressLag}, published by the secondary).
 */
@RuleInfo(id = "RL7003", summary = "An Aurora global database secondary with no replication or RPO lag alarm",
        severity = Severity.WARNING, category = "observability", since = "0.1.0")
public final class AuroraRpoLagUnmonitoredRule implements Rule {

    static final String NAMESPACE = "AWS/RDS";
    static final List<String> METRICS = List.of("AuroraGlobalDBReplicationLag", "AuroraGlobalDBRPOLag",
            "AuroraGlobalDBProgressLag");

    @Override
    public void check(RuleContext context) {
        java.util.Set<String> loaded = Alarms.loadedRegions(context.topology());
        for (GlobalDatabase db : context.topology().globalDatabases()) {
            if (db.primary().isEmpty()) {
                continue; // without a known primary no member is known to be a secondary
            }
            Resource primary = db.primary().get();
            for (Resource secondary : db.secondaries()) {
                if (secondary.region().isEmpty() || secondary.region().equals(primary.region())
                        || !loaded.contains(secondary.region().get())) {
                    continue;
                }
                if (!Alarms.alarmsKnown(context.topology(), secondary)) {
                    context.report(Site.of(secondary), Alarms.notRecorded(secondary, "the replication lag"))
                            .severity(Severity.NOTE);
                    continue;
                }
                String identifier = secondary.properties().textAt("DBClusterIdentifier").orElse(secondary.physicalName());
                if (METRICS.stream().flatMap(m -> context.topology().watches(secondary.region(), NAMESPACE, m).stream())
                        .anyMatch(w -> watches(w, identifier))) {
                    continue;
                }
                Optional<Value> at = secondary.properties().get("GlobalClusterIdentifier");
                context.report(at.map(v -> Site.of(secondary, v)).orElseGet(() -> Site.of(secondary)),
                                "Secondary cluster " + secondary.describe() + " of Aurora global database '"
                                + db.identifier() + "' has no CloudWatch alarm in " + secondary.region().get()
                                + " on how far it lags behind the primary in " + primary.region().orElse("?")
                                + ": that lag is the data a failover loses (the RPO); add an AWS::CloudWatch::Alarm in "
                                + secondary.region().get() + " on " + NAMESPACE
                                + " AuroraGlobalDBReplicationLag (or AuroraGlobalDBRPOLag for Aurora PostgreSQL) with"
                                + " dimension DBClusterIdentifier=" + Alarms.dimensionValue(secondary))
                        .related(primary, Optional.empty(), "the primary cluster");
            }
        }
    }

    /** An alarm on the cluster, or one without a cluster dimension (every secondary of the Region). */
    private static boolean watches(MetricAlarm.Watch watch, String identifier) {
        if (watch.dimensionsKnown() && !watch.dimensions().containsKey("DBClusterIdentifier")) {
            return true;
        }
        return Alarms.mayCover(watch, Map.of("DBClusterIdentifier", identifier), true);
    }
}
