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
 * @param group the stack these instances deploy (the project file's stack name, the file name,
 *     or a CDK stack's construct path below its stage); instances of one group in several
 *     Regions are twins
 * @param declaredAt where the project file declares the group (its entry in
 *     {@code topology.stacks}); empty for templates given without a project file
 * @param observed for a pseudo stack of deployed state, the configuration items behind its
 *     resources (see {@link ObservedStacks}); empty for a template
 * @param nestedIn for a nested stack, the parent stack instance and the parent's
 *     {@code AWS::CloudFormation::Stack} resource; the parent's spec comes first in the list, and
 *     the parameters that resource passes are resolved in the parent and added to
 *     {@code parameters}
 */
public record StackSpec(String name, String group, Document template, Optional<String> region,
                        Optional<String> account, Map<String, String> parameters, Optional<SourceRange> declaredAt,
                        Optional<NestedIn> nestedIn, Optional<ObservedStack> observed) {

    /** Where a nested stack sits: its parent stack instance and the resource that creates it. */
    public record NestedIn(String parentStack, String logicalId, Optional<StackId> parent) {

        /** Created by a stack of the same account and Region (a nested stack, not a stack set instance). */
        public NestedIn(String parentStack, String logicalId) {
            this(parentStack, logicalId, Optional.empty());
        }

        /** Created by a stack elsewhere: a stack set's instance and the stack that declares the set. */
        public static NestedIn from(StackId parent, String logicalId) {
            return new NestedIn(parent.name(), logicalId, Optional.of(parent));
        }
    }

    public StackSpec {
        parameters = Map.copyOf(parameters);
    }

    /** A spec of a template (not deployed state). */
    public StackSpec(String name, String group, Document template, Optional<String> region,
                     Optional<String> account, Map<String, String> parameters, Optional<SourceRange> declaredAt,
                     Optional<NestedIn> nestedIn) {
        this(name, group, template, region, account, parameters, declaredAt, nestedIn, Optional.empty());
    }

    /**
     * A pseudo stack of deployed state: the resources AWS Config observed in one account and
     * Region ({@code region} empty for global types), as a template holding them would declare them.
     */
    public static StackSpec observed(String name, Document resources, Optional<String> region, String account,
                                     ObservedStack items) {
        return new StackSpec(name, name, resources, region, Optional.of(account), Map.of(), Optional.empty(),
                Optional.empty(), Optional.of(items));
    }

    /** A top-level spec (not nested). */
    public StackSpec(String name, String group, Document template, Optional<String> region,
                     Optional<String> account, Map<String, String> parameters, Optional<SourceRange> declaredAt) {
        this(name, group, template, region, account, parameters, declaredAt, Optional.empty());
    }

    /** A top-level spec not declared in a project file. */
    public StackSpec(String name, String group, Document template, Optional<String> region,
                     Optional<String> account, Map<String, String> parameters) {
        this(name, group, template, region, account, parameters, Optional.empty());
    }

    /** A spec whose group is its own name (a stack deployed once). */
    public StackSpec(String name, Document template, Optional<String> region, Optional<String> account,
                     Map<String, String> parameters) {
        this(name, name, template, region, account, parameters);
    }

    /** A nested stack: deployed with its parent, never declared in a project file itself. */
    public static StackSpec nested(String name, String group, Document template, Optional<String> region,
                                   Optional<String> account, NestedIn nestedIn) {
        return new StackSpec(name, group, template, region, account, Map.of(), Optional.empty(),
                Optional.of(nestedIn));
    }
}
