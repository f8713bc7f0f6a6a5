package io.regionlint.rules.input;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.Site;
import io.regionlint.load.Defect;
import io.regionlint.load.Document;
import io.regionlint.model.StackInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports the defects the loader recovered from, of one kind: once per template file however
 * many Regions it is deployed to (the defect is in the file, not in a deployment), naming every
 * Region whose stack reads that file.
 */
final class RecoveredDefects {

    private RecoveredDefects() {
    }

    static void report(RuleContext context, Defect.Kind kind) {
        Map<String, Document> templates = new LinkedHashMap<>();
        Map<String, List<Optional<String>>> regions = new LinkedHashMap<>();
        for (StackInstance stack : context.topology().stacks()) {
            templates.putIfAbsent(stack.file(), stack.template());
            regions.computeIfAbsent(stack.file(), f -> new ArrayList<>()).add(stack.region());
        }
        templates.forEach((file, template) -> {
            for (Defect defect : template.defects()) {
                if (defect.kind() != kind) {
                    continue;
                }
                FindingBuilder finding = context.report(new Site(Optional.empty(), defect.range(),
                        Optional.of(defect.pointer())), defect.message()).key(defect.pointer());
                defect.related().ifPresent(r -> finding.related(r.range(), r.message()));
                regions.get(file).forEach(finding::regions);
            }
        });
    }
}
