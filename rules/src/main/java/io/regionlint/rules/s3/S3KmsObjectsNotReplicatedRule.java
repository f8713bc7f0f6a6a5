package io.regionlint.rules.s3;

import io.regionlint.model.Truth;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.KmsDefaultEncryption;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RL2007: S3 replicates SSE-KMS encrypted objects only when a rule opts in and names a key for
 * the replicas; a bucket that encrypts with KMS by default otherwise replicates almost nothing.
 */
@RuleInfo(id = "RL2007", summary = "A bucket encrypted with KMS by default has a replication rule that does not"
        + " replicate KMS-encrypted objects", severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3KmsObjectsNotReplicatedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Resource bucket : context.topology().resources(S3Facts.BUCKET)) {
            Optional<Value> algorithm = KmsDefaultEncryption.of(bucket).map(KmsDefaultEncryption::algorithm);
            if (algorithm.isEmpty()) {
                continue;
            }
            for (ReplicationRule rule : context.topology().replicationRulesFrom(bucket)) {
                if (rule.enabled()) {
                    check(context, bucket, algorithm.get(), rule);
                }
            }
        }
    }

    private static void check(RuleContext context, Resource bucket, Value algorithm, ReplicationRule rule) {
        List<String> missing = new ArrayList<>();
        if (S3Facts.enabledAt(rule.rule(), "SourceSelectionCriteria", "SseKmsEncryptedObjects", "Status")
                == Truth.FALSE) {
            missing.add("SourceSelectionCriteria.SseKmsEncryptedObjects.Status: Enabled");
        }
        if (S3Facts.has(rule.rule(), "Destination", "EncryptionConfiguration", "ReplicaKmsKeyID") == Truth.FALSE) {
            missing.add("Destination.EncryptionConfiguration.ReplicaKmsKeyID");
        }
        if (missing.isEmpty()) {
            return;
        }
        String algorithmName = algorithm.text().orElseThrow();
        context.report(Site.of(bucket, rule.rule()), "Bucket " + bucket.describe() + " encrypts objects with "
                        + algorithmName + " by default, but replication rule " + rule.label() + " lacks "
                        + String.join(" and ", missing) + ", so S3 does not replicate its KMS-encrypted objects to "
                        + S3Facts.destinationName(rule) + "; add " + (missing.size() == 2 ? "both" : "it")
                        + (missing.size() == 2 || missing.get(0).endsWith("ReplicaKmsKeyID")
                        ? " (ReplicaKmsKeyID names a KMS key in the destination Region)" : ""))
                .related(bucket, Optional.of(algorithm), "the bucket's default encryption");
    }
}
