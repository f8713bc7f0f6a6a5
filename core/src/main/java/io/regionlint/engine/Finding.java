package io.regionlint.engine;

import java.util.List;
import java.util.Optional;

/**
 * One result of a rule, located and ready to report.
 *
 * @param regions the Regions involved, sorted
 * @param fingerprint stable across line moves: rule, stack, logical id and property path
 * @param baselineState the finding compared with the baseline; empty when no baseline was used
 */
public record Finding(String ruleId, String ruleName, Severity severity, String message, Location location,
                      Optional<ResourceRef> resource, List<Related> related, List<String> regions,
                      String fingerprint, Optional<Suppression> suppressed, Optional<BaselineState> baselineState) {

    public Finding {
        related = List.copyOf(related);
        regions = List.copyOf(regions);
    }

    /** A finding of a run without a baseline. */
    public Finding(String ruleId, String ruleName, Severity severity, String message, Location location,
                   Optional<ResourceRef> resource, List<Related> related, List<String> regions,
                   String fingerprint, Optional<Suppression> suppressed) {
        this(ruleId, ruleName, severity, message, location, resource, related, regions, fingerprint, suppressed,
                Optional.empty());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, ruleName, newSeverity, message, location, resource, related, regions, fingerprint,
                suppressed, baselineState);
    }

    public Finding withSuppression(Suppression suppression) {
        return new Finding(ruleId, ruleName, severity, message, location, resource, related, regions, fingerprint,
                Optional.of(suppression), baselineState);
    }

    public Finding withBaselineState(BaselineState state) {
        return new Finding(ruleId, ruleName, severity, message, location, resource, related, regions, fingerprint,
                suppressed, Optional.of(state));
    }
}
