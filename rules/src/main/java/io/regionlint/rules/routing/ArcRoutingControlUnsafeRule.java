package io.regionlint.rules.routing;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ArcControlPanel;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RL6008: ARC routing controls of one control panel with no assertion safety rule that keeps at
 * least one of them On, and assertion rules whose configuration does not keep one On.
 */
@RuleInfo(id = "RL6008", summary = "Routing controls without an assertion safety rule against turning them all off",
        severity = Severity.WARNING, category = "routing", since = "0.1.0")
public final class ArcRoutingControlUnsafeRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (ArcControlPanel panel : context.topology().arcControlPanels()) {
            boolean guarded = false;
            boolean unknown = false;
            Set<Resource> controls = new HashSet<>(panel.routingControls());
            for (ArcControlPanel.SafetyRule rule : panel.safetyRules()) {
                if (!rule.isAssertion()) {
                    continue;
                }
                Optional<Boolean> safe = keepsOneOn(context, rule);
                if (safe.isEmpty() || !rule.complete()) {
                    unknown = true;
                } else if (safe.get() && rule.controls().containsAll(controls)) {
                    guarded = true;
                }
            }
            if (guarded || unknown || panel.routingControls().size() < 2) {
                continue;
            }
            Resource first = panel.routingControls().get(0);
            Site site = panel.panel().map(Site::of).orElseGet(() -> Site.of(first));
            var finding = context.report(site, Routes.capitalised(panel.label()) + " has "
                    + panel.routingControls().size() + " routing controls (" + String.join(", ",
                    panel.routingControls().stream().map(Resource::logicalId).toList()) + ") and no assertion safety"
                    + " rule that keeps at least one of them On: an operator or a script can turn every Region off at"
                    + " once, and when every record's recovery-control health check is unhealthy Route 53 treats them"
                    + " all as healthy (fail-open); add an AWS::Route53RecoveryControl::SafetyRule with an AssertionRule"
                    + " naming all of them and RuleConfig {Type: ATLEAST, Threshold: 1, Inverted: false}");
            panel.routingControls().forEach(c -> finding.related(c, Optional.empty(), "a routing control of the panel"));
        }
    }

    /** Whether an assertion rule keeps at least one asserted control On; reports one that does not. */
    private static Optional<Boolean> keepsOneOn(RuleContext context, ArcControlPanel.SafetyRule rule) {
        Resource r = rule.resource();
        Optional<String> type = r.properties().textAt("RuleConfig", "Type").map(t -> t.toUpperCase(Locale.ROOT));
        Optional<String> inverted = r.properties().textAt("RuleConfig", "Inverted");
        Optional<Long> threshold = r.properties().textAt("RuleConfig", "Threshold").flatMap(ArcRoutingControlUnsafeRule::number);
        if (type.isEmpty() || inverted.isEmpty() || threshold.isEmpty()) {
            return Optional.empty();
        }
        boolean invertedOn = inverted.get().equalsIgnoreCase("true");
        boolean atLeastOne = switch (type.get()) {
            case "ATLEAST" -> threshold.get() >= 1;
            case "OR", "AND" -> true;
            default -> false;
        };
        if (invertedOn || !atLeastOne) {
            String problem = invertedOn ? "Inverted: true (it then asserts that controls are Off)"
                    : "Type " + type.get() + " with Threshold " + threshold.get();
            Optional<Value> at = r.properties().at("RuleConfig", invertedOn ? "Inverted" : "Threshold");
            context.report(at.map(v -> Site.of(r, v)).orElseGet(() -> Site.of(r)), "Assertion safety rule '"
                    + r.logicalId() + "' has " + problem + ", so it does not stop all routing controls from being"
                    + " turned off; use RuleConfig {Type: ATLEAST, Threshold: 1, Inverted: false}").key("rule-config");
            return Optional.of(false);
        }
        return Optional.of(true);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
