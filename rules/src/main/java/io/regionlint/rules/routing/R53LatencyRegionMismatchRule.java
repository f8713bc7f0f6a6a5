package io.regionlint.rules.routing;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.DnsRecord;
import io.regionlint.model.DnsRecord.RoutingPolicy;
import io.regionlint.model.RecordGroup;
import io.regionlint.model.Regions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RL6005: a latency record whose {@code Region} is not the Region its target runs in (so Route 53
 * measures latency to the wrong place), and two latency records of one group for one Region.
 */
@NotRecordedByConfig(value = "Route 53 record sets, which AWS Config does not record")
@RuleInfo(id = "RL6005", summary = "A latency record's Region is not where its target is", severity = Severity.WARNING,
        category = "routing", since = "0.1.0")
public final class R53LatencyRegionMismatchRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (RecordGroup group : context.topology().recordGroups()) {
            Map<String, DnsRecord> byRegion = new HashMap<>();
            for (DnsRecord r : group.records()) {
                if (r.policy() != RoutingPolicy.LATENCY) {
                    continue;
                }
                Optional<String> region = r.latencyRegion().filter(Regions::isRegionCode);
                if (region.isEmpty()) {
                    continue;
                }
                if (r.targetRegion().isPresent() && !r.targetRegion().get().equals(region.get())) {
                    var finding = context.report(Routes.site(r, "Region"), "Latency record " + r.describe() + " of "
                            + group.describe() + " says Region " + region.get() + " but sends traffic to "
                            + r.target().map(t -> "'" + t.displayName() + "' ").orElse("a target ") + "in "
                            + r.targetRegion().get() + ": Route 53 answers with it for clients close to "
                            + region.get() + " and sends them across the world; set Region: " + r.targetRegion().get())
                            .regions(r.targetRegion()).key("target");
                    r.target().ifPresent(t -> finding.related(t, Optional.empty(), "the record's target"));
                }
                DnsRecord first = byRegion.putIfAbsent(region.get(), r);
                if (first != null) {
                    context.report(Routes.site(r, "Region"), "Latency records " + first.describe() + " and "
                                    + r.describe() + " of " + group.describe() + " both name Region " + region.get()
                                    + "; Route 53 allows one latency record per Region in a group: remove one, or put"
                                    + " it in its own Region")
                            .related(first.resource(), Routes.relatedAt(first), "the other latency record for "
                                    + region.get()).key("duplicate");
                }
            }
        }
    }
}
