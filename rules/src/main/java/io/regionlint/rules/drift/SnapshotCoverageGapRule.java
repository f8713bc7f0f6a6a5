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

/**
 * RL1013: a pulled snapshot bundle does not cover a type in a Region where the templates declare
 * resources of it (its manifest's coverage says the pull failed, or the Region's recorder does
 * not record the type), so drift of those resources was not evaluated. One note per account,
 * Region and type, at the first such declared resource.
 */
@RuleInfo(id = "RL1013", summary = "A pulled snapshot does not cover a Region and type the templates declare",
        severity = Severity.NOTE, category = "drift", since = "0.1.0")
public final class SnapshotCoverageGapRule implements Rule {

    /** An account, Region and type a bundle did not pull completely, and what it said. */
    private record Gap(String account, String region, String type, DeployedCoverage.Status status) {
    }

    @Override
    public void check(RuleContext context) {
        DeployedCoverage coverage = context.topology().coverage();
        if (coverage.isEmpty()) {
            return;
        }
        Map<Gap, Resource> first = new LinkedHashMap<>();
        for (Resource r : context.topology().resources()) {
            if (r.observed().isPresent() || r.region().isEmpty() || !DeclaredDeployed.TYPES.contains(r.type())) {
                continue;
            }
            String type = DeclaredDeployed.pulledType(r.type());
            coverage.of(r.stack().account(), r.region().get(), type)
                    .filter(status -> status != DeployedCoverage.Status.COMPLETE)
                    .ifPresent(status -> first.putIfAbsent(new Gap(r.stack().account().orElse("?"), r.region().get(),
                            type, status), r));
        }
        first.forEach((gap, r) -> {
            String reason = gap.status() == DeployedCoverage.Status.FAILED
                    ? "the pull of that type there failed" + coverage.error(gap.account(), gap.region(), gap.type())
                            .map(e -> " (" + e + ")").orElse("") + "; pull again with permission to read it"
                    : "the Region's AWS Config recorder does not record that type; record it, then pull again";
            context.report(Site.of(r), "Drift of " + gap.type() + " in " + gap.region() + " (account " + gap.account()
                    + "), such as " + r.describe() + ", was not evaluated: " + reason)
                    .key(gap.account() + "|" + gap.region() + "|" + gap.type());
        });
    }
}
