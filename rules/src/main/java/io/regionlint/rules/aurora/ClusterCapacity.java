package io.regionlint.rules.aurora;

import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest instance a cluster could promote to writer, in a form two clusters can be compared
 * by: a provisioned DB instance class (compared by size within one class type, such as
 * {@code db.r6g}), or the Aurora Serverless v2 maximum capacity in ACUs when every instance is
 * {@code db.serverless}. Clusters that mix class types or serverless and provisioned instances,
 * or whose instances or sizes are not known, have no comparable capacity.
 *
 * @param type the class type ({@code db.r6g}) or {@code db.serverless}
 * @param size the provisioned size rank, or the maximum ACUs
 * @param label how messages name the capacity ("db.r6g.4xlarge", "64 ACUs")
 * @param at the value that sets it (the instance's {@code DBInstanceClass} or the cluster's {@code MaxCapacity})
 * @param owner the resource that value belongs to
 */
record ClusterCapacity(String type, BigDecimal size, String label, Value at, Resource owner) {

    static final String SERVERLESS = "db.serverless";
    private static final Pattern CLASS = Pattern.compile("(db\\.[a-z][a-z0-9-]*)\\.([0-9]{0,3})(nano|micro|small|medium|large|xlarge)");

    /** The capacity, when every instance of the cluster is known and of one kind. */
    static Optional<ClusterCapacity> of(Topology topology, Resource cluster) {
        List<Resource> instances = topology.instancesOf(cluster);
        if (instances.isEmpty() || !topology.instancesKnown(cluster)) {
            return Optional.empty();
        }
        ClusterCapacity largest = null;
        for (Resource instance : instances) {
            Optional<Value> classValue = instance.properties().get("DBInstanceClass");
            Optional<ClusterCapacity> capacity = classValue.flatMap(v -> of(cluster, instance, v));
            if (capacity.isEmpty()) {
                return Optional.empty();
            }
            if (largest != null && !largest.type.equals(capacity.get().type)) {
                return Optional.empty();
            }
            if (largest == null || capacity.get().size.compareTo(largest.size) > 0) {
                largest = capacity.get();
            }
        }
        return Optional.ofNullable(largest);
    }

    private static Optional<ClusterCapacity> of(Resource cluster, Resource instance, Value classValue) {
        Optional<String> text = classValue.text().map(t -> t.trim().toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equals(SERVERLESS)) {
            Optional<Value> max = cluster.properties().at("ServerlessV2ScalingConfiguration", "MaxCapacity");
            return max.flatMap(m -> GlobalDatabases.number(m).map(acus -> new ClusterCapacity(SERVERLESS, acus,
                    acus.stripTrailingZeros().toPlainString() + " ACUs", m, cluster)));
        }
        Matcher m = CLASS.matcher(text.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterCapacity(m.group(1), rank(m.group(2), m.group(3)), text.get(), classValue,
                instance));
    }

    /** large = 16, xlarge = 32, 2xlarge = 64, ...; smaller sizes halve from large. */
    private static BigDecimal rank(String multiple, String size) {
        int base = switch (size) {
            case "nano" -> 1;
            case "micro" -> 2;
            case "small" -> 4;
            case "medium" -> 8;
            case "large" -> 16;
            default -> 32;
        };
        int factor = multiple.isEmpty() ? 1 : Integer.parseInt(multiple);
        return BigDecimal.valueOf((long) base * factor);
    }

    boolean comparableWith(ClusterCapacity other) {
        return type.equals(other.type);
    }

    boolean smallerThan(ClusterCapacity other) {
        return size.compareTo(other.size) < 0;
    }

    boolean serverless() {
        return type.equals(SERVERLESS);
    }
}
