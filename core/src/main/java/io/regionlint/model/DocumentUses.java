package io.regionlint.model;

import io.regionlint.load.Document;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many stack specs of a run still resolve values from each template. The topology builder
 * counts a spec done once no later round resolves it again; when a template's last spec is done,
 * the template keeps only its outline ({@link Document#keepOutline}), so its tree is collected
 * while the other stacks are still being built. 2,000 templates otherwise all stay whole until
 * the last of them is resolved, which made the load-and-build phase the run's memory peak.
 * Counts cover every topology of the run, since one file may be a template of several.
 */
public final class DocumentUses {

    private final Map<Document, Integer> left = new IdentityHashMap<>();
    private final List<Document> all = new ArrayList<>();

    /** Counts the specs of every planned topology. */
    public static DocumentUses of(List<InputPlan.TopologyPlan> topologies) {
        DocumentUses uses = new DocumentUses();
        for (InputPlan.TopologyPlan t : topologies) {
            for (StackSpec spec : t.stacks()) {
                if (uses.left.merge(spec.template(), 1, Integer::sum) == 1) {
                    uses.all.add(spec.template());
                }
            }
        }
        return uses;
    }

    /** One spec of {@code template} will not be resolved again. */
    synchronized void done(Document template) {
        Integer n = left.get(template);
        if (n == null) {
            return;
        }
        if (n > 1) {
            left.put(template, n - 1);
            return;
        }
        left.remove(template);
        template.keepOutline();
    }

    /** Every template keeps only its outline: call once every topology is built. */
    public synchronized void allDone() {
        left.clear();
        all.forEach(Document::keepOutline);
    }
}
