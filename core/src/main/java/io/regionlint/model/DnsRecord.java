package io.regionlint.model;

import java.util.Optional;

/**
 * One Route 53 record as a template declares it: an {@code AWS::Route53::RecordSet}, or one entry
 * of an {@code AWS::Route53::RecordSetGroup}'s {@code RecordSets}. Properties keep their
 * CloudFormation names; what the linker worked out (the routing policy, the health check, the
 * Region the record sends traffic to) sits beside them.
 *
 * @param resource the RecordSet or RecordSetGroup that declares the record
 * @param spec the record's own properties (for a RecordSet, its Properties)
 * @param index the position in the group's {@code RecordSets}; -1 for a RecordSet
 * @param name the record name in lower case with a trailing dot; empty when unknown
 * @param type the record type in upper case; empty when unknown
 * @param policy the routing policy, from the properties present
 * @param healthCheck the {@code AWS::Route53::HealthCheck} that {@code HealthCheckId} names, when
 *     it is loaded
 * @param health whether Route 53 evaluates the record's health (see {@link HealthEvaluation})
 * @param target the loaded resource the record sends traffic to (alias target or value)
 * @param targetRegion the Region the record sends traffic to, where the target or its DNS name
 *     tells
 */
public record DnsRecord(Resource resource, MapValue spec, int index, Optional<String> name, Optional<String> type,
                        RoutingPolicy policy, Optional<Route53HealthCheck> healthCheck, HealthEvaluation health,
                        Optional<Resource> target, Optional<String> targetRegion) {

    /** The routing policies of Route 53, told apart by the properties that select them. */
    public enum RoutingPolicy {
        SIMPLE, FAILOVER, LATENCY, WEIGHTED, GEOLOCATION, GEOPROXIMITY, MULTIVALUE, CIDR;

        /** "latency", "weighted": how messages name the policy. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Whether Route 53 can ever see the record as unhealthy. {@code NONE}: no health check and no
     * evaluated alias target, so Route 53 always treats the record as healthy. {@code
     * NEVER_FAILS}: a loaded health check that can never turn unhealthy (a calculated check with
     * {@code HealthThreshold: 0}), which is no better. {@code CHECKED}: a health check or an
     * evaluated alias target. {@code UNKNOWN}: the template cannot tell (a health check id or
     * {@code EvaluateTargetHealth} passed as an unknown value).
     */
    public enum HealthEvaluation {
        NONE, NEVER_FAILS, CHECKED, UNKNOWN
    }

    /** The value of a property of the record, empty where absent. */
    public Optional<Value> get(String property) {
        return spec.get(property);
    }

    /** The known text of a property of the record. */
    public Optional<String> text(String property) {
        return spec.textAt(property);
    }

    public boolean isAlias() {
        return spec.has("AliasTarget");
    }

    /** {@code PRIMARY}/{@code SECONDARY} (upper case) for a failover record whose role is known. */
    public Optional<String> failoverRole() {
        return text("Failover").map(t -> t.toUpperCase(java.util.Locale.ROOT));
    }

    public Optional<String> setIdentifier() {
        return text("SetIdentifier");
    }

    /** The latency Region ({@code Region}). */
    public Optional<String> latencyRegion() {
        return text("Region");
    }

    /** The TTL in seconds, where it is given and a number. */
    public Optional<Long> ttl() {
        return text("TTL").flatMap(DnsRecord::number);
    }

    /** The weight of a weighted record, where given and a number. */
    public Optional<Long> weight() {
        return text("Weight").flatMap(DnsRecord::number);
    }

    /** The Region the record serves: the latency Region, else the Region of its target. */
    public Optional<String> servedRegion() {
        return latencyRegion().filter(Regions::isRegionCode).or(() -> targetRegion);
    }

    /** "'app.example.com.' A (PRIMARY, set 'east')": how messages name a record. */
    public String describe() {
        StringBuilder out = new StringBuilder("'").append(name.orElse("?")).append("' ").append(type.orElse("?"));
        StringBuilder detail = new StringBuilder();
        if (policy == RoutingPolicy.FAILOVER) {
            detail.append(failoverRole().orElse("failover role unknown"));
        } else if (policy != RoutingPolicy.SIMPLE) {
            detail.append(policy.label());
            if (policy == RoutingPolicy.LATENCY) {
                latencyRegion().ifPresent(r -> detail.append(" ").append(r));
            }
        }
        setIdentifier().ifPresent(s -> detail.append(detail.length() > 0 ? ", " : "").append("set '").append(s)
                .append("'"));
        if (detail.length() > 0) {
            out.append(" (").append(detail).append(")");
        }
        return out.toString();
    }

    static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(text.trim());
                // a whole number within range only: 1e30 is no TTL anyone meant
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Optional.of((long) d) : Optional.empty();
            } catch (NumberFormatException e2) {
                return Optional.empty();
            }
        }
    }
}
