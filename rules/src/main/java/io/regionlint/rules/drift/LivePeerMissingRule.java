package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
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
 * RL8007: a deployed bucket replicates to a bucket that does not exist, although AWS Config
 * records buckets in every Region of the system: the destination was deleted, so nothing is
 * replicated (S3 reports the objects' replication as failed). CloudFormation's own drift
 * detection cannot see this: the rule's text is unchanged. A destination that a template declares
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
        if (!everywhere) {
            return;
        }
        for (UnresolvedPeer peer : topology.unresolvedPeers()) {
            Resource source = peer.from();
            if (!peer.kind().equals("replication destination bucket") || source.observed().isEmpty()) {
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
