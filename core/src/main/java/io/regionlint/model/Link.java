package io.regionlint.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One link of the cross-Region model, navigated one way whatever its kind: from a resource to
 * another resource or to a Regional copy that is no resource of its own (a global table's
 * replica, a secret's replica Region).
 *
 * @param kind what joins the two ends
 * @param from the resource the link starts at
 * @param to the resource at the other end, when it is loaded (empty for a Regional copy, or for
 *     a replication destination or key that no loaded template declares)
 * @param region the Region of the other end (for a key link: the Region of the copy the key protects;
 *     for a secret read: the reader's Region); empty when the inputs do not tell
 * @param at the value of {@code from} that makes the link (where a finding about it points)
 * @param detail what the link itself says: a replication rule, a replica's settings, the other
 *     member's or twin's properties; an empty map where there is nothing more
 * @param status whether the link is in force (an enabled replication rule); TRUE for links that
 *     have no status of their own
 * @param facts what else the model knows about the link, by name (a key link's {@code keyRegion},
 *     {@code awsManaged}, {@code replicated}, {@code reference}); absent where not known
 */
public record Link(Kind kind, Resource from, Optional<Resource> to, Optional<String> region, Value at,
                   MapValue detail, Truth status, Map<String, String> facts) {

    public Link {
        facts = Map.copyOf(facts);
    }

    /** A link with no facts beyond its ends. */
    public Link(Kind kind, Resource from, Optional<Resource> to, Optional<String> region, Value at, MapValue detail,
                Truth status) {
        this(kind, from, to, region, at, detail, status, Map.of());
    }

    /** The kinds of link, by the word the rule language uses for them. */
    public enum Kind {
        /** An S3 replication rule: bucket to destination bucket. */
        REPLICATION,
        /** A DynamoDB global table to one of its Regional replicas (detail: the replica's settings). */
        REPLICA,
        /** An Aurora global database member cluster to every other member. */
        MEMBER,
        /** A secondary member of an Aurora global database to its primary cluster. */
        PRIMARY,
        /** A primary member of an Aurora global database to each secondary. */
        SECONDARY,
        /** A DB cluster to its DB instances. */
        INSTANCE,
        /** A DB instance to its DB cluster (the other way round from {@link #INSTANCE}). */
        CLUSTER,
        /** A resource to the KMS key that protects one Regional copy of its data (region: the copy's). */
        KEY,
        /** A resource to a Secrets Manager secret it reads. */
        SECRET,
        /** A secret to each Region it is replicated to (its own excluded). */
        SECRET_REPLICA,
        /** A resource to the same resource of an instance of the same stack in another Region or account. */
        TWIN;

        /** The word the rule language uses: lower case, e.g. {@code replication}, {@code secret_replica}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
