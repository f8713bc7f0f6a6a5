package io.regionlint.report;

import io.regionlint.engine.Baseline;
import io.regionlint.engine.BaselineComparison;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Suppression;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Markdown report: a short summary for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}.
 * A headline with the counts, a table of counts by severity and Region, the findings that count
 * as a table with file:line links, and, collapsed in {@code <details>}, the suppressed findings,
 * the baselined ones, those fixed since the baseline, and input errors. Text from templates is
 * escaped so that it cannot become markup or HTML. The findings table stops at
 * {@link #MAX_ROWS} rows: a pull-request comment holds at most 65,536 characters.
 */
final class MarkdownReport {

    static final int MAX_ROWS = 100;
    private static final String NO_REGION = "no Region";

    private final LintResult result;
    private final ReportContext context;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(LintResult result, ReportContext context) {
        this.result = result;
        this.context = context;
    }

    static void write(LintResult result, ReportContext context, Writer out) throws IOException {
        MarkdownReport report = new MarkdownReport(result, context);
        report.write();
        out.write(report.out.toString());
        out.flush();
    }

    private void write() {
        LintResult.Summary s = result.summary();
        line("### regionlint: " + count(s.errors(), "error") + ", " + count(s.warnings(), "warning") + ", "
                + count(s.notes(), "note"));
        line("");
        StringBuilder facts = new StringBuilder(count(s.files(), "file") + ", " + count(s.stacks(), "stack") + ", "
                + count(s.resources(), "resource"));
        if (s.suppressed() > 0) {
            facts.append("; ").append(s.suppressed()).append(" suppressed");
        }
        if (!result.errors().isEmpty()) {
            facts.append("; ").append(count(result.errors().size(), "input error"));
        }
        line(facts + ".");
        result.baseline().ifPresent(b -> {
            line("");
            line("Compared with the baseline " + code(b.file()) + ": " + b.newFindings() + " new, " + b.unchanged()
                    + " unchanged, " + b.fixed().size() + " fixed.");
        });
        List<Finding> active = result.findings().stream().filter(f -> f.suppressed().isEmpty()).toList();
        if (!active.isEmpty()) {
            line("");
            countsByRegion(active);
            line("");
            findings(active);
        }
        List<Finding> suppressed = result.findings().stream().filter(f -> f.suppressed().isPresent()
                && f.suppressed().get().origin() != Suppression.Origin.BASELINE).toList();
        List<Finding> baselined = result.findings().stream().filter(f -> f.suppressed().isPresent()
                && f.suppressed().get().origin() == Suppression.Origin.BASELINE).toList();
        if (!suppressed.isEmpty()) {
            line("");
            suppressedFindings(count(suppressed.size(), "suppressed finding"), suppressed);
        }
        if (!baselined.isEmpty()) {
            line("");
            suppressedFindings(count(baselined.size(), "finding") + " in the baseline", baselined);
        }
        result.baseline().filter(b -> !b.fixed().isEmpty()).ifPresent(this::fixed);
        if (!result.errors().isEmpty()) {
            line("");
            inputErrors();
        }
    }

    /** Rows: severities; columns: the Regions involved, then all. A finding counts in each of its Regions. */
    private void countsByRegion(List<Finding> active) {
        TreeSet<String> regions = new TreeSet<>();
        boolean regionless = false;
        for (Finding f : active) {
            regions.addAll(f.regions());
            regionless |= f.regions().isEmpty();
        }
        List<String> columns = new ArrayList<>(regions);
        if (regionless) {
            columns.add(NO_REGION);
        }
        StringBuilder header = new StringBuilder("| Severity |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String c : columns) {
            header.append(' ').append(escape(c)).append(" |");
            rule.append("--:|");
        }
        line(header + " All |");
        line(rule + "--:|");
        for (Severity severity : Severity.values()) {
            List<Finding> of = active.stream().filter(f -> f.severity() == severity).toList();
            if (of.isEmpty()) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + severity.label() + " |");
            for (String c : columns) {
                long n = of.stream().filter(f -> c.equals(NO_REGION) ? f.regions().isEmpty()
                        : f.regions().contains(c)).count();
                row.append(' ').append(n).append(" |");
            }
            line(row + " " + of.size() + " |");
        }
    }

    private void findings(List<Finding> active) {
        line("| Severity | Rule | Where | Regions | Finding |");
        line("|---|---|---|---|---|");
        for (Finding f : active.subList(0, Math.min(MAX_ROWS, active.size()))) {
            line("| " + f.severity().label() + " | " + f.ruleId() + " " + escape(f.ruleName()) + " | "
                    + link(f.location()) + observedAt(f) + " | " + escape(String.join(", ", f.regions())) + " | "
                    + escape(f.message()) + " |");
        }
        if (active.size() > MAX_ROWS) {
            line("");
            line("… and " + (active.size() - MAX_ROWS) + " more; the SARIF and JSON reports list them all.");
        }
    }

    /** For a finding on deployed state: the resource's ARN and capture time after its snapshot line. */
    private static String observedAt(Finding f) {
        return f.resource().filter(io.regionlint.engine.ResourceRef::observed).map(r -> "<br>" + code(r.arn()
                .orElse(r.logicalId())) + " (captured " + escape(r.capturedAt().get()) + ")").orElse("");
    }

    private void suppressedFindings(String summary, List<Finding> findings) {
        line("<details>");
        line("<summary>" + summary + "</summary>");
        line("");
        line("| Severity | Rule | Where | Suppressed by | Reason |");
        line("|---|---|---|---|---|");
        for (Finding f : findings.subList(0, Math.min(MAX_ROWS, findings.size()))) {
            Suppression s = f.suppressed().orElseThrow();
            line("| " + f.severity().label() + " | " + f.ruleId() + " " + escape(f.ruleName()) + " | "
                    + link(f.location()) + " | " + s.origin().label() + " | " + escape(s.reason())
                    + s.expires().map(d -> " (until " + d + ")").orElse("") + " |");
        }
        if (findings.size() > MAX_ROWS) {
            line("");
            line("… and " + (findings.size() - MAX_ROWS) + " more.");
        }
        line("");
        line("</details>");
    }

    private void fixed(BaselineComparison b) {
        line("");
        line("<details>");
        line("<summary>" + count(b.fixed().size(), "finding") + " fixed since the baseline</summary>");
        line("");
        for (Baseline.Entry e : b.fixed()) {
            line("- " + escape(e.ruleId()) + ": " + escape(e.hint()));
        }
        line("");
        line("</details>");
    }

    private void inputErrors() {
        line("<details>");
        line("<summary>" + count(result.errors().size(), "input error") + " (those files were not fully checked)"
                + "</summary>");
        line("");
        for (InputError e : result.errors()) {
            line("- " + link(e.file(), e.line()) + ": " + escape(e.message()));
        }
        line("");
        line("</details>");
    }

    private String link(Location l) {
        return link(l.file(), l.line());
    }

    /** {@code [file:line](base + file#Lline)}; plain text for a file outside the base folder. */
    private String link(String file, int line) {
        String text = escape(file + ":" + line);
        if (file.isEmpty() || file.equals(".") || file.startsWith("/") || file.matches("^[A-Za-z]:[\\\\/].*")) {
            return text;
        }
        String target = context.linkBase().orElse("") + SarifReport.encodePath(file.replace('\\', '/'))
                + (line > 0 ? "#L" + line : "");
        return "[" + text + "](" + target.replace(")", "%29").replace("(", "%28") + ")";
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    /**
     * Backslash-escapes the ASCII punctuation that could start markup, a link, HTML, an entity or
     * end a table cell; line breaks become spaces, so a cell stays one line.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]|<>&#~!".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (!Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

}
