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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RL6001: a Route 53 failover group (one zone, name and type, joined across stacks and Regions)
 * that is not exactly one PRIMARY and one SECONDARY with distinct set identifiers, or whose
 * PRIMARY Route 53 can never see as unhealthy, so it never fails over.
 */
@NotRecordedByConfig(value = "Route 53 record sets, which AWS Config does not record")
@RuleInfo(id = "RL6001", summary = "A failover record pair that cannot fail over: not one PRIMARY and one SECONDARY,"
        + " or a PRIMARY without health evaluation", severity = Severity.ERROR, category = "routing", since = "0.1.0")
public final class R53FailoverPairUnhealthyRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (RecordGroup group : context.topology().recordGroups()) {
            List<DnsRecord> failover = group.records().stream().filter(r -> r.policy() == RoutingPolicy.FAILOVER)
                    .toList();
            if (failover.isEmpty()) {
                continue;
            }
            if (failover.stream().anyMatch(r -> r.failoverRole().isEmpty())) {
                for (DnsRecord r : failover) {
                    if (r.failoverRole().isEmpty()) {
                        context.report(Routes.site(r, "Failover"), "The failover role of record " + r.describe()
                                + " is not known, so the pair " + group.describe() + " could not be checked")
                                .severity(Severity.NOTE);
                    }
                }
                continue;
            }
            List<DnsRecord> primaries = failover.stream().filter(r -> r.failoverRole().get().equals("PRIMARY")).toList();
            List<DnsRecord> secondaries = failover.stream().filter(r -> r.failoverRole().get().equals("SECONDARY"))
                    .toList();
            counts(context, group, primaries, secondaries);
            setIdentifiers(context, group, failover);
            for (DnsRecord primary : primaries) {
                primaryHealth(context, group, primary, secondaries);
            }
            for (DnsRecord secondary : secondaries) {
                if (secondary.health() == HealthEvaluation.NONE && !primaries.isEmpty()) {
                    context.report(Routes.site(secondary, "Failover"), "SECONDARY record " + secondary.describe()
                            + " of " + group.describe() + " has no health check, so Route 53 answers with it whenever"
                            + " the PRIMARY is unhealthy, even when the secondary Region is down too; add a"
                            + " HealthCheckId (or AliasTarget.EvaluateTargetHealth: true) if a failed secondary"
                            + " should not be served").severity(Severity.NOTE).regions(secondary.servedRegion()).key("health");
                }
            }
        }
    }

    private static void counts(RuleContext context, RecordGroup group, List<DnsRecord> primaries,
                               List<DnsRecord> secondaries) {
        if (secondaries.isEmpty()) {
            for (DnsRecord p : primaries) {
                context.report(Routes.site(p, "Failover"), "Failover record " + p.describe() + " of " + group.describe()
                        + " has no SECONDARY record in any loaded stack, so when the PRIMARY is unhealthy Route 53 has"
                        + " nowhere to send traffic; add a record with the same name and type, Failover: SECONDARY"
                        + " and its own SetIdentifier, pointing at the other Region").regions(p.servedRegion()).key("pair");
            }
        }
        if (primaries.isEmpty()) {
            for (DnsRecord s : secondaries) {
                context.report(Routes.site(s, "Failover"), "Failover record " + s.describe() + " of " + group.describe()
                        + " has no PRIMARY record in any loaded stack, so Route 53 has no primary to fail over from;"
                        + " add a record with the same name and type and Failover: PRIMARY").regions(s.servedRegion()).key("pair");
            }
        }
        extra(context, group, primaries, "PRIMARY");
        extra(context, group, secondaries, "SECONDARY");
    }

    private static void extra(RuleContext context, RecordGroup group, List<DnsRecord> records, String role) {
        for (int i = 1; i < records.size(); i++) {
            DnsRecord r = records.get(i);
            DnsRecord first = records.get(0);
            context.report(Routes.site(r, "Failover"), "Record " + r.describe() + " is a second " + role + " of "
                            + group.describe() + " (the first is " + Routes.where(first) + "); Route 53 allows one "
                            + role + " per failover pair: give the two Regions one PRIMARY and one SECONDARY, or"
                            + " use latency or weighted records for more than two")
                    .related(first.resource(), Routes.relatedAt(first), "the first " + role + " record").key("pair");
        }
    }

    private static void setIdentifiers(RuleContext context, RecordGroup group, List<DnsRecord> failover) {
        Map<String, DnsRecord> seen = new HashMap<>();
        for (DnsRecord r : failover) {
            if (r.setIdentifier().isEmpty()) {
                continue;
            }
            DnsRecord first = seen.putIfAbsent(r.setIdentifier().get(), r);
            if (first != null) {
                context.report(Routes.site(r, "SetIdentifier"), "Records " + first.describe() + " and " + r.describe()
                                + " of " + group.describe() + " share SetIdentifier '" + r.setIdentifier().get()
                                + "'; Route 53 needs a distinct identifier per record of a group: rename one")
                        .related(first.resource(), Routes.relatedAt(first), "the record with the same SetIdentifier");
            }
        }
    }

    private static void primaryHealth(RuleContext context, RecordGroup group, DnsRecord primary,
                                      List<DnsRecord> secondaries) {
        String what = switch (primary.health()) {
            case NONE -> primary.isAlias()
                    ? "is an alias record without EvaluateTargetHealth: true and without a HealthCheckId"
                    : "has no HealthCheckId";
            case NEVER_FAILS -> "uses health check '" + primary.healthCheck().map(h -> h.resource().logicalId())
                    .orElse("?") + "', which can never turn unhealthy (a calculated check with HealthThreshold 0)";
            default -> "";
        };
        if (primary.health() == HealthEvaluation.UNKNOWN) {
            context.report(Routes.healthSite(primary), "PRIMARY record " + primary.describe()
                    + " of " + group.describe() + " takes its health check from a value that is not known, so"
                    + " whether it can fail over could not be checked").severity(Severity.NOTE);
            return;
        }
        if (what.isEmpty()) {
            return;
        }
        var finding = context.report(Routes.site(primary, "Failover"), "PRIMARY record " + primary.describe() + " of "
                + group.describe() + " " + what + ": Route 53 treats it as always healthy and never answers with the"
                + " SECONDARY, so traffic keeps going to a failed Region; " + (primary.health() == HealthEvaluation.NEVER_FAILS
                ? "give the health check a HealthThreshold of at least 1, or name a health check that probes the"
                + " primary endpoint" : "add a HealthCheckId naming a health check of the primary endpoint"
                + (primary.isAlias() ? ", or set AliasTarget.EvaluateTargetHealth: true" : "")))
                .regions(primary.servedRegion()).key("health");
        secondaries.stream().findFirst().ifPresent(s -> finding.related(s.resource(), Routes.relatedAt(s),
                "the SECONDARY record that is never used"));
    }
}
