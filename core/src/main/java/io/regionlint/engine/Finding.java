package io.regionlint.engine;

import java.util.List;
import java.util.Optional;

/**
 * One result of a rule, located and ready to report.
 *
 * @param regions the Regions involved, sorted
 * @param fingerprint stable across line moves: rule, stack, logical id and property path
 */
public record Finding(String ruleId, String ruleName, Severity severity, String message, Location location,
                      Optional<ResourceRef> resource, List<Related> related, List<String> regions,
                      String fingerprint, Optional<Suppression> suppressed) {

    public Finding {
        related = List.copyOf(related);
        regions = List.copyOf(regions);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, ruleName, newSeverity, message, location, resource, related, regions, fingerprint,
                suppressed);
    }

    public Finding withSuppression(Suppression suppression) {
        return new Finding(ruleId, ruleName, severity, message, location, resource, related, regions, fingerprint,
                Optional.of(suppression));
    }
}
