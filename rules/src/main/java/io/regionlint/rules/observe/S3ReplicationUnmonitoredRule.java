package io.regionlint.rules.observe;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.MetricAlarm;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL7004: S3 replication metrics without an alarm, or alarms on replication metrics that are
 * never published. Replication metrics exist only for rules with {@code Metrics: {Status:
 * Enabled}} (S3 Replication Time Control turns them on too); they are published per rule with the
 * dimensions {@code SourceBucket}, {@code DestinationBucket} and {@code RuleId}.
 */
@RuleInfo(id = "RL7004", summary = "Replication metrics enabled without an alarm, or alarms without metrics",
        severity = Severity.WARNING, category = "observability", since = "0.1.0")
public final class S3ReplicationUnmonitoredRule implements Rule {

    static final String NAMESPACE = "AWS/S3";
    static final List<String> METRICS = List.of("OperationsFailedReplication", "ReplicationLatency",
            "OperationsPendingReplication", "BytesPendingReplication");

    @Override
    public void check(RuleContext context) {
        List<MetricAlarm.Watch> watches = new ArrayList<>();
        METRICS.forEach(m -> watches.addAll(context.topology().watches(Optional.empty(), NAMESPACE, m)));
        // watches by the bucket they name; those whose bucket is not known may watch any
        Map<String, List<MetricAlarm.Watch>> bySource = new java.util.HashMap<>();
        List<MetricAlarm.Watch> anyBucket = new ArrayList<>();
        for (MetricAlarm.Watch w : watches) {
            Optional<String> source = w.dimensionsKnown() ? w.dimension("SourceBucket") : Optional.empty();
            if (source.isPresent()) {
                bySource.computeIfAbsent(source.get(), k -> new ArrayList<>()).add(w);
            } else if (Alarms.covers(w, Map.of("SourceBucket", "?"), false).isEmpty()) {
                anyBucket.add(w); // an unknown value or a query: it may watch this bucket
            }
        }
        for (ReplicationRule rule : context.topology().replicationRules()) {
            if (!rule.enabled() || !metricsOn(rule)) {
                continue;
            }
            String bucketName = rule.source().physicalName();
            if (bySource.containsKey(bucketName) || !anyBucket.isEmpty()) {
                continue;
            }
            if (!Alarms.alarmsKnown(context.topology(), rule.source())) {
                context.report(Site.of(rule.source(), rule.rule()), Alarms.notRecorded(rule.source(),
                        "the replication metrics of rule " + rule.label())).severity(Severity.NOTE);
                continue;
            }
            Optional<Value> at = rule.rule().lookup("Destination", "Metrics", "Status")
                    .or(() -> rule.rule().lookup("Destination", "ReplicationTime", "Status"));
            context.report(at.map(v -> Site.of(rule.source(), v)).orElseGet(() -> Site.of(rule.source(), rule.rule())),
                            "Replication rule " + rule.label() + " of bucket " + rule.source().describe()
                            + " publishes replication metrics, but no CloudWatch alarm watches them: objects that"
                            + " fail to replicate, or a backlog that grows, go unnoticed until a failover finds the"
                            + " copy incomplete; add an AWS::CloudWatch::Alarm on " + NAMESPACE
                            + " OperationsFailedReplication (and ReplicationLatency) with dimensions SourceBucket="
                            + Alarms.dimensionValue(rule.source()) + ", DestinationBucket and RuleId")
                    .key(String.valueOf(rule.index()));
        }
        Map<String, List<Resource>> buckets = watches.isEmpty() ? Map.of()
                : Alarms.byName(context.topology(), "AWS::S3::Bucket");
        for (MetricAlarm.Watch watch : watches) {
            List<Resource> named = watch.dimensionsKnown()
                    ? watch.dimension("SourceBucket").map(n -> buckets.getOrDefault(n, List.of())).orElse(List.of())
                    : List.of();
            for (Resource bucket : named) {
                List<ReplicationRule> rules = context.topology().replicationRulesFrom(bucket);
                Optional<String> ruleId = watch.dimension("RuleId");
                List<ReplicationRule> watched = rules.stream().filter(r -> ruleId.isEmpty()
                        || r.rule().textAt("Id").map(ruleId.get()::equals).orElse(true)).toList();
                if (watched.stream().anyMatch(r -> metricsOn(r) || r.rule().lookup("Destination", "Metrics", "Status")
                        .map(Value::isUnknown).orElse(false))) {
                    continue;
                }
                String what = rules.isEmpty() ? "has no replication rule"
                        : ruleId.map(id -> watched.isEmpty() ? "has no replication rule '" + id + "'"
                                : "does not enable metrics on rule '" + id + "'")
                        .orElse("enables metrics on none of its replication rules");
                context.report(Site.of(watch.alarm(), watch.at()), "CloudWatch " + Alarms.alarm(watch) + " watches "
                                + watch.metricName().orElse("?") + " of bucket " + bucket.describe() + ", which " + what
                                + ": S3 publishes replication metrics only for rules with Metrics: {Status: Enabled},"
                                + " so the alarm never fires; enable Metrics on the bucket's replication rule")
                        .related(bucket, Optional.empty(), "the source bucket")
                        .key(bucket.logicalId());
            }
        }
    }

    /** Replication metrics are on: Metrics enabled, or Replication Time Control (which turns them on). */
    static boolean metricsOn(ReplicationRule rule) {
        return rule.statusEnabled("Destination", "Metrics", "Status")
                || rule.statusEnabled("Destination", "ReplicationTime", "Status");
    }
}
