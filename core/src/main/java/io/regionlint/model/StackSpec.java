package io.regionlint.model;

import io.regionlint.load.Document;
import io.regionlint.load.SourceRange;
import java.util.Map;
import java.util.Optional;

/**
 * What the topology builder needs to make one stack instance: a loaded template, where it is
 * deployed and with which parameter values.
 *
 * @param name the stack instance name (by convention {@code <stack>-<region>})
 * @param group the stack these instances deploy (the project file's stack name, or the file
 *     name); instances of one group in several Regions are twins
 * @param declaredAt where the project file declares the group (its entry in
 *     {@code topology.stacks}); empty for templates given without a project file
 */
public record StackSpec(String name, String group, Document template, Optional<String> region,
                        Optional<String> account, Map<String, String> parameters, Optional<SourceRange> declaredAt) {

    public StackSpec {
        parameters = Map.copyOf(parameters);
    }

    /** A spec not declared in a project file. */
    public StackSpec(String name, String group, Document template, Optional<String> region,
                     Optional<String> account, Map<String, String> parameters) {
        this(name, group, template, region, account, parameters, Optional.empty());
    }

    /** A spec whose group is its own name (a stack deployed once). */
    public StackSpec(String name, Document template, Optional<String> region, Optional<String> account,
                     Map<String, String> parameters) {
        this(name, name, template, region, account, parameters);
    }
}
