package io.regionlint.rules.routing;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.DnsRecord;
import io.regionlint.model.DnsRecord.HealthEvaluation;
import io.regionlint.model.DnsRecord.RoutingPolicy;
import io.regionlint.model.RecordGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RL6002: latency, weighted, geolocation, geoproximity, multivalue and CIDR groups whose members
 * Route 53 cannot all see fail: members with no health evaluation (always healthy), groups that
 * span Regions with no health evaluation at all, and members that share one health check.
 */
@NotRecordedByConfig(value = "Route 53 record sets, which AWS Config does not record")
@RuleInfo(id = "RL6002", summary = "Latency, weighted or geo records where some members are never health-checked"
        + " (fail-open)", severity = Severity.WARNING, category = "routing", since = "0.1.0")
public final class R53RoutingGroupHealthRule implements Rule {

    private static final Set<RoutingPolicy> POLICIES = EnumSet.of(RoutingPolicy.LATENCY, RoutingPolicy.WEIGHTED,
            RoutingPolicy.GEOLOCATION, RoutingPolicy.GEOPROXIMITY, RoutingPolicy.MULTIVALUE, RoutingPolicy.CIDR);

    @Override
    public void check(RuleContext context) {
        for (RecordGroup group : context.topology().recordGroups()) {
            List<DnsRecord> members = group.records().stream().filter(r -> POLICIES.contains(r.policy())).toList();
            if (members.size() < 2) {
                continue;
            }
            List<DnsRecord> checked = members.stream().filter(r -> r.health() == HealthEvaluation.CHECKED).toList();
            List<DnsRecord> unchecked = members.stream().filter(r -> r.health() == HealthEvaluation.NONE
                    || r.health() == HealthEvaluation.NEVER_FAILS).toList();
            boolean unknown = members.stream().anyMatch(r -> r.health() == HealthEvaluation.UNKNOWN);
            if (!checked.isEmpty()) {
                for (DnsRecord r : unchecked) {
                    DnsRecord peer = checked.get(0);
                    context.report(Routes.healthSite(r), Routes.capitalised(
                                    r.policy().label()) + " record " + r.describe() + " of " + group.describe() + " "
                                    + reason(r) + " while " + checked.size() + " other record(s) of the group are"
                                    + " health-checked: Route 53 treats it as always healthy and keeps answering with it"
                                    + " when its Region fails; add a HealthCheckId"
                                    + (r.isAlias() ? " or AliasTarget.EvaluateTargetHealth: true" : "")
                                    + " like the other records")
                            .regions(r.servedRegion())
                            .related(peer.resource(), Routes.relatedAt(peer), "a record of the group that is health-checked");
                }
            } else if (!unknown && group.regions().size() >= 2) {
                for (DnsRecord r : unchecked) {
                    context.report(Routes.healthSite(r), Routes.capitalised(
                                    r.policy().label()) + " record " + r.describe() + " of " + group.describe() + " "
                                    + reason(r) + ", and no record of the group (Regions "
                                    + String.join(", ", group.regions()) + ") is health-checked: Route 53 keeps"
                                    + " answering with a failed Region's record, so losing a Region loses its share of"
                                    + " traffic; give each record a HealthCheckId"
                                    + (r.isAlias() ? " or AliasTarget.EvaluateTargetHealth: true" : ""))
                            .regions(r.servedRegion());
                }
            }
            sharedCheck(context, group, checked);
        }
    }

    private static String reason(DnsRecord r) {
        if (r.health() == HealthEvaluation.NEVER_FAILS) {
            return "uses health check '" + r.healthCheck().map(h -> h.resource().logicalId()).orElse("?")
                    + "', which can never turn unhealthy,";
        }
        return r.isAlias() ? "is an alias without EvaluateTargetHealth: true or a HealthCheckId" : "has no HealthCheckId";
    }

    /** Records of several Regions that all use one health check rise and fall together. */
    private static void sharedCheck(RuleContext context, RecordGroup group, List<DnsRecord> checked) {
        if (checked.size() < 2 || group.regions().size() < 2) {
            return;
        }
        List<String> ids = checked.stream().map(r -> r.text("HealthCheckId").orElse("")).distinct().toList();
        if (ids.size() != 1 || ids.get(0).isEmpty()) {
            return;
        }
        DnsRecord first = checked.get(0);
        for (DnsRecord r : checked.subList(1, checked.size())) {
            Optional<String> name = r.healthCheck().map(h -> h.resource().logicalId());
            context.report(Routes.site(r, "HealthCheckId"), Routes.capitalised(r.policy().label()) + " record "
                            + r.describe() + " of " + group.describe() + " uses the same health check" + name.map(
                            n -> " '" + n + "'").orElse("") + " as " + first.describe() + ": when it fails, every"
                            + " record is unhealthy and Route 53 answers with all of them (\"if no record is healthy,"
                            + " all records are healthy\"); give each Region's record a health check of its own endpoint")
                    .regions(r.servedRegion())
                    .related(first.resource(), Routes.relatedAt(first), "a record with the same health check");
        }
    }
}
