package io.regionlint.model;

import java.util.Map;
import java.util.Optional;

/**
 * What makes a stack instance a pseudo stack of deployed state: the configuration item behind
 * each of its resources, by logical id (an observed resource's logical id is its ARN).
 */
public record ObservedStack(Map<String, Provenance.Observed> items) {

    public ObservedStack {
        items = Map.copyOf(items);
    }

    public Optional<Provenance.Observed> item(String logicalId) {
        return Optional.ofNullable(items.get(logicalId));
    }
}
