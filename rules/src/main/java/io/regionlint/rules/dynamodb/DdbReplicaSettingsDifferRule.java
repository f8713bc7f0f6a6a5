package io.regionlint.rules.dynamodb;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL3009: protection and operational settings that DynamoDB keeps per replica (point-in-time
 * recovery, deletion protection, Contributor Insights, table class) differ between the replicas
 * of one global table, so after a failover the table is not protected or run the same way.
 */
@RuleInfo(id = "RL3009", summary = "Replicas of a global table differ in settings DynamoDB keeps per replica",
        severity = Severity.WARNING, category = "dynamodb", since = "0.1.0")
public final class DdbReplicaSettingsDifferRule implements Rule {

    /** A per-replica on/off setting; absent means off. */
    private record Toggle(String label, String[] path) {
        String property() {
            return String.join(".", path);
        }
    }

    private static final List<Toggle> TOGGLES = List.of(
            new Toggle("point-in-time recovery", new String[] {"PointInTimeRecoverySpecification",
                    "PointInTimeRecoveryEnabled"}),
            new Toggle("deletion protection", new String[] {"DeletionProtectionEnabled"}),
            new Toggle("Contributor Insights", new String[] {"ContributorInsightsSpecification", "Enabled"}));

    /** One replica's known value of one setting. */
    private record Setting<T>(GlobalTable.Replica replica, T value, boolean explicit) {
    }

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            if (table.replicas().size() < 2) {
                continue;
            }
            for (Toggle toggle : TOGGLES) {
                toggle(context, table, toggle);
            }
            tableClass(context, table);
        }
    }

    private static void toggle(RuleContext context, GlobalTable table, Toggle toggle) {
        List<Setting<Boolean>> known = new ArrayList<>();
        for (GlobalTable.Replica replica : table.replicas()) {
            DynamoDbFacts.flag(replica.spec(), false, toggle.path()).ifPresent(on -> known.add(new Setting<>(replica,
                    on, replica.spec().lookup(toggle.path()).isPresent())));
        }
        Optional<Setting<Boolean>> on = preferStackRegion(table, known.stream().filter(Setting::value).toList());
        if (on.isEmpty()) {
            return;
        }
        for (Setting<Boolean> off : known) {
            if (off.value()) {
                continue;
            }
            context.report(site(table, off.replica(), toggle.path()), subject(table, off.replica()) + " has "
                            + toggle.label() + " off" + (off.explicit() ? "" : " (" + toggle.property()
                            + " is not set, which means off)") + " while "
                            + DynamoDbFacts.replicaName(on.get().replica())
                            + " has it on; DynamoDB does not synchronise it between replicas, so a failover lands on a"
                            + " copy without it: set " + toggle.property() + ": true on this replica")
                    .regions(on.get().replica().region()).key(toggle.property());
        }
    }

    private static void tableClass(RuleContext context, GlobalTable table) {
        Optional<Value> tableLevel = table.table().properties().lookup("TableClass");
        Optional<String> inherited = tableLevel.isEmpty() ? Optional.of("STANDARD") : tableLevel.get().text();
        List<Setting<String>> known = new ArrayList<>();
        for (GlobalTable.Replica replica : table.replicas()) {
            Optional<Value> own = replica.spec().lookup("TableClass");
            Optional<String> value = own.isPresent() ? own.get().text() : inherited;
            value.ifPresent(v -> known.add(new Setting<>(replica, v, own.isPresent())));
        }
        if (known.stream().map(Setting::value).distinct().count() < 2) {
            return;
        }
        Setting<String> reference = reference(table, known);
        for (Setting<String> other : known) {
            if (other.value().equals(reference.value())) {
                continue;
            }
            context.report(site(table, other.replica(), "TableClass"), subject(table, other.replica())
                            + " uses table class " + other.value() + (other.explicit() ? "" : " (inherited from the"
                            + " table)") + " while " + DynamoDbFacts.replicaName(reference.replica()) + " uses "
                            + reference.value() + "; the copies then differ in storage and request prices, and a"
                            + " failover moves the full load onto the other one: give the replicas the same"
                            + " TableClass, or suppress this finding if the difference is intended")
                    .regions(reference.replica().region()).key("TableClass");
        }
    }

    /** The value the others are compared with: the stack Region's replica's, else the most common one. */
    private static Setting<String> reference(GlobalTable table, List<Setting<String>> known) {
        Optional<Setting<String>> local = known.stream().filter(s -> s.replica().region().equals(table.stackRegion()))
                .findFirst();
        if (local.isPresent()) {
            return local.get();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        known.forEach(s -> counts.merge(s.value(), 1L, Long::sum));
        String common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return known.stream().filter(s -> s.value().equals(common)).findFirst().orElseThrow();
    }

    /** The stack Region's replica among the candidates, else the first. */
    private static <T> Optional<Setting<T>> preferStackRegion(GlobalTable table, List<Setting<T>> candidates) {
        return candidates.stream().filter(s -> s.replica().region().equals(table.stackRegion())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** The setting's own node where the replica has it, else the deepest map on the way, else the replica. */
    private static Site site(GlobalTable table, GlobalTable.Replica replica, String... path) {
        for (int n = path.length; n > 0; n--) {
            Optional<Value> at = replica.spec().lookup(java.util.Arrays.copyOf(path, n));
            if (at.isPresent()) {
                return Site.of(table.table(), at.get());
            }
        }
        return Site.of(table.table(), replica.spec());
    }

    private static String subject(GlobalTable table, GlobalTable.Replica replica) {
        String name = DynamoDbFacts.replicaName(replica) + " of " + DynamoDbFacts.name(table);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
