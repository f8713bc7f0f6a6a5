package io.regionlint.rules.observe;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.MetricAlarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL7001: an eventually consistent global table whose replication into another Region no alarm
 * watches. DynamoDB publishes {@code ReplicationLatency} per source and receiving Region, in the
 * source Region; one finding per source Region names every receiving Region left unwatched.
 */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency, which AWS Config does not record (only an eventually consistent table publishes ReplicationLatency)", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL7001", summary = "An eventual global table with no ReplicationLatency alarm per Region pair",
        severity = Severity.WARNING, category = "observability", since = "0.1.0")
public final class DdbReplicationLatencyUnmonitoredRule implements Rule {

    static final String NAMESPACE = "AWS/DynamoDB";
    static final String METRIC = "ReplicationLatency";

    @Override
    public void check(RuleContext context) {
        java.util.Set<String> loaded = Alarms.loadedRegions(context.topology());
        Map<Optional<String>, Alarms.ByDimension> byRegion = new java.util.HashMap<>();
        context.topology().watches(Optional.empty(), NAMESPACE, METRIC).stream()
                .collect(java.util.stream.Collectors.groupingBy(w -> w.alarm().region()))
                .forEach((region, watches) -> byRegion.put(region, new Alarms.ByDimension(watches, "TableName")));
        Alarms.ByDimension none = new Alarms.ByDimension(List.of(), "TableName");
        for (GlobalTable table : context.topology().globalTables()) {
            if (table.consistency().isEmpty() || table.strong()) {
                continue; // MRSC publishes no ReplicationLatency (RL7002); unknown consistency: not judged
            }
            List<String> regions = table.replicaRegions();
            if (regions.size() < 2) {
                continue;
            }
            String name = table.table().physicalName();
            for (String source : regions) {
                if (!loaded.contains(source)) {
                    continue; // no stack of that Region is loaded: its alarms cannot be known
                }
                List<MetricAlarm.Watch> watches = byRegion.getOrDefault(Optional.of(source), none).candidates(name);
                List<String> missing = new ArrayList<>();
                for (String receiving : regions) {
                    if (receiving.equals(source)) {
                        continue;
                    }
                    Map<String, String> dims = Map.of("TableName", name, "ReceivingRegion", receiving);
                    if (watches.stream().noneMatch(w -> Alarms.mayCover(w, dims, false))) {
                        missing.add(receiving);
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                Site site = table.replicas().stream().filter(r -> r.region().equals(Optional.of(source))).findFirst()
                        .<Site>map(r -> Site.of(table.table(), r.spec())).orElseGet(() -> Site.of(table.table()));
                var finding = context.report(site, "Global table " + table.table().describe() + ": no CloudWatch alarm"
                        + " in " + source + " watches how far its copies into " + String.join(", ", missing)
                        + " lag behind; DynamoDB publishes ReplicationLatency in the Region a write is made in, per"
                        + " receiving Region, and that lag is what a failover loses; add an AWS::CloudWatch::Alarm in "
                        + source + " on " + NAMESPACE + " " + METRIC + " with dimensions TableName="
                        + Alarms.dimensionValue(table.table()) + " and ReceivingRegion=" + String.join(
                                " (and one more alarm with ReceivingRegion=", missing)
                        + ")".repeat(missing.size() - 1))
                        .key(source);
                missing.forEach(r -> finding.regions(Optional.of(r)));
            }
        }
    }
}
