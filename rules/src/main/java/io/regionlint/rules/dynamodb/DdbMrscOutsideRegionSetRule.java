package io.regionlint.rules.dynamodb;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.Value;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * RL3001: multi-Region strong consistency runs only in some Regions. With the option
 * {@code legacyRegionSets}, all Regions of a table must also sit in one of the three Region
 * sets that applied before 2026-09-24 and that CDK {@code TableV2} still enforces.
 */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency (MultiRegionConsistency, witnesses), which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL3001", summary = "A global table with multi-Region strong consistency uses a Region that does not"
        + " support it", severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbMrscOutsideRegionSetRule implements Rule {

    static final String LEGACY_OPTION = "legacyRegionSets";

    @Override
    public List<RuleOption> options() {
        return List.of(RuleOption.flag(LEGACY_OPTION, false, "Also require every Region of an MRSC table to sit in"
                + " one of the three Region sets that applied before 2026-09-24 (as CDK TableV2 still enforces)."));
    }

    @Override
    public void check(RuleContext context) {
        Set<String> supported = DynamoDbFacts.mrscRegions();
        boolean legacy = context.flag(LEGACY_OPTION);
        for (GlobalTable table : context.topology().globalTables()) {
            if (!table.strong()) {
                continue;
            }
            Value consistency = table.table().properties().get("MultiRegionConsistency").orElseThrow();
            for (GlobalTable.Replica replica : table.replicas()) {
                unsupported(context, table, replica.region(), replica.spec().get("Region"), "has a replica in",
                        supported);
            }
            for (GlobalTable.Witness witness : table.witnesses()) {
                unsupported(context, table, witness.region(), witness.spec().get("Region"), "has its witness in",
                        supported);
            }
            Optional<String> stackRegion = table.stackRegion();
            if (stackRegion.isPresent() && !table.replicaRegions().contains(stackRegion.get())) {
                unsupported(context, table, stackRegion, Optional.of(consistency), "is declared by a stack in",
                        supported);
            }
            if (legacy) {
                legacySets(context, table, consistency, supported);
            }
        }
    }

    private static void unsupported(RuleContext context, GlobalTable table, Optional<String> region,
                                    Optional<Value> at, String what, Set<String> supported) {
        if (region.isEmpty() || at.isEmpty() || supported.contains(region.get())) {
            return;
        }
        context.report(Site.of(table.table(), at.get()), "MRSC " + DynamoDbFacts.name(table) + " " + what + " "
                        + region.get() + ", where DynamoDB does not support multi-Region strong consistency; use"
                        + " Regions among " + String.join(", ", new TreeSet<>(supported))
                        + ", or MultiRegionConsistency: EVENTUAL")
                .regions(region).key(what + " " + region.get());
    }

    /** All supported Regions of the table must fit one legacy set; unsupported ones were reported above. */
    private static void legacySets(RuleContext context, GlobalTable table, Value at, Set<String> supported) {
        Set<String> regions = new LinkedHashSet<>();
        table.stackRegion().ifPresent(regions::add);
        regions.addAll(table.replicaRegions());
        regions.addAll(table.witnessRegions());
        regions.retainAll(supported);
        List<List<String>> sets = DynamoDbFacts.legacyMrscSets();
        if (regions.isEmpty() || sets.stream().anyMatch(s -> s.containsAll(regions))) {
            return;
        }
        List<String> described = new ArrayList<>();
        for (String region : regions) {
            described.add(region + sets.stream().filter(s -> s.contains(region)).findFirst()
                    .map(s -> " (" + setName(s) + " set)").orElse(" (in no set)"));
        }
        String setsText = sets.stream().map(s -> setName(s) + ": " + String.join(", ", s))
                .collect(Collectors.joining("; "));
        context.report(Site.of(table.table(), at), "MRSC " + DynamoDbFacts.name(table) + " spans "
                        + Prose.list(described) + ", which are not all in one of the Region sets that CDK"
                        + " TableV2 and the CloudFormation and API references still require (" + setsText
                        + "); keep all its Regions in one set, or drop the " + LEGACY_OPTION
                        + " option if you deploy without CDK TableV2")
                .key("legacy");
    }

    /** "US", "EU", "AP": the sets are named after the prefix their Regions share. */
    private static String setName(List<String> set) {
        String first = set.get(0);
        int dash = first.indexOf('-');
        return (dash > 0 ? first.substring(0, dash) : first).toUpperCase(java.util.Locale.ROOT);
    }
}
