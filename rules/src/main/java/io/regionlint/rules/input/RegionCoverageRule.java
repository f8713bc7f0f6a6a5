package io.regionlint.rules.input;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.load.SourceRange;
import io.regionlint.model.RegionRole;
import io.regionlint.model.StackInstance;
import io.regionlint.model.Topology;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RL1004: a stack that the project deploys to several Regions is meant to run in each Region of
 * the system; one missing from an active Region leaves that Region without it. A stack deployed
 * to one Region only (a global stack, a global table's home) is left alone. Needs the project
 * file: that is where Regions and their roles are declared, and where the finding points.
 */
@RuleInfo(id = "RL1004", summary = "A stack deployed to several Regions is missing from an active Region",
        severity = Severity.ERROR, category = "inputs", since = "0.1.0")
public final class RegionCoverageRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        List<String> active = new ArrayList<>();
        topology.regionRoles().forEach((region, role) -> {
            if (role == RegionRole.ACTIVE) {
                active.add(region);
            }
        });
        Map<String, Set<String>> regionsByGroup = new LinkedHashMap<>();
        Map<String, SourceRange> declarations = new LinkedHashMap<>();
        for (StackInstance stack : topology.stacks()) {
            if (stack.declaredAt().isEmpty()) {
                continue;
            }
            declarations.putIfAbsent(stack.group(), stack.declaredAt().get());
            Set<String> regions = regionsByGroup.computeIfAbsent(stack.group(), g -> new LinkedHashSet<>());
            stack.region().ifPresent(regions::add);
        }
        regionsByGroup.forEach((group, regions) -> {
            List<String> missing = active.stream().filter(r -> !regions.contains(r)).sorted().toList();
            if (regions.size() < 2 || missing.isEmpty()) {
                return;
            }
            FindingBuilder finding = context.report(Site.of(declarations.get(group)), "Stack '" + group + "' is deployed to "
                    + Prose.list(regions.stream().sorted().toList()) + " but not to the active Region"
                    + (missing.size() > 1 ? "s " : " ") + Prose.list(missing) + "; add " + Prose.list(missing)
                    + " to its regions, or declare " + (missing.size() > 1 ? "those Regions" : "that Region")
                    + " standby in topology.regions if the stack is not meant to run there");
            missing.forEach(r -> finding.regions(Optional.of(r)));
            regions.forEach(r -> finding.regions(Optional.of(r)));
        });
    }
}
