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
 * RL1013: a pulled snapshot bundle does not cover a type in a Region where the templates declare
 * resources of it (its manifest's coverage says the pull failed, or the Region's recorder does
 * not record the type), so drift of those resources was not evaluated. One note per account,
 * Region and type, at the first such declared resource.
 */
@RuleInfo(id = "RL1013", summary = "A pulled snapshot does not cover a Region and type the templates declare",
        severity = Severity.NOTE, category = "drift", since = "0.1.0")
public final class SnapshotCoverageGapRule implements Rule {

    @Override
    public void check(RuleContext context) {
        DeployedCoverage coverage = context.topology().coverage();
        if (coverage.isEmpty()) {
            return;
        }
        Map<String, Resource> firstByPlace = new LinkedHashMap<>();
        Map<String, DeployedCoverage.Status> statusByPlace = new LinkedHashMap<>();
        for (Resource r : context.topology().resources()) {
            if (r.observed().isPresent() || r.region().isEmpty() || !DeclaredDeployed.TYPES.contains(r.type())) {
                continue;
            }
            String type = DeclaredDeployed.pulledType(r.type());
            Optional<DeployedCoverage.Status> status = coverage.of(r.stack().account(), r.region().get(), type);
            if (status.isPresent() && status.get() != DeployedCoverage.Status.COMPLETE) {
                String place = r.stack().account().orElse("?") + "|" + r.region().get() + "|" + type;
                firstByPlace.putIfAbsent(place, r);
                statusByPlace.putIfAbsent(place, status.get());
            }
        }
        firstByPlace.forEach((place, r) -> {
            String[] parts = place.split("\\|", 3);
            String reason = statusByPlace.get(place) == DeployedCoverage.Status.FAILED
                    ? "the pull of that type there failed" + coverage.error(parts[0], parts[1], parts[2])
                            .map(e -> " (" + e + ")").orElse("") + "; pull again with permission to read it"
                    : "the Region's AWS Config recorder does not record that type; record it, then pull again";
            context.report(Site.of(r), "Drift of " + parts[2] + " in " + parts[1] + " (account " + parts[0] + "), such as "
                    + r.describe() + ", was not evaluated: " + reason).key(place);
        });
    }
}
