package io.regionlint.rules.routing;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.Severity;
import io.regionlint.model.DnsRecord;
import io.regionlint.rules.facts.AwsFacts;
import io.regionlint.model.DnsRecord.RoutingPolicy;
import io.regionlint.model.RecordGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RL6003: health-checked records whose TTL keeps resolvers on a failed Region's answer longer
 * than the threshold (default 60 s, AWS's recommendation), and groups whose records have
 * different TTLs.
 */
@NotRecordedByConfig(value = "Route 53 record sets, which AWS Config does not record")
@RuleInfo(id = "RL6003", summary = "Health-checked records with a TTL above 60 s, or unequal TTLs in a routing group",
        severity = Severity.WARNING, category = "routing", since = "0.1.0")
public final class R53TtlSlowsFailoverRule implements Rule {

    /** Option: the longest TTL, in seconds, a health-checked record may have. */
    static final String MAX_TTL = "maxTtlSeconds";
    /** AWS's recommendation for health-checked records, from aws-facts.properties. */
    private static final long DEFAULT_MAX_TTL = AwsFacts.number("route53.ttl.recommendedMaxSeconds");

    @Override
    public List<RuleOption> options() {
        return List.of(RuleOption.wholeNumber(MAX_TTL, DEFAULT_MAX_TTL, 0, 172800, "The longest TTL, in seconds,"
                + " a health-checked record may have."));
    }

    @Override
    public void check(RuleContext context) {
        long max = context.wholeNumber(MAX_TTL);
        List<DnsRecord> all = new ArrayList<>();
        context.topology().recordGroups().forEach(g -> all.addAll(g.records()));
        all.addAll(context.topology().unjoinedRecords());
        for (DnsRecord r : all) {
            if (r.get("HealthCheckId").isEmpty() || r.ttl().isEmpty() || r.ttl().get() <= max) {
                continue;
            }
            context.report(Routes.site(r, "TTL"), "Record " + r.describe() + " is health-checked but has a TTL of "
                    + r.ttl().get() + " s: resolvers keep answering with it for up to that long after its health check"
                    + " fails, which delays failover; set TTL to " + max + " or less (AWS recommends " + DEFAULT_MAX_TTL
                    + " seconds or less for records with health checks)").regions(r.servedRegion()).key("max");
        }
        for (RecordGroup group : context.topology().recordGroups()) {
            unequal(context, group);
        }
    }

    private static void unequal(RuleContext context, RecordGroup group) {
        List<DnsRecord> timed = group.records().stream().filter(r -> r.policy() != RoutingPolicy.SIMPLE
                && r.ttl().isPresent()).toList();
        if (timed.size() < 2 || timed.stream().map(r -> r.ttl().get()).distinct().count() < 2) {
            return;
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        timed.forEach(r -> counts.merge(r.ttl().get(), 1, Integer::sum));
        // the most common TTL; on a tie the shortest, which is the safer one to align on
        long common = counts.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
        DnsRecord reference = timed.stream().filter(r -> r.ttl().get() == common).findFirst().orElseThrow();
        boolean weighted = reference.policy() == RoutingPolicy.WEIGHTED;
        for (DnsRecord r : timed) {
            if (r.ttl().get() == common) {
                continue;
            }
            context.report(Routes.site(r, "TTL"), "Record " + r.describe() + " of " + group.describe() + " has TTL "
                            + r.ttl().get() + " s while " + reference.describe() + " has " + common + " s"
                            + (weighted ? ": all weighted records of a group must have the same TTL (Route 53 changes"
                            + " them all to the last value given)" : ": resolvers then hold one Region's answer longer"
                            + " than the other's, so failover takes longer one way than the other")
                            + "; give every record of the group the same TTL")
                    .regions(r.servedRegion()).key("unequal")
                    .related(reference.resource(), Routes.relatedAt(reference), "a record with TTL " + common + " s");
        }
    }
}
