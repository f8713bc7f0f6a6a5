package io.regionlint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::CloudWatch::Alarm} and the metrics it watches: the single metric of
 * {@code Namespace}/{@code MetricName}/{@code Dimensions}, or each {@code MetricStat} of a
 * metric-math alarm's {@code Metrics}, or a Metrics Insights query ({@code SELECT … FROM
 * SCHEMA("AWS/RDS", …)}) that names a namespace and metric (its dimensions are then not known:
 * such a query may cover every resource of the Region). Alarms are Regional: an alarm watches
 * the metrics published in its own stack's Region.
 *
 * @param alarm the alarm resource
 * @param watches what it watches, in template order
 */
public record MetricAlarm(Resource alarm, List<Watch> watches) {

    public MetricAlarm {
        watches = List.copyOf(watches);
    }

    /**
     * One metric an alarm watches.
     *
     * @param alarm the alarm resource
     * @param namespace the namespace; empty when not known
     * @param metricName the metric name; empty when not known
     * @param dimensions its dimensions by name (values as resolved, possibly unknown); empty map
     *     for a metric without dimensions
     * @param dimensionsKnown false for a Metrics Insights query or a dimension list that could not
     *     be resolved: any dimension value may then be watched
     * @param at the value findings about this watch point at (the metric name)
     */
    public record Watch(Resource alarm, Optional<String> namespace, Optional<String> metricName, Map<String, Value> dimensions,
                        boolean dimensionsKnown, Value at) {

        public Watch {
            dimensions = Map.copyOf(dimensions);
        }

        /** True when this is the metric of that namespace and name (both known and equal). */
        public boolean is(String ns, String metric) {
            return namespace.filter(ns::equals).isPresent() && metricName.filter(metric::equals).isPresent();
        }

        /**
         * Whether the dimension {@code name} is {@code expected}: true or false where the alarm
         * tells, empty where it cannot (an unknown value, a query). A dimension the alarm does not
         * set is false: CloudWatch matches a metric by all its dimensions.
         */
        public Optional<Boolean> dimensionIs(String name, String expected) {
            if (!dimensionsKnown) {
                return Optional.empty();
            }
            Value v = dimensions.get(name);
            if (v == null) {
                return Optional.of(false);
            }
            if (v.isUnknown() || v.text().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(v.text().get().equals(expected));
        }

        /** The dimension's text where it is known. */
        public Optional<String> dimension(String name) {
            Value v = dimensions.get(name);
            return v == null ? Optional.empty() : v.text();
        }
    }

    /** The alarm's Region (its stack's). */
    public Optional<String> region() {
        return alarm.region();
    }

    /** The watches of one metric. */
    public List<Watch> watching(String namespace, String metricName) {
        return watches.stream().filter(w -> w.is(namespace, metricName)).toList();
    }

    /** Reads what an alarm resource watches. */
    public static MetricAlarm of(Resource alarm) {
        List<Watch> watches = new ArrayList<>();
        MapValue p = alarm.properties();
        Optional<Value> name = p.get("MetricName");
        if (name.isPresent()) {
            watches.add(watch(alarm, p.get("Namespace"), name.get(), p.get("Dimensions")));
        }
        if (p.get("Metrics").orElse(null) instanceof ListValue metrics) {
            for (Value entry : metrics.items()) {
                if (!(entry instanceof MapValue m)) {
                    continue;
                }
                Optional<Value> metric = m.at("MetricStat", "Metric");
                if (metric.orElse(null) instanceof MapValue stat && stat.get("MetricName").isPresent()) {
                    watches.add(watch(alarm, stat.get("Namespace"), stat.get("MetricName").get(), stat.get("Dimensions")));
                }
                m.get("Expression").flatMap(Value::text).ifPresent(e -> query(alarm, e, m.get("Expression").get())
                        .forEach(watches::add));
            }
        }
        return new MetricAlarm(alarm, watches);
    }

    private static Watch watch(Resource alarm, Optional<Value> namespace, Value metricName, Optional<Value> dimensions) {
        Map<String, Value> dims = new LinkedHashMap<>();
        boolean known = true;
        if (dimensions.isPresent()) {
            if (dimensions.get() instanceof ListValue list) {
                for (Value d : list.items()) {
                    if (d instanceof MapValue dm && dm.get("Name").flatMap(Value::text).isPresent()) {
                        dims.put(dm.get("Name").flatMap(Value::text).get(),
                                dm.get("Value").orElse(new UnknownValue("no Value", dm)));
                    } else {
                        known = false;
                    }
                }
            } else {
                known = false;
            }
        }
        return new Watch(alarm, namespace.flatMap(Value::text), metricName.text(), dims, known, metricName);
    }

    /**
     * The metrics a Metrics Insights query names: {@code SELECT AVG(AuroraGlobalDBRPOLag) FROM
     * SCHEMA("AWS/RDS", DBClusterIdentifier)}. Plain metric math ({@code m1 + m2}) names none.
     */
    private static List<Watch> query(Resource alarm, String expression, Value at) {
        String upper = expression.toUpperCase(Locale.ROOT);
        if (!upper.contains("SELECT") || !upper.contains("FROM")) {
            return List.of();
        }
        java.util.regex.Matcher fn = java.util.regex.Pattern.compile("SELECT\\s+\\w+\\s*\\(\\s*(\\w+)\\s*\\)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(expression);
        java.util.regex.Matcher ns = java.util.regex.Pattern.compile("\"?(AWS/[A-Za-z0-9]+)\"?").matcher(expression);
        if (!fn.find()) {
            return List.of();
        }
        Optional<String> namespace = ns.find() ? Optional.of(ns.group(1)) : Optional.empty();
        return List.of(new Watch(alarm, namespace, Optional.of(fn.group(1)), Map.of(), false, at));
    }
}
