package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.DeployedCoverage;
import io.regionlint.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RL1013: the deployed inputs do not cover a type in a Region where the templates declare
 * resources of it, so drift of those resources was not evaluated: a pulled bundle's manifest says
 * the pull failed or the Region's recorder does not record the type, or, for plain snapshot files
 * (which say nothing of coverage), no item of the type was recorded in that Region. One note per
 * account, Region and type, at the first such declared resource.
 */
@RuleInfo(id = "RL1013", summary = "The deployed inputs do not cover a Region and type the templates declare",
        severity = Severity.NOTE, category = "drift", since = "0.1.0")
public final class SnapshotCoverageGapRule implements Rule {

    /**
     * An account, Region and type the deployed inputs do not cover, and what a bundle said of it
     * (empty: plain snapshots without an item of the type there).
     */
    private record Gap(String account, String region, String type, Optional<DeployedCoverage.Status> status) {
    }

    @Override
    public void check(RuleContext context) {
        DeployedCoverage coverage = context.topology().coverage();
        boolean observed = context.topology().resources().stream().anyMatch(r -> r.observed().isPresent());
        if (coverage.isEmpty() && !observed) {
            return; // no deployed inputs: drift is not asked for
        }
        DeclaredDeployed joined = DeclaredDeployed.of(context.topology());
        Map<Gap, Resource> first = new LinkedHashMap<>();
        for (Resource r : context.topology().resources()) {
            if (r.observed().isPresent() || r.region().isEmpty() || !DeclaredDeployed.TYPES.contains(r.type())
                    || r.conditionUnknown()) {
                continue;
            }
            String type = DeclaredDeployed.pulledType(r.type());
            Optional<DeployedCoverage.Status> said = coverage.of(r.stack().account(), r.region().get(), type);
            if (said.isPresent()) {
                said.filter(status -> status != DeployedCoverage.Status.COMPLETE)
                        .ifPresent(status -> first.putIfAbsent(new Gap(r.stack().account().orElse("?"),
                                r.region().get(), type, Optional.of(status)), r));
            } else if (plainGap(r) && !joined.recordedIn(r.type(), r.stack().account(), r.region())) {
                first.putIfAbsent(new Gap(r.stack().account().orElse("?"), r.region().get(), type, Optional.empty()), r);
            }
        }
        first.forEach((gap, r) -> {
            String reason = gap.status().isEmpty()
                    ? "no item of that type was recorded there among the snapshots (the Region's AWS Config recorder"
                            + " may not record it, or that Region's snapshot is not among the inputs); give a snapshot"
                            + " that records it, or pull a bundle, whose coverage says"
                    : gap.status().get() == DeployedCoverage.Status.FAILED
                    ? "the pull of that type there failed" + coverage.error(gap.account(), gap.region(), gap.type())
                            .map(e -> " (" + e + ")").orElse("") + "; pull again with permission to read it"
                    : "the Region's AWS Config recorder does not record that type; record it, then pull again";
            context.report(Site.of(r), "Drift of " + gap.type() + " in " + gap.region() + " (account " + gap.account()
                    + "), such as " + r.describe() + ", was not evaluated: " + reason)
                    .key(gap.account() + "|" + gap.region() + "|" + gap.type());
        });
    }

    /**
     * Whether plain snapshots' silence about this declared resource's type matters: global
     * tables are recorded once per Region and merged into one resource, IAM once per account
     * (Region {@code global}), and neither is judged missing by Region.
     */
    private static boolean plainGap(Resource declared) {
        return !declared.isType("AWS::DynamoDB::GlobalTable") && !declared.type().startsWith("AWS::IAM::");
    }
}
