package io.regionlint.rules.routing;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GaEndpointGroup;
import io.regionlint.model.GaListener;
import io.regionlint.model.RegionRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * RL6006: a Global Accelerator listener that cannot send traffic to every active Region: no
 * endpoint group there, two groups for one Region, a traffic dial at 0 in an active Region, or a
 * group whose every endpoint has weight 0 (or that has no endpoints).
 */
@RuleInfo(id = "RL6006", summary = "An active Region has no Global Accelerator endpoint group, a zero traffic dial,"
        + " or only zero-weight endpoints", severity = Severity.WARNING, category = "routing", since = "0.1.0")
public final class GaEndpointGroupCoverageRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GaListener listener : context.topology().gaListeners()) {
            if (listener.groups().isEmpty()) {
                continue;
            }
            duplicates(context, listener);
            coverage(context, listener);
            for (GaEndpointGroup group : listener.groups()) {
                dial(context, listener, group);
                weights(context, listener, group);
            }
        }
    }

    private static void duplicates(RuleContext context, GaListener listener) {
        Map<String, GaEndpointGroup> byRegion = new HashMap<>();
        for (GaEndpointGroup group : listener.groups()) {
            if (group.region().isEmpty()) {
                continue;
            }
            GaEndpointGroup first = byRegion.putIfAbsent(group.region().get(), group);
            if (first != null) {
                context.report(Routes.site(group.resource(), "EndpointGroupRegion"), "Endpoint group '"
                                + group.resource().logicalId() + "' is a second endpoint group of " + listener.describe()
                                + " in " + group.region().get() + "; a listener can have only one endpoint group per"
                                + " Region, so the stack fails to deploy: put the endpoints in one group")
                        .related(first.resource(), first.get("EndpointGroupRegion"), "the first endpoint group in "
                                + group.region().get());
            }
        }
    }

    private static void coverage(RuleContext context, GaListener listener) {
        List<String> active = context.topology().regionRoles().entrySet().stream()
                .filter(e -> e.getValue() == RegionRole.ACTIVE).map(Map.Entry::getKey).sorted().toList();
        if (active.size() < 2 || listener.groups().stream().anyMatch(g -> g.region().isEmpty())) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>(active);
        listener.groups().forEach(g -> missing.remove(g.region().get()));
        if (missing.isEmpty()) {
            return;
        }
        Site site = listener.listener().map(Site::of)
                .orElseGet(() -> Routes.site(listener.groups().get(0).resource(), "ListenerArn"));
        var finding = context.report(site, Routes.capitalised(listener.describe()) + " has endpoint groups in "
                + String.join(", ", listener.groups().stream().map(g -> g.region().get()).distinct().sorted().toList())
                + " but none in the active Region(s) " + String.join(", ", missing) + ": clients near "
                + String.join(", ", missing) + " are served from another Region, and losing a covered Region moves its"
                + " traffic onto fewer Regions than the topology declares; add an AWS::GlobalAccelerator::EndpointGroup"
                + " for " + String.join(", ", missing));
        missing.forEach(r -> finding.regions(Optional.of(r)));
    }

    private static void dial(RuleContext context, GaListener listener, GaEndpointGroup group) {
        if (group.trafficDial().isEmpty() || group.trafficDial().get() != 0.0
                || !context.topology().isActive(group.region())) {
            return;
        }
        context.report(Routes.site(group.resource(), "TrafficDialPercentage"), "Endpoint group '"
                + group.resource().logicalId() + "' of " + listener.describe() + " has TrafficDialPercentage 0 in "
                + group.region().get() + ", which the topology declares active: it takes no new traffic (Global"
                + " Accelerator only ignores the dial to fail over when another group has no healthy endpoint); set"
                + " the dial to 100, or declare " + group.region().get() + " standby");
    }

    private static void weights(RuleContext context, GaListener listener, GaEndpointGroup group) {
        if (!group.endpointsKnown()) {
            return;
        }
        if (group.endpoints().isEmpty()) {
            context.report(Routes.site(group.resource(), "EndpointConfigurations"), "Endpoint group '"
                    + group.resource().logicalId() + "' of " + listener.describe() + " in "
                    + group.region().orElse("an unknown Region") + " has no endpoints, so it can serve no traffic;"
                    + " add the Region's load balancer or instances under EndpointConfigurations");
            return;
        }
        if (group.endpoints().stream().allMatch(e -> e.weight().isPresent() && e.weight().get() == 0)) {
            context.report(Routes.site(group.resource(), "EndpointConfigurations"), "Every endpoint of endpoint group '"
                    + group.resource().logicalId() + "' of " + listener.describe() + " in "
                    + group.region().orElse("an unknown Region") + " has Weight 0, so the group takes no traffic and"
                    + " Global Accelerator fails its clients over to other Regions; give the endpoints a weight above"
                    + " 0 (the default is 128)");
        }
    }
}
