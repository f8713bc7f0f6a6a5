package io.regionlint.rules.iam;

import io.regionlint.model.Arn;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The replication roles of a topology and the buckets each one serves. A role serves every rule
 * of every bucket whose replication configuration names it, so a role shared by several buckets
 * is gathered once, with the union of their buckets.
 */
final class ReplicationRoles {

    static final String BUCKET = "AWS::S3::Bucket";

    private ReplicationRoles() {
    }

    /**
     * One replication role and what it replicates.
     *
     * @param rules every replication rule (enabled or not) whose configuration names the role, in
     *     topology order
     * @param sourceArns the ARNs of the source buckets of those rules
     * @param destinationArns the {@code Destination.Bucket} ARNs of those rules, as written (the
     *     destination need not be loaded)
     * @param destinationsKnown false when some rule's destination could not be resolved to text, so
     *     the role may serve a bucket that is not in {@code destinationArns}
     */
    record Use(Resource role, List<ReplicationRule> rules, Set<String> sourceArns, Set<String> destinationArns,
               boolean destinationsKnown) {

        /** True when the ARN is one of the buckets the role replicates from or to. */
        boolean serves(String bucketArn) {
            return sourceArns.contains(bucketArn) || destinationArns.contains(bucketArn);
        }

        /** Source then destination bucket ARNs, without repeats. */
        Set<String> bucketArns() {
            Set<String> all = new LinkedHashSet<>(sourceArns);
            all.addAll(destinationArns);
            return all;
        }
    }

    /** Every loaded role named by a replication configuration, in the order they are first named. */
    static List<Use> of(Topology topology) {
        Map<String, Resource> roles = new LinkedHashMap<>();
        Map<String, List<ReplicationRule>> rulesByRole = new LinkedHashMap<>();
        for (ReplicationRule rule : topology.replicationRules()) {
            if (rule.role().isEmpty()) {
                continue;
            }
            Resource role = rule.role().get();
            roles.putIfAbsent(role.key(), role);
            rulesByRole.computeIfAbsent(role.key(), k -> new ArrayList<>()).add(rule);
        }
        List<Use> out = new ArrayList<>();
        for (Map.Entry<String, List<ReplicationRule>> e : rulesByRole.entrySet()) {
            Set<String> sources = new LinkedHashSet<>();
            Set<String> destinations = new LinkedHashSet<>();
            boolean known = true;
            for (ReplicationRule rule : e.getValue()) {
                sources.add(bucketArn(rule.source()));
                Optional<String> destination = destinationArn(rule);
                if (destination.isPresent()) {
                    destinations.add(destination.get());
                } else {
                    known = false;
                }
            }
            out.add(new Use(roles.get(e.getKey()), List.copyOf(e.getValue()), sources, destinations, known));
        }
        return out;
    }

    /** The ARN of a loaded bucket, as policies name it ({@code Fn::GetAtt Bucket.Arn} gives the same text). */
    static String bucketArn(Resource bucket) {
        return bucket.bucketArn();
    }

    /** The rule's {@code Destination.Bucket} when it is a known S3 bucket ARN. */
    static Optional<String> destinationArn(ReplicationRule rule) {
        return rule.destinationValue().text().filter(t -> Arn.bucket(t).isPresent());
    }
}
