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
 */
public record InputPlan(List<TopologyPlan> topologies, List<Path> files, List<InputError> errors) {

    public InputPlan {
        topologies = List.copyOf(topologies);
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    /**
     * The stacks of one system, ready for {@link TopologyBuilder}.
     *
     * @param stacks stack specs in deployment order (a nested stack after its parent)
     * @param regionRoles every Region of the system and its role
     * @param project the project file that declares the system, if one does (its rule settings
     *     and suppressions apply to this topology's findings)
     */
    public record TopologyPlan(List<StackSpec> stacks, Map<String, RegionRole> regionRoles,
                               Optional<ProjectFile> project) {

        public TopologyPlan {
            stacks = List.copyOf(stacks);
            regionRoles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regionRoles));
        }
    }
}
