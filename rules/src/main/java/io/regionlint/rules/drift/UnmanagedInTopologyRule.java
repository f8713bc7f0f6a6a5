package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.Optional;

/**
 * RL8009: a resource that no template manages (no CloudFormation tags, joined to no declared
 * resource) has become part of the managed system: a managed bucket replicates into a bucket made
 * by hand. The managed system now depends on something no template describes, reviews or can
 * re-create in a recovery. An unmanaged resource that nothing managed depends on is not reported
 * (listing every hand-made resource is an inventory tool's job, and noise here).
 */
@RuleInfo(id = "RL8009", summary = "A managed resource depends on a deployed resource that no template manages",
        severity = Severity.WARNING, category = "drift", since = "0.1.0")
public final class UnmanagedInTopologyRule implements Rule {

    @Override
    public void check(RuleContext context) {
        DeclaredDeployed joined = DeclaredDeployed.of(context.topology());
        for (Resource source : context.topology().resources("AWS::S3::Bucket")) {
            if (source.observed().isEmpty() || !joined.managed(source)) {
                continue;
            }
            for (MapValue rule : Differences.rules(source)) {
                Optional<Value> at = rule.at("Destination", "Bucket");
                Optional<Resource> destination = at.flatMap(Value::text).map(Differences::bucketName)
                        .flatMap(joined::observedBucket);
                if (destination.isEmpty() || joined.managed(destination.get())
                        || joined.declaredBucket(destination.get().physicalName()).isPresent()) {
                    continue;
                }
                report(context, joined, source, rule, at.get(), destination.get());
            }
        }
    }

    private static void report(RuleContext context, DeclaredDeployed joined, Resource source, MapValue rule,
                               Value liveDestination, Resource destination) {
        Optional<Resource> declared = joined.declaredOf(source);
        Site site = declared.map(d -> d.properties().get("ReplicationConfiguration").map(v -> Site.of(d, v))
                .orElseGet(() -> Site.of(d))).orElseGet(() -> Site.of(source, liveDestination));
        String id = rule.textAt("Id").map(i -> " (rule '" + i + "')").orElse("");
        String inTemplate = declared.isPresent() && Differences.rules(declared.get()).stream()
                .noneMatch(r -> r.textAt("Id").equals(rule.textAt("Id")))
                ? ", by a rule the template does not declare" : "";
        context.report(site, "Bucket " + source.describe() + " replicates" + id + " into bucket "
                        + destination.describe() + inTemplate + ", and no template manages that bucket (no"
                        + " CloudFormation tags, declared nowhere): the system depends on a bucket made by hand,"
                        + " which no review sees and no recovery re-creates; declare the bucket (import it into a"
                        + " stack) and the rule in the template, or remove the rule")
                .related(source, Optional.of(liveDestination), "the deployed replication rule")
                .related(destination, Optional.empty(), "the unmanaged bucket, as AWS Config recorded it")
                .key(destination.physicalName());
    }
}
