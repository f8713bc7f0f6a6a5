package io.regionlint.rules.s3;

import io.regionlint.model.Truth;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * RL2006: S3 Replication Time Control has a fixed shape: it needs replication metrics, and both
 * its time and the metrics event threshold accept only 15 minutes.
 */
@RuleInfo(id = "RL2006", summary = "S3 Replication Time Control is configured in a shape S3 rejects",
        severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3RtcShapeRule implements Rule {

    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);

    @Override
    public void check(RuleContext context) {
        for (ReplicationRule rule : context.topology().replicationRules()) {
            check(context, rule);
        }
    }

    private static void check(RuleContext context, ReplicationRule rule) {
        Resource bucket = rule.source();
        Value r = rule.rule();
        String name = "Replication rule " + rule.label() + " of bucket " + bucket.describe();
        Optional<Value> replicationTime = S3Facts.lookup(r, "Destination", "ReplicationTime");
        if (replicationTime.isPresent() && !replicationTime.get().isUnknown()
                && S3Facts.has(r, "Destination", "Metrics") == Truth.FALSE) {
            context.report(Site.of(bucket, replicationTime.get()), name + " sets ReplicationTime (S3 RTC) without"
                    + " Metrics, which S3 RTC requires; add Destination.Metrics: {Status: Enabled, EventThreshold:"
                    + " {Minutes: 15}}").key("rtc-without-metrics");
        }
        notFifteen(context, bucket, r, name, "ReplicationTime", "Time", "Minutes");
        notFifteen(context, bucket, r, name, "Metrics", "EventThreshold", "Minutes");
        if (S3Facts.enabledAt(r, "Destination", "ReplicationTime", "Status") == Truth.TRUE
                && S3Facts.has(r, "Destination", "Metrics") == Truth.TRUE
                && S3Facts.enabledAt(r, "Destination", "Metrics", "Status") == Truth.FALSE) {
            Value at = S3Facts.lookup(r, "Destination", "Metrics", "Status")
                    .or(() -> S3Facts.lookup(r, "Destination", "Metrics")).orElseThrow();
            context.report(Site.of(bucket, at), name + " enables S3 RTC but not its Metrics; S3 RTC requires"
                    + " replication metrics: set Destination.Metrics.Status: Enabled").key("rtc-metrics-disabled");
        }
    }

    private static void notFifteen(RuleContext context, Resource bucket, Value rule, String name, String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "Destination";
        System.arraycopy(path, 0, full, 1, path.length);
        Optional<BigDecimal> minutes = S3Facts.number(rule, full);
        if (minutes.isPresent() && minutes.get().compareTo(FIFTEEN) != 0) {
            String property = String.join(".", path);
            context.report(Site.of(bucket, S3Facts.lookup(rule, full).orElseThrow()), name + " sets " + property
                    + " to " + minutes.get().toPlainString() + "; S3 accepts only 15: set " + property + ": 15")
                    .key(property);
        }
    }
}
