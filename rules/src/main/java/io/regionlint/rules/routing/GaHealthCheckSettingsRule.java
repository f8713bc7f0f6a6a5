package io.regionlint.rules.routing;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.model.GaEndpointGroup;
import io.regionlint.model.GaEndpointGroup.EndpointKind;
import io.regionlint.model.GaListener;
import io.regionlint.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * RL6007: Global Accelerator health check settings on endpoint groups whose endpoints are all
 * load balancers (where they do not apply), and ThresholdCount or HealthCheckIntervalSeconds that
 * differ between the Regions of one listener. On deployed state only the second is judged: AWS
 * Config records the settings the service reports, defaults included, so a recorded value does
 * not say that someone set it.
 */
@RuleInfo(id = "RL6007", summary = "Global Accelerator health check settings that do not apply, or differ across"
        + " Regions", severity = Severity.NOTE, category = "routing", since = "0.1.0")
public final class GaHealthCheckSettingsRule implements Rule {

    private static final List<String> SETTINGS = List.of("HealthCheckProtocol", "HealthCheckPort", "HealthCheckPath",
            "HealthCheckIntervalSeconds", "ThresholdCount");

    /** A per-group number compared across Regions, with Global Accelerator's default. */
    private record Setting(String property, long defaultValue) {
    }

    private static final List<Setting> COMPARED = List.of(new Setting("ThresholdCount", 3),
            new Setting("HealthCheckIntervalSeconds", 30));

    @Override
    public void check(RuleContext context) {
        for (GaListener listener : context.topology().gaListeners()) {
            for (GaEndpointGroup group : listener.groups()) {
                // an observed group reports every setting, defaults included: only a template says what was set
                if (loadBalancersOnly(group) && group.resource().observed().isEmpty()) {
                    SETTINGS.stream().filter(p -> group.get(p).isPresent()).findFirst().ifPresent(p -> context.report(
                            Routes.site(group.resource(), p), "Endpoint group '" + group.resource().logicalId() + "' in "
                            + group.region().orElse("an unknown Region") + " sets " + p + ", but all its endpoints are"
                            + " load balancers: Global Accelerator's health check settings apply to EC2 instance and"
                            + " Elastic IP endpoints only, and a load balancer's health comes from its own target group"
                            + " health checks; tune those, and remove the setting here"));
                }
            }
            List<GaEndpointGroup> probed = listener.groups().stream().filter(g -> !loadBalancersOnly(g)).toList();
            for (Setting setting : COMPARED) {
                asymmetric(context, listener, probed, setting);
            }
        }
    }

    private static boolean loadBalancersOnly(GaEndpointGroup group) {
        return group.endpointsKnown() && !group.endpoints().isEmpty()
                && group.endpoints().stream().allMatch(e -> e.kind() == EndpointKind.LOAD_BALANCER);
    }

    private static Optional<Long> value(GaEndpointGroup group, Setting setting) {
        Optional<Value> v = group.get(setting.property());
        return v.isEmpty() ? Optional.of(setting.defaultValue()) : v.get().text().flatMap(GaHealthCheckSettingsRule::number);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void asymmetric(RuleContext context, GaListener listener, List<GaEndpointGroup> groups,
                                   Setting setting) {
        if (groups.size() < 2 || groups.stream().anyMatch(g -> value(g, setting).isEmpty())) {
            return;
        }
        GaEndpointGroup reference = groups.get(0);
        long expected = value(reference, setting).get();
        for (GaEndpointGroup group : groups.subList(1, groups.size())) {
            long actual = value(group, setting).get();
            if (actual == expected) {
                continue;
            }
            context.report(Routes.site(group.resource(), setting.property()), "Endpoint group '"
                            + group.resource().logicalId() + "' of " + listener.describe() + " in "
                            + group.region().orElse("an unknown Region") + " has " + setting.property() + " " + actual
                            + " while '" + reference.resource().logicalId() + "' in "
                            + reference.region().orElse("an unknown Region") + " has " + expected + ": Global"
                            + " Accelerator then detects a failed endpoint faster in one Region than in the other; use"
                            + " the same value in every Region")
                    .severity(Severity.WARNING).key(setting.property())
                    .related(reference.resource(), reference.get(setting.property()), "the endpoint group compared with")
                    .regions(reference.region());
        }
    }
}
