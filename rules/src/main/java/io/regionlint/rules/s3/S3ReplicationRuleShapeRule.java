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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL2004: replication rules that S3 rejects or misreads because of their schema: the V2 schema
 * (marked by {@code Filter}) has required elements and excludes V1-only and V2-only mixes.
 */
@RuleInfo(id = "RL2004", summary = "A replication rule does not have the shape S3 requires for its schema version",
        severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3ReplicationRuleShapeRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Resource bucket : context.topology().resources(S3Facts.BUCKET)) {
            List<ReplicationRule> rules = context.topology().replicationRulesFrom(bucket);
            for (ReplicationRule rule : rules) {
                checkRule(context, bucket, rule);
            }
            checkPriorities(context, bucket, rules);
            checkSchemaMix(context, bucket, rules);
        }
    }

    private static void checkRule(RuleContext context, Resource bucket, ReplicationRule rule) {
        String name = "Replication rule " + rule.label() + " of bucket " + bucket.describe();
        if (rule.isV2()) {
            List<String> missing = new ArrayList<>();
            for (String required : List.of("Priority", "DeleteMarkerReplication")) {
                if (!rule.rule().has(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                context.report(Site.of(bucket, rule.rule()), name + " has a Filter (the V2 schema) but no "
                        + String.join(" and ", missing) + ", which S3 requires with Filter; add "
                        + String.join(" and ", missing.stream().map(S3ReplicationRuleShapeRule::example).toList()))
                        .key("v2-required");
            }
        }
        if (S3Facts.tagFiltered(rule) == Truth.TRUE
                && S3Facts.enabledAt(rule.rule(), "DeleteMarkerReplication", "Status") == Truth.TRUE) {
            context.report(Site.of(bucket, S3Facts.lookup(rule.rule(), "DeleteMarkerReplication", "Status")
                            .orElseThrow()), name + " filters on tags and enables DeleteMarkerReplication, which S3"
                            + " does not support for tag-based rules; set DeleteMarkerReplication.Status: Disabled or"
                            + " filter by prefix only")
                    .key("tag-delete-markers");
        }
        if (!rule.isV2() && S3Facts.has(rule.rule(), "SourceSelectionCriteria", "ReplicaModifications") == Truth.TRUE) {
            context.report(Site.of(bucket, S3Facts.lookup(rule.rule(), "SourceSelectionCriteria",
                            "ReplicaModifications").orElseThrow()), name + " sets ReplicaModifications without a"
                            + " Filter; replica modification sync needs the V2 schema: replace the rule's Prefix with"
                            + " Filter.Prefix and add Priority and DeleteMarkerReplication")
                    .key("replica-modifications-v1");
        }
        if (rule.isV2() && rule.rule().has("Prefix")) {
            context.report(Site.of(bucket, rule.rule().get("Prefix").orElseThrow()), name + " has both Prefix and"
                            + " Filter; use Filter.Prefix and remove the rule-level Prefix")
                    .key("prefix-and-filter");
        }
    }

    private static String example(String property) {
        return property.equals("Priority") ? "Priority: <number>" : "DeleteMarkerReplication: {Status: Enabled}";
    }

    /** S3 orders the rules into one destination by Priority; two such rules cannot share one. */
    private static void checkPriorities(RuleContext context, Resource bucket, List<ReplicationRule> rules) {
        Map<String, ReplicationRule> firstByDestinationAndPriority = new HashMap<>();
        for (ReplicationRule rule : rules) {
            Optional<String> destination = rule.rule().textAt("Destination", "Bucket");
            Optional<BigDecimal> priority = S3Facts.number(rule.rule(), "Priority");
            if (destination.isEmpty() || priority.isEmpty()) {
                continue;
            }
            String key = destination.get() + "\n" + priority.get().stripTrailingZeros().toPlainString();
            ReplicationRule first = firstByDestinationAndPriority.putIfAbsent(key, rule);
            if (first != null) {
                Value at = rule.rule().get("Priority").orElseThrow();
                context.report(Site.of(bucket, at), "Replication rules " + first.label() + " and " + rule.label()
                                + " of bucket " + bucket.describe() + " both have Priority "
                                + priority.get().toPlainString() + " and the same destination "
                                + S3Facts.destinationName(rule) + "; give each rule into one destination its own"
                                + " Priority")
                        .related(bucket, first.rule().get("Priority"), "the other rule with this priority")
                        .key("duplicate-priority");
            }
        }
    }

    /** One configuration is read as V1 or as V2 as a whole; rules of both schemas cannot be mixed. */
    private static void checkSchemaMix(RuleContext context, Resource bucket, List<ReplicationRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        ReplicationRule first = rules.get(0);
        for (ReplicationRule rule : rules.subList(1, rules.size())) {
            if (rule.isV2() == first.isV2()) {
                continue;
            }
            String schema = rule.isV2() ? "the V2 schema (Filter)" : "the V1 schema (Prefix, no Filter)";
            String other = first.isV2() ? "the V2 schema" : "the V1 schema";
            context.report(Site.of(bucket, rule.rule()), "Replication rule " + rule.label() + " of bucket "
                            + bucket.describe() + " uses " + schema + " but rule " + first.label() + " uses "
                            + other + "; one replication configuration cannot mix them: write every rule with"
                            + " Filter, Priority and DeleteMarkerReplication")
                    .key("schema-mix");
        }
    }
}
