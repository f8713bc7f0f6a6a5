package io.regionlint.rules.dynamodb;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.MapValue;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL3008: read capacity is the one throughput setting a replica can override. A replica that
 * can serve fewer reads than its peers cannot take over their traffic after a failover (static
 * stability).
 */
@RuleInfo(id = "RL3008", summary = "A global table replica can serve fewer reads than its peers",
        severity = Severity.WARNING, category = "dynamodb", since = "0.1.0")
public final class DdbReplicaReadCapacityAsymmetricRule implements Rule {

    /** One replica's known read setting for one scope (the table or an index) and kind. */
    private record Reading(GlobalTable.Replica replica, Value at, BigDecimal value, String property) {
    }

    /** What is compared across replicas: one kind of read setting of the table ("") or of one index. */
    private record Scope(String index, String kind) {
    }

    private static final String PROVISIONED = "a provisioned read capacity of ";
    private static final String ON_DEMAND = "a maximum on-demand read throughput of ";

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            Map<Scope, List<Reading>> groups = new LinkedHashMap<>();
            for (GlobalTable.Replica replica : table.replicas()) {
                read(groups, "", replica, replica.spec());
                for (MapValue index : DynamoDbFacts.maps(replica.spec(), "GlobalSecondaryIndexes")) {
                    Optional<String> name = index.textAt("IndexName");
                    name.ifPresent(n -> read(groups, n, replica, index));
                }
            }
            for (Map.Entry<Scope, List<Reading>> group : groups.entrySet()) {
                report(context, table, group.getKey(), group.getValue());
            }
        }
    }

    /** Adds the replica's (or replica index's) known read settings to their groups. */
    private static void read(Map<Scope, List<Reading>> groups, String index, GlobalTable.Replica replica,
                             Value settings) {
        Optional<Value> units = settings.lookup("ReadProvisionedThroughputSettings", "ReadCapacityUnits");
        if (units.isPresent()) {
            add(groups, new Scope(index, PROVISIONED), replica, units.get(), "ReadCapacityUnits");
        } else {
            settings.lookup("ReadProvisionedThroughputSettings", "ReadCapacityAutoScalingSettings", "MinCapacity")
                    .ifPresent(v -> add(groups, new Scope(index, PROVISIONED), replica, v,
                            "ReadCapacityAutoScalingSettings.MinCapacity"));
        }
        settings.lookup("ReadOnDemandThroughputSettings", "MaxReadRequestUnits").ifPresent(v -> add(groups,
                new Scope(index, ON_DEMAND), replica, v, "MaxReadRequestUnits"));
    }

    private static void add(Map<Scope, List<Reading>> groups, Scope group, GlobalTable.Replica replica, Value at,
                            String property) {
        DynamoDbFacts.number(at).ifPresent(n -> groups.computeIfAbsent(group, k -> new ArrayList<>())
                .add(new Reading(replica, at, n, property)));
    }

    private static void report(RuleContext context, GlobalTable table, Scope scope, List<Reading> readings) {
        if (readings.size() < 2) {
            return;
        }
        Reading highest = readings.stream().max(Comparator.comparing(Reading::value)).orElseThrow();
        String high = highest.value().toPlainString();
        boolean wholeTable = scope.index().isEmpty();
        for (Reading low : readings) {
            if (low.value().compareTo(highest.value()) >= 0) {
                continue;
            }
            String subject = (wholeTable ? "" : "Index '" + scope.index() + "' of ")
                    + DynamoDbFacts.replicaName(low.replica()) + " of " + DynamoDbFacts.name(table);
            subject = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
            context.report(Site.of(table.table(), low.at()), subject + " has " + scope.kind()
                            + low.value().toPlainString() + " (" + low.property() + "), below the " + high + " of "
                            + (wholeTable ? "" : "that index on ") + DynamoDbFacts.replicaName(highest.replica())
                            + "; after a failover it must serve the reads of the Region it takes over: raise it to "
                            + high)
                    .regions(highest.replica().region()).key(scope.index() + " " + scope.kind());
        }
    }
}
