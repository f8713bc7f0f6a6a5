package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * An {@code AWS::Route53::HealthCheck} with its {@code HealthCheckConfig} read: its type, the
 * loaded child checks of a calculated check, and the routing control of a recovery-control
 * check. Numbers default as Route 53 defaults them.
 *
 * @param children the loaded child health checks of a CALCULATED check, in template order
 * @param childCount the number of entries in {@code ChildHealthChecks} (loaded or not); empty
 *     when the list cannot be resolved
 * @param routingControl the loaded ARC routing control of a RECOVERY_CONTROL check
 */
public record Route53HealthCheck(Resource resource, Optional<String> type, List<Route53HealthCheck> children,
                                 Optional<Integer> childCount, Optional<Resource> routingControl) {

    /** Route 53's default {@code FailureThreshold}: "the default value is three health checks". */
    public static final long DEFAULT_FAILURE_THRESHOLD = 3;
    /** Route 53's default {@code RequestInterval}: "the default value is 30 seconds". */
    public static final long DEFAULT_REQUEST_INTERVAL = 30;

    public Route53HealthCheck {
        children = List.copyOf(children);
    }

    /** The config value at a key, empty where absent. */
    public Optional<Value> config(String key) {
        return resource.properties().at("HealthCheckConfig", key);
    }

    /** True for the types that probe an endpoint (HTTP, HTTPS, TCP and the string-match types). */
    public boolean probesEndpoint() {
        return type.map(t -> t.startsWith("HTTP") || t.equals("TCP")).orElse(false);
    }

    /** {@code FailureThreshold}, defaulted; empty when given but not a known number. */
    public Optional<Long> failureThreshold() {
        return number("FailureThreshold", DEFAULT_FAILURE_THRESHOLD);
    }

    /** {@code RequestInterval} in seconds, defaulted; empty when given but not a known number. */
    public Optional<Long> requestInterval() {
        return number("RequestInterval", DEFAULT_REQUEST_INTERVAL);
    }

    /** {@code HealthThreshold} of a calculated check; empty when absent or unknown. */
    public Optional<Long> healthThreshold() {
        return config("HealthThreshold").flatMap(Value::text).flatMap(DnsRecord::number);
    }

    private Optional<Long> number(String key, long defaultValue) {
        Optional<Value> v = config(key);
        return v.isEmpty() ? Optional.of(defaultValue) : v.get().text().flatMap(DnsRecord::number);
    }

    /**
     * Whether the check can never turn unhealthy: a CALCULATED check with {@code HealthThreshold:
     * 0} ("If you specify 0, Route 53 always considers this health check to be healthy"), or one
     * whose every child can never fail. Empty when the template cannot tell.
     */
    public Optional<Boolean> neverFails() {
        return neverFails(0);
    }

    private Optional<Boolean> neverFails(int depth) {
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!type.get().equals("CALCULATED")) {
            return Optional.of(false);
        }
        Optional<Long> threshold = healthThreshold();
        if (threshold.isPresent() && threshold.get() == 0) {
            return Optional.of(true);
        }
        if (threshold.isEmpty() && config("HealthThreshold").isPresent()) {
            return Optional.empty();
        }
        if (depth > 5 || childCount.isEmpty() || childCount.get() != children.size() || children.isEmpty()) {
            return childCount.isPresent() && childCount.get() == children.size() ? Optional.of(false)
                    : Optional.empty();
        }
        boolean unknown = false;
        for (Route53HealthCheck child : children) {
            Optional<Boolean> c = child.neverFails(depth + 1);
            if (c.isEmpty()) {
                unknown = true;
            } else if (!c.get()) {
                return Optional.of(false);
            }
        }
        return unknown ? Optional.empty() : Optional.of(true);
    }
}
