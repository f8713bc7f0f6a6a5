package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.model.Resource;
import io.regionlint.model.StackId;
import io.regionlint.model.Topology;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies suppressions: in the template ({@code Metadata: regionlint: suppress: [{rule, reason}]})
 * and in the project file ({@code suppressions: [{rule, resource, reason, expires}]}, where
 * resource is {@code stack/logicalId}, a construct path or an ARN). A suppressed finding is
 * still reported, marked, and never fails the run. A project suppression past its expiry date
 * no longer applies.
 */
final class Suppressions {

    private final List<ProjectFile.SuppressionDecl> project;
    private final Map<String, Resource> resources = new HashMap<>();
    private final LocalDate today = LocalDate.now();

    Suppressions(Optional<ProjectFile> projectFile, Topology topology) {
        this.project = projectFile.map(ProjectFile::suppressions).orElse(List.of());
        for (Resource r : topology.resources()) {
            resources.put(r.key(), r);
        }
    }

    Finding apply(Finding finding) {
        Optional<ResourceRef> ref = finding.resource();
        if (ref.isPresent()) {
            // by the stack's identity: the same stack name in another Region is another resource
            Resource resource = resources.get(Resource.key(new StackId(ref.get().account(), ref.get().region(),
                    ref.get().stack()), ref.get().logicalId()));
            Optional<String> inSource = Optional.ofNullable(resource).flatMap(r -> inSource(r, finding.ruleId()));
            if (inSource.isPresent()) {
                return finding.withSuppression(new Suppression("inSource", inSource.get()));
            }
        }
        for (ProjectFile.SuppressionDecl s : project) {
            if (!finding.ruleId().startsWith(s.rule()) || s.expires().map(today::isAfter).orElse(false)) {
                continue;
            }
            if (s.resource().isEmpty() || ref.map(r -> matches(s.resource().get(), r)).orElse(false)) {
                return finding.withSuppression(new Suppression("external", s.reason()));
            }
        }
        return finding;
    }

    private static boolean matches(String target, ResourceRef ref) {
        return target.equals(ref.stack() + "/" + ref.logicalId())
                || ref.constructPath().map(target::equals).orElse(false)
                || ref.arn().map(target::equals).orElse(false);
    }

    private static Optional<String> inSource(Resource resource, String ruleId) {
        Optional<Node> list = resource.metadata().flatMap(m -> m.get("regionlint"))
                .filter(MapNode.class::isInstance).flatMap(m -> ((MapNode) m).get("suppress"));
        if (list.isEmpty() || !(list.get() instanceof ListNode items)) {
            return Optional.empty();
        }
        for (Node item : items.items()) {
            if (item instanceof MapNode entry) {
                String rule = entry.get("rule").filter(ScalarNode.class::isInstance)
                        .map(n -> ((ScalarNode) n).text()).orElse("");
                String reason = entry.get("reason").filter(ScalarNode.class::isInstance)
                        .map(n -> ((ScalarNode) n).text()).orElse("");
                if (!rule.isEmpty() && !reason.isBlank() && ruleId.startsWith(rule)) {
                    return Optional.of(reason);
                }
            }
        }
        return Optional.empty();
    }
}
