package io.regionlint.model;

import java.util.Optional;
import java.util.Set;

/**
 * A bucket's default encryption when it is known to use KMS ({@code aws:kms} or
 * {@code aws:kms:dsse}): replication, its role and key locality all depend on it.
 *
 * @param algorithm the {@code SSEAlgorithm} value
 * @param key the {@code KMSMasterKeyID} value; empty means the AWS managed key {@code aws/s3}
 */
public record KmsDefaultEncryption(Value algorithm, Optional<Value> key) {

    private static final Set<String> KMS_ALGORITHMS = Set.of("aws:kms", "aws:kms:dsse");

    /** Empty when the bucket does not encrypt with KMS by default, or when that cannot be known. */
    public static Optional<KmsDefaultEncryption> of(Resource bucket) {
        Optional<Value> configurations = bucket.properties().at("BucketEncryption", "ServerSideEncryptionConfiguration");
        if (configurations.isEmpty() || !(configurations.get() instanceof ListValue list)) {
            return Optional.empty();
        }
        for (Value configuration : list.items()) {
            Optional<Value> algorithm = configuration.at("ServerSideEncryptionByDefault", "SSEAlgorithm");
            if (algorithm.flatMap(Value::text).map(KMS_ALGORITHMS::contains).orElse(false)) {
                return Optional.of(new KmsDefaultEncryption(algorithm.get(),
                        configuration.at("ServerSideEncryptionByDefault", "KMSMasterKeyID")));
            }
        }
        return Optional.empty();
    }
}
