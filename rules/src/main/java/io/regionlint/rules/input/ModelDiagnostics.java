package io.regionlint.rules.input;

import io.regionlint.engine.RuleContext;
import io.regionlint.engine.Site;
import io.regionlint.model.ModelDiagnostic;
import io.regionlint.model.StackInstance;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports the model's diagnostics of one kind: the same problem met in several stack instances
 * (one template deployed to several Regions) is one finding naming them all.
 */
final class ModelDiagnostics {

    private ModelDiagnostics() {
    }

    static void report(RuleContext context, ModelDiagnostic.Kind kind) {
        Map<String, List<ModelDiagnostic>> bySite = new LinkedHashMap<>();
        for (ModelDiagnostic d : context.topology().diagnostics()) {
            if (d.kind() == kind) {
                bySite.computeIfAbsent(d.site(), k -> new ArrayList<>()).add(d);
            }
        }
        for (List<ModelDiagnostic> same : bySite.values()) {
            ModelDiagnostic first = same.get(0);
            Set<String> stacks = new LinkedHashSet<>();
            Set<Optional<String>> regions = new LinkedHashSet<>();
            for (ModelDiagnostic d : same) {
                stacks.add(describe(d.stack()));
                regions.add(d.stack().region());
            }
            String where = (stacks.size() == 1 ? "Stack " : "Stacks ") + Prose.list(List.copyOf(stacks)) + ": ";
            var finding = context.report(new Site(Optional.empty(), first.range(), Optional.of(first.pointer())),
                    where + first.message());
            regions.forEach(finding::regions);
        }
    }

    private static String describe(StackInstance stack) {
        return "'" + stack.name() + "' (" + stack.regionLabel() + ")";
    }
}
