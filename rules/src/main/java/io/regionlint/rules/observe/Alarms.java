package io.regionlint.rules.observe;

import io.regionlint.model.MetricAlarm;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the observability rules share: whether an alarm's watch covers a metric's dimensions. */
final class Alarms {

    static final String ALARM = "AWS::CloudWatch::Alarm";

    private Alarms() {
    }

    /**
     * Whether a watch is of the metric with these dimension values: false as soon as one
     * dimension is known to differ (or is missing), empty where one cannot be told (an unknown
     * value, a Metrics Insights query), true where all match. Names compare exactly unless
     * {@code ignoreCase} (RDS identifiers are stored in lower case).
     */
    static Optional<Boolean> covers(MetricAlarm.Watch watch, Map<String, String> dimensions, boolean ignoreCase) {
        boolean unknown = false;
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            Optional<Boolean> is = watch.dimensionIs(d.getKey(), d.getValue());
            if (ignoreCase && is.equals(Optional.of(false))) {
                is = Optional.of(watch.dimension(d.getKey()).map(v -> v.equalsIgnoreCase(d.getValue())).orElse(false));
            }
            if (is.isEmpty()) {
                unknown = true;
            } else if (!is.get()) {
                return Optional.of(false);
            }
        }
        return unknown ? Optional.empty() : Optional.of(true);
    }

    /**
     * Watches grouped by the text of one dimension, so that a rule asks only the watches that may
     * cover one resource instead of every watch of the Region per resource: that join was
     * tables x alarms string comparisons (2 s of a 2,000-template run in RL7001). The candidates
     * for a value are the watches with exactly that text and those whose value cannot be told
     * (unknown, a query), in their original order; a watch without the dimension covers nothing.
     */
    static final class ByDimension {
        private final Map<String, List<Integer>> byValue = new HashMap<>();
        private final List<Integer> anyValue = new ArrayList<>();
        private final List<MetricAlarm.Watch> watches;

        ByDimension(List<MetricAlarm.Watch> watches, String dimension) {
            this.watches = watches;
            for (int i = 0; i < watches.size(); i++) {
                MetricAlarm.Watch w = watches.get(i);
                Value v = w.dimensions().get(dimension);
                if (!w.dimensionsKnown() || (v != null && (v.isUnknown() || v.text().isEmpty()))) {
                    anyValue.add(i);
                } else if (v != null) {
                    byValue.computeIfAbsent(v.text().get(), k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** The watches that may have {@code value} for the dimension, in the order they were given. */
        List<MetricAlarm.Watch> candidates(String value) {
            List<Integer> exact = byValue.getOrDefault(value, List.of());
            List<MetricAlarm.Watch> out = new ArrayList<>(exact.size() + anyValue.size());
            int a = 0;
            int b = 0;
            while (a < exact.size() || b < anyValue.size()) {
                boolean takeExact = b >= anyValue.size() || (a < exact.size() && exact.get(a) < anyValue.get(b));
                out.add(watches.get(takeExact ? exact.get(a++) : anyValue.get(b++)));
            }
            return out;
        }
    }

    /** A watch that may cover the dimensions: covers them, or cannot be told not to. */
    static boolean mayCover(MetricAlarm.Watch watch, Map<String, String> dimensions, boolean ignoreCase) {
        return covers(watch, dimensions, ignoreCase).orElse(true);
    }

    /**
     * The Regions of the stacks among the inputs. Alarms are Regional, so where no stack of a
     * Region is loaded, what it watches cannot be known and nothing is reported there.
     */
    static Set<String> loadedRegions(Topology topology) {
        Set<String> out = new HashSet<>();
        topology.stacks().forEach(s -> s.region().ifPresent(out::add));
        return out;
    }

    /**
     * Whether a missing alarm on {@code r} is known to be missing: always for a declared resource
     * (the templates hold the team's alarms); for one AWS Config observed, only where Config
     * recorded at least one CloudWatch alarm in its Region (a recorder that leaves alarms out
     * says nothing about them).
     */
    static boolean alarmsKnown(Topology topology, Resource r) {
        return r.observed().isEmpty() || topology.resources(ALARM).stream()
                .anyMatch(a -> a.observed().isPresent() && a.region().equals(r.region()));
    }

    /** The note where {@link #alarmsKnown} is false: what was not evaluated, and what would let it be. */
    static String notRecorded(Resource r, String what) {
        return "Not evaluated on deployed state: AWS Config holds no CloudWatch alarm in " + r.region().orElse("?")
                + ", so whether one watches " + what + " of " + r.describe() + " is not known; record"
                + " AWS::CloudWatch::Alarm in that Region's configuration recorder, or lint the template that"
                + " declares the alarms";
    }

    /** Resources of a type by their literal physical name (or token), for joins from a dimension value. */
    static Map<String, List<Resource>> byName(Topology topology, String type) {
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource r : topology.resources(type)) {
            out.computeIfAbsent(r.physicalName(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** How messages name a resource's name in a dimension: its literal name, else "!Ref X". */
    static String dimensionValue(Resource resource) {
        return Tokens.containsToken(resource.physicalName()) ? "!Ref " + resource.logicalId() : resource.physicalName();
    }

    /** "alarm 'LagAlarm' (us-east-1)". */
    static String alarm(MetricAlarm.Watch watch) {
        return "alarm " + watch.alarm().describe();
    }
}
