package io.regionlint.rules.dynamodb;

import io.regionlint.model.GlobalTable;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.Value;
import io.regionlint.rules.facts.AwsFacts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Questions about DynamoDB tables that several DynamoDB rules ask. Answers are three-valued where
 * a template may not tell: an empty {@code Optional} means "cannot be known" (an unknown value
 * on the way), never "absent" and never "a match".
 */
final class DynamoDbFacts {

    static final String TABLE = "AWS::DynamoDB::Table";

    private DynamoDbFacts() {
    }

    /** The Regions that support multi-Region strong consistency (aws-facts.properties). */
    static Set<String> mrscRegions() {
        return Set.copyOf(AwsFacts.list("dynamodb.mrsc.regions"));
    }

    /** The Region sets MRSC was confined to before 2026-09-24 (aws-facts.properties). */
    static List<List<String>> legacyMrscSets() {
        return Arrays.stream(AwsFacts.text("dynamodb.mrsc.legacySets").split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> List.of(s.split("\\s+"))).toList();
    }

    /**
     * A boolean setting: its value where known, {@code absent} where the key (or a map on the
     * way to it) is absent, empty where it cannot be known.
     */
    static Optional<Boolean> flag(Value root, boolean absent, String... path) {
        Optional<Value> value = root.lookup(path);
        if (value.isEmpty()) {
            return Optional.of(absent);
        }
        return value.get().text().map(t -> t.trim().toLowerCase(Locale.ROOT)).flatMap(t -> switch (t) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /** The number at a path, where it is present, known and numeric. */
    static Optional<BigDecimal> number(Value root, String... path) {
        return root.lookup(path).flatMap(Value::text).flatMap(text -> {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The items of a list at a path: an empty list where the key is absent, empty where the list
     * cannot be known (an unknown value, or not a list).
     */
    static Optional<List<Value>> items(Value root, String... path) {
        Optional<Value> value = root.lookup(path);
        if (value.isEmpty()) {
            return Optional.of(List.of());
        }
        return value.get() instanceof ListValue list ? Optional.of(list.items()) : Optional.empty();
    }

    /** The map items of a list at a path (absent or unknown: none), skipping items that are not maps. */
    static List<MapValue> maps(Value root, String... path) {
        return items(root, path).orElse(List.of()).stream().filter(MapValue.class::isInstance)
                .map(MapValue.class::cast).toList();
    }

    /** How messages name a global table: "global table 'orders' (us-east-1)". */
    static String name(GlobalTable table) {
        return "global table " + table.table().describe();
    }

    /** How messages name a replica: its Region, or "a replica in an unknown Region". */
    static String replicaName(GlobalTable.Replica replica) {
        return replica.region().map(r -> "the " + r + " replica").orElse("a replica in an unknown Region");
    }

    /** "1 replica Region", "3 replica Regions". */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
