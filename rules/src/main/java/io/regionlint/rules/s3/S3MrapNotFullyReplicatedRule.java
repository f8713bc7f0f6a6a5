package io.regionlint.rules.s3;

import io.regionlint.model.Truth;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ListValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL2009: a Multi-Region Access Point routes each request to one of its buckets, so a read finds
 * an object only where replication put it. Its buckets must be versioned (replication needs it),
 * one per Region, and each must receive replicas from another member; between two active Regions
 * replication should run both ways.
 */
@RuleInfo(id = "RL2009", summary = "A Multi-Region Access Point has a bucket that is unversioned, shares a Region, or"
        + " is not kept in sync by replication", severity = Severity.ERROR, category = "s3", since = "0.1.0")
public final class S3MrapNotFullyReplicatedRule implements Rule {

    static final String MRAP = "AWS::S3::MultiRegionAccessPoint";

    /** One entry of {@code Regions}: the value naming the bucket and the bucket, when loaded. */
    private record Member(Value at, Optional<Resource> bucket) {
    }

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        Map<String, Resource> bucketsByName = new HashMap<>();
        Map<String, Resource> bucketsByKey = new HashMap<>();
        for (Resource bucket : topology.resources(S3Facts.BUCKET)) {
            bucketsByName.putIfAbsent(bucket.physicalName(), bucket);
            bucketsByKey.put(bucket.key(), bucket);
        }
        for (Resource mrap : topology.resources(MRAP)) {
            Optional<Value> regions = mrap.properties().get("Regions");
            if (regions.isEmpty() || !(regions.get() instanceof ListValue list)) {
                continue;
            }
            List<Member> members = new ArrayList<>();
            boolean allKnown = true;
            for (Value entry : list.items()) {
                Optional<Value> bucket = entry.at("Bucket");
                Optional<String> name = bucket.flatMap(Value::text);
                if (bucket.isEmpty() || name.isEmpty()) {
                    allKnown = false;
                    continue;
                }
                Optional<Resource> loaded = Tokens.containsToken(name.get())
                        ? Tokens.resourceKey(name.get()).map(bucketsByKey::get)
                        : Optional.ofNullable(bucketsByName.get(name.get()));
                allKnown &= loaded.isPresent();
                members.add(new Member(bucket.get(), loaded));
            }
            check(context, topology, mrap, members, allKnown);
        }
    }

    private static void check(RuleContext context, Topology topology, Resource mrap, List<Member> members,
                              boolean allKnown) {
        String name = "Multi-Region Access Point '" + mrap.properties().textAt("Name").orElse(mrap.displayName()) + "'";
        Map<String, Member> byRegion = new HashMap<>();
        for (Member m : members) {
            if (m.bucket().isEmpty()) {
                continue;
            }
            Resource bucket = m.bucket().get();
            if (S3Facts.versioningEnabled(bucket) == Truth.FALSE) {
                context.report(Site.of(mrap, m.at()), name + " includes bucket " + bucket.describe() + ", which is"
                                + " not versioned; replication between the access point's buckets needs versioning on"
                                + " every bucket, so set VersioningConfiguration.Status: Enabled on it")
                        .key("versioning|" + topology.fingerprintKey(bucket)).related(bucket, bucket.properties()
                                .get("VersioningConfiguration"), "the member bucket");
            }
            if (bucket.region().isPresent()) {
                Member first = byRegion.putIfAbsent(bucket.region().get(), m);
                if (first != null) {
                    Resource other = first.bucket().orElseThrow();
                    context.report(Site.of(mrap, m.at()), name + " includes two buckets in "
                                    + bucket.region().get() + ", " + other.describe() + " and " + bucket.describe()
                                    + "; an access point takes exactly one bucket per Region, so keep one of them")
                            .key("region|" + topology.fingerprintKey(bucket)).related(other, Optional.empty(), "the other bucket in "
                                    + bucket.region().get());
                }
            }
        }
        for (Member m : members) {
            if (m.bucket().isPresent()) {
                replication(context, topology, mrap, name, m, members, allKnown);
            }
        }
    }

    /** A member must receive replicas from another member; between active Regions, from each it feeds. */
    private static void replication(RuleContext context, Topology topology, Resource mrap, String name, Member m,
                                    List<Member> members, boolean allKnown) {
        Resource bucket = m.bucket().get();
        List<Resource> others = members.stream().map(Member::bucket).flatMap(Optional::stream)
                .filter(b -> !b.key().equals(bucket.key())).distinct().toList();
        if (others.isEmpty()) {
            return;
        }
        Truth receives = allKnown ? Truth.FALSE : Truth.UNKNOWN;
        for (Resource other : others) {
            receives = receives.or(S3Facts.replicatesTo(topology, other, bucket));
        }
        if (receives == Truth.FALSE) {
            context.report(Site.of(mrap, m.at()), name + " includes bucket " + bucket.describe() + ", which receives"
                            + " replicas from none of the other buckets, so a request routed to it misses objects"
                            + " written through the other Regions (HTTP 404); add replication rules into '"
                            + bucket.displayName() + "' from the other buckets, two-way as AWS recommends")
                    .key("receives|" + topology.fingerprintKey(bucket));
            return;
        }
        for (Resource other : others) {
            if (!topology.isActive(bucket.region()) || !topology.isActive(other.region())
                    || bucket.region().equals(other.region())) {
                continue;
            }
            if (S3Facts.replicatesTo(topology, bucket, other) == Truth.TRUE
                    && S3Facts.replicatesTo(topology, other, bucket) == Truth.FALSE) {
                context.report(Site.of(mrap, m.at()), name + " routes to buckets " + bucket.describe() + " and "
                                + other.describe() + " in two active Regions, but only '" + bucket.displayName()
                                + "' replicates to '" + other.displayName() + "'; objects written through "
                                + other.region().orElseThrow() + " are missing from '" + bucket.displayName()
                                + "', so add a replication rule from '" + other.displayName() + "' to '"
                                + bucket.displayName() + "' (two-way replication)")
                        .key("reverse|" + topology.fingerprintKey(bucket) + "|" + topology.fingerprintKey(other))
                        .related(other, other.properties().get("ReplicationConfiguration"),
                                "the bucket that replicates nothing back");
            }
        }
    }
}
