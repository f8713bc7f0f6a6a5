package io.regionlint.rules.dynamodb;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
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

    /**
     * The missing Regions where another global table of the same logical id or name has a
     * replica: the same template (or CDK construct) deployed once per Region, each stack with a
     * table of its own, rather than a Region left without data.
     */
    private static Map<String, Resource> ownTables(Topology topology, GlobalTable table, List<String> missing) {
        Map<String, Resource> out = new java.util.TreeMap<>();
        Resource mine = table.table();
        for (String region : missing) {
            Optional<Resource> own = topology.globalTables().stream()
                    .filter(t -> !t.table().key().equals(mine.key()) && sameTable(t.table(), mine))
                    .filter(t -> t.replicaRegions().contains(region)).map(GlobalTable::table).findFirst();
            // a single-Region AWS::DynamoDB::Table of the same id in that Region's stack counts too
            own = own.or(() -> topology.resources("AWS::DynamoDB::Table").stream()
                    .filter(t -> sameTable(t, mine) && t.region().equals(Optional.of(region))).findFirst());
            own.ifPresent(t -> out.put(region, t));
        }
        return out;
    }

    private static boolean sameTable(Resource a, Resource b) {
        return a.logicalId().equals(b.logicalId()) || a.displayName().equals(b.displayName());
    }

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
            Map<String, Resource> ownTables = ownTables(topology, table, missing);
            List<String> without = missing.stream().filter(r -> !ownTables.containsKey(r)).toList();
            if (!without.isEmpty()) {
                FindingBuilder finding = context.report(site, "Global table " + table.table().describe()
                        + " has no replica in the active " + (without.size() == 1 ? "Region " : "Regions ")
                        + Prose.list(without) + "; applications there have no local copy and depend on another"
                        + " Region for every read and write: add " + (without.size() == 1 ? "a replica with Region: "
                        + without.get(0) : "replicas for " + Prose.list(without)))
                        .key("active-regions");
                without.forEach(r -> finding.regions(Optional.of(r)));
            }
            if (!ownTables.isEmpty()) {
                List<String> regions = List.copyOf(ownTables.keySet());
                String tables = ownTables.values().stream().map(t -> "'" + t.displayName() + "' of stack "
                        + t.stack().name()).distinct().collect(java.util.stream.Collectors.joining(", "));
                // each Region having its own table is a design (one table per Region, as CDK apps
                // that instantiate a table per Region stack do), not a missing copy: a warning
                FindingBuilder finding = context.report(site, "Global table " + table.table().describe()
                        + " has no replica in the active " + (regions.size() == 1 ? "Region " : "Regions ")
                        + Prose.list(regions) + ", which " + (regions.size() == 1 ? "has" : "have")
                        + " a table of " + (regions.size() == 1 ? "its" : "their") + " own (" + tables + "): the "
                        + "tables hold separate data and nothing replicates between them, so a Region's items are"
                        + " lost to the others when it fails; if the Regions should share the data, replicate one"
                        + " table to every active Region and remove the others, else suppress this finding")
                        .key("active-regions-own-table").severity(Severity.WARNING);
                regions.forEach(r -> finding.regions(Optional.of(r)));
            }
        }
    }
}
