package io.regionlint.model;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link InputPlanner} made of a run's inputs. Immutable.
 *
 * @param topologies one per system: the stacks and Regions that are linted together
 * @param files every file read (templates and manifests), absolute and normalized, in reading order
 * @param errors inputs that could not be read or understood
 * @param bundleManifests the {@code manifest.json} of every snapshot bundle found among the
 *     deployed inputs ({@code "format": "regionlint-snapshot-bundle"}), absolute: what a bundle
 *     covers (accounts, Regions, types) is read from them, not from the snapshot files
 * @param stackLists the resource lists of the stacks AWS Config recorded among the deployed
 *     inputs ({@code AWS::CloudFormation::Stack} items), which join declared resources whose names
 *     CloudFormation generates
 */
public record InputPlan(List<TopologyPlan> topologies, List<Path> files, List<InputError> errors,
                        List<Path> bundleManifests, List<DeployedCoverage.StackList> stackLists) {

    public InputPlan {
        topologies = List.copyOf(topologies);
        files = List.copyOf(files);
        errors = List.copyOf(errors);
        bundleManifests = List.copyOf(bundleManifests);
        stackLists = List.copyOf(stackLists);
    }

    /** A plan without deployed state. */
    public InputPlan(List<TopologyPlan> topologies, List<Path> files, List<InputError> errors) {
        this(topologies, files, errors, List.of(), List.of());
    }

    /**
     * The stacks of one system, ready for {@link TopologyBuilder}.
     *
     * @param stacks stack specs in deployment order (a nested stack after its parent)
     * @param regionRoles every Region of the system and its role
     * @param project the project file that declares the system, if one does (its rule settings
     *     and suppressions apply to this topology's findings)
     * @param notFollowed templates these stacks deploy (stack sets, nested stacks) that were not
     *     read, each with the reason; the model reports them as unresolved peers, never silence
     */
    public record TopologyPlan(List<StackSpec> stacks, Map<String, RegionRole> regionRoles,
                               Optional<ProjectFile> project, List<NotFollowed> notFollowed) {

        public TopologyPlan {
            stacks = List.copyOf(stacks);
            regionRoles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regionRoles));
            notFollowed = List.copyOf(notFollowed);
        }

        /** A topology of the given stacks and nothing left unread. */
        public TopologyPlan(List<StackSpec> stacks, Map<String, RegionRole> regionRoles,
                            Optional<ProjectFile> project) {
            this(stacks, regionRoles, project, List.of());
        }
    }

    /**
     * A resource that deploys a template which was not read: an {@code AWS::CloudFormation::StackSet}
     * whose template is not beside it or whose Regions cannot be known, or an
     * {@code AWS::CloudFormation::Stack} whose template is not a local file.
     *
     * @param stack the stack instance holding the resource (name, Region, account)
     * @param logicalId the resource
     * @param property the property whose value says what was not read ({@code TemplateURL},
     *     {@code StackInstancesGroup}, ...)
     * @param kind what was not read ("stack set template", "stack set Regions", "nested stack template")
     * @param reason why, and what to change
     */
    public record NotFollowed(String stack, Optional<String> region, Optional<String> account, String logicalId,
                              String property, String kind, String reason) {
    }
}
