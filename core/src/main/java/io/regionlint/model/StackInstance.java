package io.regionlint.model;

import io.regionlint.load.Document;
import io.regionlint.load.SourceRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template deployed to one Region in one account with one set of parameter values.
 *
 * @param group the stack it is an instance of; instances of one group in several Regions are twins
 * @param parameters the values given for its parameters (for a nested stack, including the known
 *     values its parent passes)
 * @param unknownParameters parameters with neither a given value nor a default, in template order
 * @param declaredAt where the project file declares the group (its entry in
 *     {@code topology.stacks}); empty for templates given without a project file
 * @param observed for a pseudo stack of deployed state, the configuration items behind its resources
 * @param nestedIn for a nested stack, its parent stack instance and the parent's resource that creates it
 */
public record StackInstance(String name, String group, Document template, Optional<String> region, Optional<String> account,
                            Map<String, String> parameters, List<String> unknownParameters,
                            Optional<SourceRange> declaredAt, Optional<StackSpec.NestedIn> nestedIn,
                            Optional<ObservedStack> observed) {

    public StackInstance {
        parameters = Map.copyOf(parameters);
        unknownParameters = List.copyOf(unknownParameters);
    }

    /** An instance of a template, nested or not. */
    public StackInstance(String name, String group, Document template, Optional<String> region, Optional<String> account,
                         Map<String, String> parameters, List<String> unknownParameters,
                         Optional<SourceRange> declaredAt, Optional<StackSpec.NestedIn> nestedIn) {
        this(name, group, template, region, account, parameters, unknownParameters, declaredAt, nestedIn,
                Optional.empty());
    }

    /** A top-level instance. */
    public StackInstance(String name, String group, Document template, Optional<String> region,
                         Optional<String> account, Map<String, String> parameters, List<String> unknownParameters,
                         Optional<SourceRange> declaredAt) {
        this(name, group, template, region, account, parameters, unknownParameters, declaredAt, Optional.empty());
    }

    /** A top-level instance not declared in a project file. */
    public StackInstance(String name, String group, Document template, Optional<String> region,
                         Optional<String> account, Map<String, String> parameters, List<String> unknownParameters) {
        this(name, group, template, region, account, parameters, unknownParameters, Optional.empty());
    }

    /** The stack's identity: account, Region and name. */
    public StackId id() {
        return new StackId(account, region, name);
    }

    public String file() {
        return template.displayPath();
    }

    /**
     * The Region for messages: the Region code, "global" for the pseudo stack of an account's
     * global types (IAM), or "unknown Region".
     */
    public String regionLabel() {
        return region.orElse(observed.isPresent() ? "global" : "unknown Region");
    }

    /** True for a pseudo stack of deployed state (resources AWS Config observed). */
    public boolean isObserved() {
        return observed.isPresent();
    }
}
