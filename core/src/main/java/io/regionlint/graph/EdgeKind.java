package io.regionlint.graph;

import java.util.Locale;

/** The kinds of link a picture draws, each a question the model already answers. */
public enum EdgeKind {
    /** An S3 replication rule: source bucket to destination bucket. */
    REPLICATION("replicates to"),
    /** The role an S3 replication rule runs as. */
    REPLICATION_ROLE("replicates as"),
    /** A DynamoDB global table to a replica (or witness) in another Region. */
    TABLE_REPLICA("replica"),
    /** An Aurora global database to a member cluster. */
    GLOBAL_MEMBER("member"),
    /** An Aurora cluster to its DB instances. */
    DB_INSTANCE("instance"),
    /** A multi-Region KMS primary key to a replica key. */
    REPLICA_KEY("replica key"),
    /** Data (a bucket, table, cluster, secret) to the KMS key that protects a copy of it. */
    KEY_USE("encrypted with"),
    /** Compute to the IAM role it runs with. */
    ROLE_USE("runs as"),
    /** A resource to a Secrets Manager secret it reads. */
    SECRET_READ("reads secret"),
    /** Route 53 records of one group (zone, name, type): a failover primary to its secondary, or the next member. */
    ROUTING_PEER("routing peer"),
    /** A Route 53 record (or calculated health check) to the health check that decides it. */
    HEALTH_CHECK("health-checked by"),
    /** A Global Accelerator listener to an endpoint group in a Region. */
    ENDPOINT_GROUP("endpoint group"),
    /** A record or an endpoint group to the resource it sends traffic to. */
    TRAFFIC("routes to"),
    /** A value of one stack that names a resource of another (exports, imports, CDK references). */
    REFERENCE("references");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    /** How pictures label the link. */
    public String label() {
        return label;
    }

    /** The name filters and CSS classes use: {@code table-replica}. */
    public String cssName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
