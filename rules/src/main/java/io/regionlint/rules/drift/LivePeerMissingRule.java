package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Arn;
import io.regionlint.model.DeployedCoverage;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.UnresolvedPeer;
import io.regionlint.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RL8007: a deployed link whose far end does not exist, although AWS Config records that type
 * where it would be: a bucket replicating to a deleted bucket (Config records buckets in every
 * Region of the system) or with a deleted role (Config records IAM roles in the account), a
 * replica key whose primary key is gone (Config records keys in the primary's Region).
 * CloudFormation's own drift detection cannot see these: the text that names the peer is unchanged. A destination that a template declares
 * is RL8002's (the declared bucket is missing), so it is not reported twice. Where Config does not
 * record buckets in one of the system's Regions, the destination may live there: not reported
 * (RL1002 notes the unresolved destination).
 */
@RuleInfo(id = "RL8007", summary = "A deployed resource links to a resource that no longer exists",
        severity = Severity.ERROR, category = "drift", since = "0.1.0")
public final class LivePeerMissingRule implements Rule {

    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([^/]+)");

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        DeclaredDeployed joined = DeclaredDeployed.of(topology);
        List<String> regions = topology.regionRoles().keySet().stream().sorted().toList();
        boolean everywhere = !regions.isEmpty()
                && regions.stream().allMatch(r -> joined.recordedIn("AWS::S3::Bucket", Optional.empty(), Optional.of(r)));
        java.util.Set<String> rolesRecorded = null; // accounts with a recorded role, once, where needed
        for (UnresolvedPeer peer : topology.unresolvedPeers()) {
            Resource source = peer.from();
            if (source.observed().isEmpty()) {
                continue;
            }
            if (peer.kind().equals("replication role")) {
                if (rolesRecorded == null) {
                    rolesRecorded = accountsWithRoles(topology);
                }
                roleGone(context, topology, rolesRecorded, source, peer);
                continue;
            }
            if (!everywhere || !peer.kind().equals("replication destination bucket")) {
                continue;
            }
            Matcher arn = BUCKET_ARN.matcher(peer.at().text().orElse(""));
            if (!arn.matches()) {
                continue;
            }
            String name = arn.group(1);
            Optional<MapValue> liveRule = Differences.rules(source).stream()
                    .filter(r -> r.at("Destination", "Bucket").orElse(null) == peer.at()).findFirst();
            String account = source.observed().get().account();
            boolean otherAccount = liveRule.flatMap(r -> r.textAt("Destination", "Account"))
                    .filter(a -> !a.equals(account)).isPresent();
            if (otherAccount || joined.observedBucket(name).isPresent() || joined.declaredBucket(name).isPresent()) {
                continue;
            }
            report(context, joined, source, liveRule, peer.at(), name, regions);
        }
        for (Resource replica : topology.resources("AWS::KMS::ReplicaKey")) {
            if (replica.observed().isPresent() && topology.primaryKeyOf(replica).isEmpty()) {
                primaryGone(context, joined, replica);
            }
        }
    }

    /**
     * A deployed bucket's replication role that AWS Config does not record, although it records
     * IAM roles in the bucket's account (a pull's complete coverage, or any recorded role there).
     */
    private static void roleGone(RuleContext context, Topology topology, java.util.Set<String> rolesRecorded,
                                 Resource bucket, UnresolvedPeer peer) {
        String account = bucket.observed().get().account();
        Optional<Arn> role = peer.at().text().flatMap(t -> Arn.iam(t, "role"));
        if (role.isEmpty() || !role.get().account().equals(account)) {
            return; // a role name that is no ARN, or another account's role: not known to be gone
        }
        Optional<DeployedCoverage.Status> pulled = topology.coverage().of(Optional.of(account), "global",
                "AWS::IAM::Role");
        boolean recorded = pulled.map(s -> s == DeployedCoverage.Status.COMPLETE)
                .orElseGet(() -> rolesRecorded.contains(account));
        if (!recorded) {
            return;
        }
        String captured = bucket.observed().get().captureTime().map(t -> ", captured " + t).orElse("");
        context.report(Site.of(bucket, peer.at()), "Bucket " + bucket.describe() + " replicates with role '"
                + role.get().name() + "', which does not exist: AWS Config records IAM roles in account " + account
                + " and recorded no role of that name (AWS Config" + captured + "), so S3 cannot assume it and"
                + " replicates nothing; re-create the role (trusting s3.amazonaws.com, allowed to read this bucket"
                + " and replicate into the destinations), or point the replication configuration at a role that"
                + " exists").key("role " + role.get().name());
    }

    /** The accounts in which AWS Config recorded at least one IAM role. */
    private static java.util.Set<String> accountsWithRoles(Topology topology) {
        java.util.Set<String> out = new java.util.HashSet<>();
        topology.resources("AWS::IAM::Role").forEach(r -> r.observed().ifPresent(o -> out.add(o.account())));
        return out;
    }

    /**
     * A deployed replica key whose primary key AWS Config does not record in the primary's Region,
     * where it records keys: the multi-Region key set has lost its primary (deleted), so the
     * replica can no longer be updated from it and a new replica cannot be made.
     */
    private static void primaryGone(RuleContext context, DeclaredDeployed joined, Resource replica) {
        Optional<Value> at = replica.properties().get("PrimaryKeyArn");
        Optional<Arn> primary = at.flatMap(Value::text).flatMap(Arn::kms).filter(a -> a.is("kms", "key"));
        String account = replica.observed().get().account();
        if (primary.isEmpty() || !primary.get().account().equals(account)
                || !joined.recordedIn("AWS::KMS::Key", Optional.of(account), Optional.of(primary.get().region()))) {
            return;
        }
        String captured = replica.observed().get().captureTime().map(t -> ", captured " + t).orElse("");
        context.report(Site.of(replica, at.get()), "Replica key " + replica.describe() + " names primary key '"
                        + primary.get().resourceId() + "' in " + primary.get().region() + ", which does not exist:"
                        + " AWS Config records customer managed keys in " + primary.get().region() + " and recorded no"
                        + " key of that id (AWS Config" + captured + "); the replica's key material can no longer be"
                        + " shared with a new Region, and a key policy or rotation change cannot come from the primary;"
                        + " promote this replica to primary (UpdatePrimaryRegion) or, if the primary is pending"
                        + " deletion, cancel its deletion")
                .regions(Optional.of(primary.get().region()))
                .key("primary " + primary.get().resourceId());
    }

    private static void report(RuleContext context, DeclaredDeployed joined, Resource source,
                               Optional<MapValue> liveRule, Value liveDestination, String name, List<String> regions) {
        Optional<String> id = liveRule.flatMap(r -> r.textAt("Id"));
        Optional<Resource> declared = joined.declaredOf(source);
        Optional<Value> declaredDestination = declared.flatMap(d -> Differences.rules(d).stream()
                .filter(r -> id.isPresent() && r.textAt("Id").equals(id)).findFirst())
                .flatMap(r -> r.at("Destination", "Bucket"));
        Site site = declared.isPresent() && declaredDestination.isPresent()
                ? Site.of(declared.get(), declaredDestination.get()) : Site.of(source, liveDestination);
        String captured = source.observed().flatMap(o -> o.captureTime()).map(t -> ", captured " + t).orElse("");
        var finding = context.report(site, "Bucket " + source.describe() + " replicates"
                + id.map(i -> " (rule '" + i + "')").orElse("") + " to bucket '" + name + "', which does not exist:"
                + " AWS Config recorded no bucket of that name in " + String.join(", ", regions) + ", where it records"
                + " buckets (AWS Config" + captured + "), so S3 cannot replicate into it (replication failure reason"
                + " DstBucketNotFound); re-create the destination bucket (versioned, in the other Region), or point"
                + " the rule at a bucket that exists");
        if (declared.isPresent() && declaredDestination.isPresent()) {
            finding.related(source, Optional.of(liveDestination), "the deployed replication rule");
        }
        finding.key(name);
    }
}
