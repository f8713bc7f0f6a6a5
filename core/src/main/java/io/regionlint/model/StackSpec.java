package io.regionlint.model;

import io.regionlint.load.Document;
import java.util.Map;
import java.util.Optional;

/**
 * What the topology builder needs to make one stack instance: a loaded template, where it is
 * deployed and with which parameter values.
 *
 * @param name the stack instance name (by convention {@code <stack>-<region>})
 * @param group the stack these instances deploy (the project file's stack name, or the file
 *     name); instances of one group in several Regions are twins
 */
public record StackSpec(String name, String group, Document template, Optional<String> region,
                        Optional<String> account, Map<String, String> parameters) {

    public StackSpec {
        parameters = Map.copyOf(parameters);
    }

    /** A spec whose group is its own name (a stack deployed once). */
    public StackSpec(String name, Document template, Optional<String> region, Optional<String> account,
                     Map<String, String> parameters) {
        this(name, name, template, region, account, parameters);
    }
}
