package io.regionlint.rules.dynamodb;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Topology;
import io.regionlint.rules.Prose;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL3006: CloudFormation requires a global table to have a replica in the Region of the stack
 * that declares it; and in an active-active system every active Region needs a replica.
 */
@RuleInfo(id = "RL3006", summary = "A global table has no replica in its own stack's Region or in an active Region",
        severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbGlobalTableMissingRegionRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (GlobalTable table : topology.globalTables()) {
            Optional<String> stackRegion = table.stackRegion();
            if (!table.complete() || stackRegion.isEmpty()) {
                continue; // an unknown replica Region could be the missing one
            }
            List<String> replicas = table.replicaRegions();
            Site site = table.table().properties().get("Replicas").map(v -> Site.of(table.table(), v))
                    .orElseGet(() -> Site.of(table.table()));
            String region = stackRegion.get();
            if (!replicas.contains(region)) {
                context.report(site, "Global table '" + table.table().displayName() + "' is declared by a stack in "
                        + region + " but has no replica there; CloudFormation requires Replicas to hold the stack's"
                        + " own Region: add a replica with Region: " + region + " (or !Ref AWS::Region)")
                        .key("stack-region");
            }
            if (topology.regionRole(region).isEmpty()) {
                continue; // a stack outside the declared topology says nothing about its active Regions
            }
            List<String> missing = topology.regionRoles().entrySet().stream()
                    .filter(e -> e.getValue() == RegionRole.ACTIVE).map(Map.Entry::getKey)
                    .filter(r -> !r.equals(region) && !replicas.contains(r)).sorted().toList();
            if (missing.isEmpty()) {
                continue;
            }
            FindingBuilder finding = context.report(site, "Global table " + table.table().describe()
                    + " has no replica in the active " + (missing.size() == 1 ? "Region " : "Regions ")
                    + Prose.list(missing) + "; applications there have no local copy and depend on another"
                    + " Region for every read and write: add " + (missing.size() == 1 ? "a replica with Region: "
                    + missing.get(0) : "replicas for " + Prose.list(missing)))
                    .key("active-regions");
            missing.forEach(r -> finding.regions(Optional.of(r)));
        }
    }
}
