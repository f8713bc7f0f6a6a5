package io.regionlint.rules.s3;

import io.regionlint.model.Truth;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.UnknownValue;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Questions about S3 buckets and their replication rules that several S3 rules ask, answered
 * once and three-valued: an unknown value on the way is never read as absent or as a match.
 */
final class S3Facts {

    static final String BUCKET = "AWS::S3::Bucket";

    private S3Facts() {
    }

    /**
     * The value at a path of map keys. Empty where a step is absent (or not a map); the
     * {@link UnknownValue} itself where a step cannot be known.
     */
    static Optional<Value> lookup(Value root, String... path) {
        return root.lookup(path);
    }

    /** Whether the key at the end of the path is present (its value may be unknown: it is still there). */
    static Truth has(Value root, String... path) {
        Optional<Value> parent = lookup(root, Arrays.copyOf(path, path.length - 1));
        if (parent.isEmpty()) {
            return Truth.FALSE;
        }
        if (parent.get() instanceof MapValue map) {
            return Truth.of(map.has(path[path.length - 1]));
        }
        return parent.get().isUnknown() ? Truth.UNKNOWN : Truth.FALSE;
    }

    /** Whether the status at the path is {@code Enabled}; absent is NO. */
    static Truth enabledAt(Value root, String... path) {
        Optional<Value> value = lookup(root, path);
        if (value.isEmpty()) {
            return Truth.FALSE;
        }
        return value.get().text().map(t -> Truth.of(t.equals("Enabled"))).orElse(Truth.UNKNOWN);
    }

    /** The number at the path, when it is known and numeric. */
    static Optional<BigDecimal> number(Value root, String... path) {
        return lookup(root, path).flatMap(Value::text).flatMap(text -> {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether the bucket has {@code VersioningConfiguration.Status: Enabled}. */
    static Truth versioningEnabled(Resource bucket) {
        return enabledAt(bucket.properties(), "VersioningConfiguration", "Status");
    }

    /** Whether the replication rule's {@code Status} is {@code Enabled}. */
    static Truth enabled(ReplicationRule rule) {
        return enabledAt(rule.rule(), "Status");
    }

    /** Whether the rule's filter selects by tag ({@code Filter.TagFilter} or {@code Filter.And.TagFilters}). */
    static Truth tagFiltered(ReplicationRule rule) {
        return has(rule.rule(), "Filter", "TagFilter").or(has(rule.rule(), "Filter", "And", "TagFilters"));
    }

    /** Whether the rule's destination is the given bucket. */
    static Truth pointsAt(ReplicationRule rule, Resource bucket) {
        if (rule.destination().isPresent()) {
            return Truth.of(rule.destination().get().key().equals(bucket.key()));
        }
        // A known text that the linker could not join is some other bucket; only an unknown value could be this one.
        return rule.rule().textAt("Destination", "Bucket").isPresent() ? Truth.FALSE : Truth.UNKNOWN;
    }

    /**
     * Whether {@code from} has an enabled replication rule into {@code to}. UNKNOWN where a rule,
     * its status or its destination (or the configuration holding them) cannot be known.
     */
    static Truth replicatesTo(Topology topology, Resource from, Resource to) {
        Truth answer = configurationKnown(from) ? Truth.FALSE : Truth.UNKNOWN;
        for (ReplicationRule rule : topology.replicationRulesFrom(from)) {
            answer = answer.or(enabled(rule).and(pointsAt(rule, to)));
        }
        return answer;
    }

    /** True unless the bucket's replication configuration, or one of its rules, is an unknown value. */
    private static boolean configurationKnown(Resource bucket) {
        Optional<Value> configuration = bucket.properties().get("ReplicationConfiguration");
        if (configuration.isEmpty()) {
            return true;
        }
        if (!(configuration.get() instanceof MapValue map)) {
            return false;
        }
        Optional<Value> rules = map.get("Rules");
        if (rules.isEmpty()) {
            return true;
        }
        return rules.get() instanceof ListValue list && list.items().stream().allMatch(MapValue.class::isInstance);
    }

    /**
     * Every enabled rule whose destination bucket is loaded, only the first one per source and
     * destination: a question about the pair of buckets is answered once, not once per prefix rule.
     */
    static List<ReplicationRule> firstEnabledRulePerPair(Topology topology) {
        Set<String> seen = new HashSet<>();
        List<ReplicationRule> out = new ArrayList<>();
        for (ReplicationRule rule : topology.replicationRules()) {
            if (rule.enabled() && rule.destination().isPresent()
                    && seen.add(rule.source().key() + "\n" + rule.destination().get().key())) {
                out.add(rule);
            }
        }
        return out;
    }

    /** How messages name a rule: "replication rule 'ToEu'" or "replication rule #2". */
    static String ruleName(ReplicationRule rule) {
        return "replication rule " + rule.label();
    }

    /** How messages name a rule's destination: the loaded bucket, else the ARN as written. */
    static String destinationName(ReplicationRule rule) {
        return rule.destination().map(Resource::describe)
                .or(() -> rule.rule().textAt("Destination", "Bucket").map(t -> "'" + t + "'"))
                .orElse("its destination");
    }
}
