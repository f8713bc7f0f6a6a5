package io.regionlint.rules.routing;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.Severity;
import io.regionlint.model.ListValue;
import io.regionlint.model.Route53HealthCheck;
import io.regionlint.model.Value;
import io.regionlint.rules.facts.AwsFacts;
import java.util.List;
import java.util.Optional;

/**
 * RL6004: Route 53 health check settings that detect a failed Region too slowly, flap, or fail
 * open in silence: detection time above the threshold, FailureThreshold 1, fewer than three
 * checker Regions, a CloudWatch alarm check that is healthy without data, a calculated check that
 * can never (or always) be unhealthy, interval settings on a recovery-control check.
 */
@RuleInfo(id = "RL6004", summary = "Route 53 health check settings that detect failure slowly, flap, or silently"
        + " fail open", severity = Severity.WARNING, category = "routing", since = "0.1.0")
public final class R53HealthCheckTuningRule implements Rule {

    /** Option: the longest detection time (FailureThreshold x RequestInterval) in seconds. */
    static final String MAX_DETECTION = "maxDetectionSeconds";
    private static final long DEFAULT_MAX_DETECTION = 90;
    private static final int MIN_CHECKER_REGIONS = AwsFacts.number("route53.healthCheck.minCheckerRegions");

    @Override
    public List<RuleOption> options() {
        return List.of(RuleOption.wholeNumber(MAX_DETECTION, DEFAULT_MAX_DETECTION, 10, 3600, "The longest time,"
                + " in seconds, a health check may take to declare an endpoint unhealthy (FailureThreshold x"
                + " RequestInterval)."));
    }

    @Override
    public void check(RuleContext context) {
        long max = context.wholeNumber(MAX_DETECTION);
        for (Route53HealthCheck check : context.topology().route53HealthChecks()) {
            if (check.type().isEmpty()) {
                continue;
            }
            String type = check.type().get();
            String name = "Health check '" + check.resource().displayName() + "' (" + type + ")";
            if (check.probesEndpoint()) {
                endpoint(context, check, name, max);
            }
            regions(context, check, name);
            if (type.equals("CLOUDWATCH_METRIC")) {
                insufficientData(context, check, name);
            }
            if (type.equals("CALCULATED")) {
                calculated(context, check, name);
            }
            if (type.equals("RECOVERY_CONTROL")) {
                for (String key : new String[] {"RequestInterval", "FailureThreshold"}) {
                    check.config(key).ifPresent(v -> context.report(at(check, key), name + " sets " + key
                            + ", which Route 53 does not accept for recovery-control health checks (their state is"
                            + " the routing control's state); remove it").key(key));
                }
            }
        }
    }

    private static void endpoint(RuleContext context, Route53HealthCheck check, String name, long max) {
        Optional<Long> threshold = check.failureThreshold();
        Optional<Long> interval = check.requestInterval();
        if (threshold.isPresent() && interval.isPresent() && threshold.get() * interval.get() > max) {
            context.report(at(check, "FailureThreshold"), name + " needs FailureThreshold " + threshold.get()
                    + " x RequestInterval " + interval.get() + " s = " + threshold.get() * interval.get()
                    + " s of failed checks before Route 53 sees it unhealthy, longer than " + max + " s; lower"
                    + " FailureThreshold or use RequestInterval 10 (fast checks), or raise the rule option "
                    + MAX_DETECTION + " if the recovery time objective allows it").key("detection");
        }
        if (threshold.isPresent() && threshold.get() == 1) {
            context.report(at(check, "FailureThreshold"), name + " has FailureThreshold 1: a single failed request"
                    + " from the health checkers marks the endpoint unhealthy and one success marks it healthy again,"
                    + " so a brief blip shifts traffic between Regions and back; use 2 or 3").key("flapping");
        }
    }

    private static void regions(RuleContext context, Route53HealthCheck check, String name) {
        Optional<Value> regions = check.config("Regions");
        if (regions.isPresent() && regions.get() instanceof ListValue list && list.items().size() < MIN_CHECKER_REGIONS) {
            context.report(at(check, "Regions"), name + " lists " + list.items().size() + " health checker Region(s);"
                    + " Route 53 needs at least " + MIN_CHECKER_REGIONS + " (fewer is rejected), and checkers in few places see a local"
                    + " network problem as an endpoint failure; list three or more Regions, or leave Regions out to use"
                    + " all of them").key("regions");
        }
    }

    private static void insufficientData(RuleContext context, Route53HealthCheck check, String name) {
        Optional<String> status = check.config("InsufficientDataHealthStatus").flatMap(Value::text);
        if (status.isPresent() && status.get().equalsIgnoreCase("Healthy")) {
            context.report(at(check, "InsufficientDataHealthStatus"), name + " sets InsufficientDataHealthStatus:"
                    + " Healthy: when the alarm's metric stops arriving (as it does when the Region or the"
                    + " application is down and stops publishing), Route 53 reports the endpoint healthy and keeps"
                    + " routing to it; use Unhealthy, or LastKnownStatus").key("insufficient-data");
        }
    }

    private static void calculated(RuleContext context, Route53HealthCheck check, String name) {
        Optional<Long> threshold = check.healthThreshold();
        if (threshold.isEmpty()) {
            return;
        }
        if (threshold.get() == 0) {
            context.report(at(check, "HealthThreshold"), name + " has HealthThreshold 0, so Route 53 always considers"
                    + " it healthy: every record that uses it can never fail over, as if it had no health check; set"
                    + " HealthThreshold to the number of children that must be healthy (at least 1)").key("threshold");
        } else if (check.childCount().isPresent() && threshold.get() > check.childCount().get()) {
            context.report(at(check, "HealthThreshold"), name + " has HealthThreshold " + threshold.get() + " but only "
                    + check.childCount().get() + " child health check(s), so Route 53 always considers it unhealthy:"
                    + " its records are never served unless every record is unhealthy; set HealthThreshold to at most "
                    + check.childCount().get()).key("threshold");
        }
    }

    private static io.regionlint.engine.Site at(Route53HealthCheck check, String key) {
        return Routes.site(check.resource(), "HealthCheckConfig", key);
    }
}
