package io.regionlint.rules.observe;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.MetricAlarm;
import java.util.Map;
import java.util.Optional;

/**
 * RL7002: a {@code ReplicationLatency} alarm on a global table with multi-Region strong
 * consistency, which does not publish that metric: the alarm never fires.
 */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency (MultiRegionConsistency, witnesses), which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL7002", summary = "A ReplicationLatency alarm on an MRSC table", severity = Severity.WARNING,
        category = "observability", since = "0.1.0")
public final class DdbMrscAlarmNeverFiresRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Map<String, GlobalTable> strong = new java.util.HashMap<>();
        for (GlobalTable table : context.topology().globalTables()) {
            if (table.strong()) {
                strong.putIfAbsent(table.table().physicalName(), table);
            }
        }
        if (strong.isEmpty()) {
            return;
        }
        for (MetricAlarm.Watch watch : context.topology().watches(Optional.empty(),
                DdbReplicationLatencyUnmonitoredRule.NAMESPACE, DdbReplicationLatencyUnmonitoredRule.METRIC)) {
            Optional<GlobalTable> named = watch.dimensionsKnown()
                    ? watch.dimension("TableName").map(strong::get) : Optional.empty();
            if (named.isPresent()) {
                GlobalTable table = named.get();
                context.report(Site.of(watch.alarm(), watch.at()), "CloudWatch " + Alarms.alarm(watch)
                                + " watches ReplicationLatency of global table " + table.table().describe()
                                + ", which uses multi-Region strong consistency: DynamoDB publishes no"
                                + " ReplicationLatency for MRSC tables, so the alarm stays in INSUFFICIENT_DATA and"
                                + " never fires (or, with TreatMissingData: breaching, always does); remove it and watch"
                                + " the table's write latency and errors (SuccessfulRequestLatency, SystemErrors)"
                                + " instead")
                        .related(table.table(), Optional.empty(), "the MRSC global table")
                        .key(table.table().logicalId());
            }
        }
    }
}
