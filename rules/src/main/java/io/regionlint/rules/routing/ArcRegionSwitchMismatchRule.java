package io.regionlint.rules.routing;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * RL6010: an ARC Region switch plan whose Regions, recovery approach, primary Region or workflows
 * do not match the topology the project file declares.
 */
@NotRecordedByConfig(value = "ARC Region switch plans, which AWS Config does not record (its resource schema has no AWS::ARCRegionSwitch::Plan)")
@RuleInfo(id = "RL6010", summary = "A Region switch plan does not match the declared topology",
        severity = Severity.NOTE, category = "routing", since = "0.1.0")
public final class ArcRegionSwitchMismatchRule implements Rule {

    static final String PLAN = "AWS::ARCRegionSwitch::Plan";

    @Override
    public void check(RuleContext context) {
        Map<String, RegionRole> roles = context.topology().regionRoles();
        for (Resource plan : context.topology().resources(PLAN)) {
            Optional<List<String>> regions = texts(plan.properties().get("Regions"));
            Optional<String> approach = plan.properties().textAt("RecoveryApproach");
            if (regions.isPresent() && !roles.isEmpty()) {
                regions(context, plan, regions.get(), roles);
            }
            if (regions.isPresent() && approach.isPresent() && !roles.isEmpty()) {
                approach(context, plan, regions.get(), approach.get(), roles);
            }
            if (regions.isPresent() && approach.isPresent()) {
                workflows(context, plan, regions.get(), approach.get());
            }
        }
    }

    private static void regions(RuleContext context, Resource plan, List<String> regions, Map<String, RegionRole> roles) {
        Set<String> declared = new TreeSet<>();
        roles.forEach((region, role) -> {
            if (role != RegionRole.WITNESS) {
                declared.add(region);
            }
        });
        List<String> foreign = regions.stream().filter(r -> !roles.containsKey(r)).toList();
        if (!foreign.isEmpty()) {
            context.report(Routes.site(plan, "Regions"), "Region switch plan '" + plan.logicalId() + "' names "
                    + String.join(", ", foreign) + ", which the topology does not declare (it declares "
                    + String.join(", ", declared) + "): the plan would shift traffic to a Region the system is not"
                    + " deployed to; name the system's Regions, or add the Region to topology.regions").key("regions");
        } else if (declared.size() == 2 && !declared.equals(new TreeSet<>(regions))) {
            context.report(Routes.site(plan, "Regions"), "Region switch plan '" + plan.logicalId() + "' covers "
                    + String.join(", ", regions) + " but the topology's Regions are " + String.join(", ", declared)
                    + "; name both of them").key("regions");
        }
    }

    private static void approach(RuleContext context, Resource plan, List<String> regions, String approach,
                                 Map<String, RegionRole> roles) {
        boolean allActive = regions.stream().allMatch(r -> roles.get(r) == RegionRole.ACTIVE);
        boolean someStandby = regions.stream().anyMatch(r -> roles.get(r) == RegionRole.STANDBY);
        if (approach.equals("activePassive") && allActive && regions.size() == 2) {
            context.report(Routes.site(plan, "RecoveryApproach"), "Region switch plan '" + plan.logicalId()
                    + "' uses RecoveryApproach activePassive, but the topology declares " + String.join(" and ", regions)
                    + " active: an active/passive plan activates one Region and leaves the other without traffic; use"
                    + " activeActive, or declare one Region standby").key("approach");
        } else if (approach.equals("activeActive") && someStandby) {
            context.report(Routes.site(plan, "RecoveryApproach"), "Region switch plan '" + plan.logicalId()
                    + "' uses RecoveryApproach activeActive, but the topology declares a standby Region among "
                    + String.join(", ", regions) + "; use activePassive with PrimaryRegion set to the active Region, or"
                    + " declare both active").key("approach");
        }
        plan.properties().textAt("PrimaryRegion").filter(p -> roles.get(p) == RegionRole.STANDBY)
                .ifPresent(p -> context.report(Routes.site(plan, "PrimaryRegion"), "Region switch plan '"
                        + plan.logicalId() + "' has PrimaryRegion " + p + ", which the topology declares standby;"
                        + " make the active Region the primary").key("primary"));
    }

    private static void workflows(RuleContext context, Resource plan, List<String> regions, String approach) {
        Optional<Value> value = plan.properties().get("Workflows");
        if (value.isEmpty() || !(value.get() instanceof ListValue list)) {
            return;
        }
        Set<String> activated = new TreeSet<>();
        boolean activateAny = false;
        boolean deactivate = false;
        for (Value item : list.items()) {
            if (!(item instanceof MapValue workflow)) {
                return;
            }
            Optional<String> action = workflow.textAt("WorkflowTargetAction");
            Optional<Value> target = workflow.get("WorkflowTargetRegion");
            if (action.isEmpty() || target.isPresent() && target.get().text().isEmpty()) {
                return; // an unknown value: cannot tell which Regions are covered
            }
            if (action.get().equals("activate")) {
                if (target.isEmpty()) {
                    activateAny = true;
                } else {
                    activated.add(target.get().text().get());
                }
            } else if (action.get().equals("deactivate")) {
                deactivate = true;
            }
        }
        List<String> missing = new ArrayList<>();
        if (!activateAny) {
            regions.stream().filter(r -> !activated.contains(r)).forEach(r -> missing.add("an activate workflow for " + r));
        }
        if (approach.equals("activeActive") && !deactivate) {
            missing.add("a deactivate workflow");
        }
        if (!missing.isEmpty()) {
            context.report(Routes.site(plan, "Workflows"), "Region switch plan '" + plan.logicalId() + "' ("
                    + approach + ") lacks " + String.join(" and ", missing) + ", so it cannot recover into every"
                    + " Region it names; add the missing workflow(s)").key("workflows");
        }
    }

    private static Optional<List<String>> texts(Optional<Value> value) {
        if (value.isEmpty() || !(value.get() instanceof ListValue list)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Value v : list.items()) {
            if (v.text().isEmpty()) {
                return Optional.empty();
            }
            out.add(v.text().get());
        }
        return Optional.of(out);
    }

}
