package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * An ARC (Application Recovery Controller) control panel with the routing controls and safety
 * rules declared in it, joined by {@code ControlPanelArn}. Routing controls declared without a
 * control panel are in their cluster's default panel, one per {@code ClusterArn}.
 *
 * @param panel the loaded {@code AWS::Route53RecoveryControl::ControlPanel}
 * @param label how messages name the panel
 * @param routingControls in topology order
 * @param safetyRules in topology order
 */
public record ArcControlPanel(Optional<Resource> panel, String label, List<Resource> routingControls,
                              List<SafetyRule> safetyRules) {

    public ArcControlPanel {
        routingControls = List.copyOf(routingControls);
        safetyRules = List.copyOf(safetyRules);
    }

    /**
     * An {@code AWS::Route53RecoveryControl::SafetyRule} with the loaded routing controls its
     * assertion or gating rule names.
     *
     * @param controls the loaded routing controls of {@code AssertionRule.AssertedControls} (or of
     *     {@code GatingRule.TargetControls})
     * @param complete false when some entry is unknown or names a control that is not loaded
     */
    public record SafetyRule(Resource resource, List<Resource> controls, boolean complete) {

        public SafetyRule {
            controls = List.copyOf(controls);
        }

        public boolean isAssertion() {
            return resource.properties().has("AssertionRule");
        }
    }
}
