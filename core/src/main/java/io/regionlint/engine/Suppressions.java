package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import io.regionlint.model.Resource;
import io.regionlint.model.StackId;
import io.regionlint.model.Topology;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies suppressions: in the template ({@code Metadata: regionlint: suppress: [{rule, reason}]})
 * and in the project file ({@code suppressions: [{rule, resource, reason, expires}]}, where
 * resource is {@code stack/logicalId}, a construct path or an ARN). A suppressed finding is
 * still reported, marked, and never fails the run. A project suppression past its expiry date
 * no longer applies. Every suppression's matches are counted, so that expired and unused ones can
 * be reported afterwards ({@link #uses}).
 */
final class Suppressions {

    private final List<ProjectFile.SuppressionDecl> project;
    private final int[] projectMatches;
    private final Map<String, Resource> resources = new HashMap<>();
    /** Template suppression entries by their place, so that one entry seen in several Regions is one. */
    private final Map<String, InSource> inSource = new LinkedHashMap<>();
    private final LocalDate today;

    /** One {@code Metadata: regionlint: suppress} entry. */
    private static final class InSource {
        final String rule;
        final String reason;
        final String logicalId;
        final SourceRange declaredAt;
        int matched;

        InSource(String rule, String reason, String logicalId, SourceRange declaredAt) {
            this.rule = rule;
            this.reason = reason;
            this.logicalId = logicalId;
            this.declaredAt = declaredAt;
        }
    }

    Suppressions(Optional<ProjectFile> projectFile, Topology topology, LocalDate today) {
        this.project = projectFile.map(ProjectFile::suppressions).orElse(List.of());
        this.projectMatches = new int[project.size()];
        this.today = today;
        for (Resource r : topology.resources()) {
            resources.put(r.key(), r);
            for (InSource entry : entries(r)) {
                inSource.putIfAbsent(place(entry.declaredAt), entry);
            }
        }
    }

    Finding apply(Finding finding) {
        Optional<ResourceRef> ref = finding.resource();
        Optional<Suppression> applied = Optional.empty();
        if (ref.isPresent()) {
            // by the stack's identity: the same stack name in another Region is another resource
            Resource resource = resources.get(Resource.key(new StackId(ref.get().account(), ref.get().region(),
                    ref.get().stack()), ref.get().logicalId()));
            for (InSource entry : resource == null ? List.<InSource>of() : entries(resource)) {
                if (finding.ruleId().startsWith(entry.rule)) {
                    InSource shared = inSource.getOrDefault(place(entry.declaredAt), entry);
                    shared.matched++;
                    if (applied.isEmpty()) {
                        applied = Optional.of(Suppression.inSource(entry.reason, Location.of(entry.declaredAt,
                                Optional.empty())));
                    }
                }
            }
        }
        for (int i = 0; i < project.size(); i++) {
            ProjectFile.SuppressionDecl s = project.get(i);
            if (!finding.ruleId().startsWith(s.rule())
                    || !(s.resource().isEmpty() || ref.map(r -> matches(s.resource().get(), r)).orElse(false))) {
                continue;
            }
            projectMatches[i]++;
            if (applied.isEmpty() && !expired(s)) {
                applied = Optional.of(Suppression.project(s.reason(), s.expires(), Location.of(s.declaredAt(),
                        Optional.empty())));
            }
        }
        return applied.map(finding::withSuppression).orElse(finding);
    }

    private boolean expired(ProjectFile.SuppressionDecl s) {
        return s.expires().map(today::isAfter).orElse(false);
    }

    /**
     * Every declared suppression and what became of it, once all findings were applied. Whether a
     * suppression is unused can only be told when its rule ran: {@code ranRule} says so for an id
     * or prefix.
     */
    List<SuppressionUse> uses(java.util.function.Predicate<String> ranRule) {
        List<SuppressionUse> out = new ArrayList<>();
        for (int i = 0; i < project.size(); i++) {
            ProjectFile.SuppressionDecl s = project.get(i);
            SuppressionUse.Status status = expired(s) ? SuppressionUse.Status.EXPIRED
                    : status(projectMatches[i], ranRule.test(s.rule()));
            out.add(new SuppressionUse(Suppression.Origin.PROJECT, s.rule(), s.resource(), s.reason(), s.expires(),
                    s.declaredAt(), status, projectMatches[i]));
        }
        for (InSource entry : inSource.values()) {
            out.add(new SuppressionUse(Suppression.Origin.TEMPLATE, entry.rule, Optional.of(entry.logicalId),
                    entry.reason, Optional.empty(), entry.declaredAt, status(entry.matched, ranRule.test(entry.rule)),
                    entry.matched));
        }
        return out;
    }

    private static SuppressionUse.Status status(int matched, boolean ruleRan) {
        if (matched > 0) {
            return SuppressionUse.Status.APPLIED;
        }
        return ruleRan ? SuppressionUse.Status.UNUSED : SuppressionUse.Status.NOT_JUDGED;
    }

    private static boolean matches(String target, ResourceRef ref) {
        return target.equals(ref.stack() + "/" + ref.logicalId())
                || ref.constructPath().map(target::equals).orElse(false)
                || ref.arn().map(target::equals).orElse(false);
    }

    private static String place(SourceRange range) {
        return range.file() + ':' + range.line() + ':' + range.column();
    }

    /** The resource's template suppression entries that name a rule and give a reason. */
    private static List<InSource> entries(Resource resource) {
        Optional<Node> list = resource.metadata().flatMap(m -> m.get("regionlint"))
                .filter(MapNode.class::isInstance).flatMap(m -> ((MapNode) m).get("suppress"));
        if (list.isEmpty() || !(list.get() instanceof ListNode items)) {
            return List.of();
        }
        List<InSource> out = new ArrayList<>();
        for (Node item : items.items()) {
            if (item instanceof MapNode entry) {
                String rule = entry.get("rule").filter(ScalarNode.class::isInstance)
                        .map(n -> ((ScalarNode) n).text()).orElse("");
                String reason = entry.get("reason").filter(ScalarNode.class::isInstance)
                        .map(n -> ((ScalarNode) n).text()).orElse("");
                if (!rule.isEmpty() && !reason.isBlank()) {
                    out.add(new InSource(rule, reason, resource.logicalId(), entry.range()));
                }
            }
        }
        return out;
    }
}
