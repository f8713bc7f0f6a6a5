package io.regionlint.model;

import io.regionlint.load.Document;
import java.util.Map;
import java.util.Optional;

/**
 * What the topology builder needs to make one stack instance: a loaded template, where it is
 * deployed and with which parameter values.
 *
 * @param name the stack instance name (by convention {@code <stack>-<region>})
 */
public record StackSpec(String name, Document template, Optional<String> region, Optional<String> account,
                        Map<String, String> parameters) {

    public StackSpec {
        parameters = Map.copyOf(parameters);
    }
}
