package io.regionlint.report;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.Related;
import io.regionlint.engine.ResourceRef;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Suppression;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text report: one compiler-style line per finding ({@code path:line:col: severity: message
 * [RL2001 s3-replication-not-bidirectional]}, so terminals and editors link it), indented detail
 * lines for the resource and each related place, input errors that no RL1001 finding already
 * shows, and a summary line. ANSI colours only when the context allows them.
 */
final class TextReport {

    /** The rule that turns each input error into a finding. */
    static final String INPUT_RULE = "RL1001";
    private static final String INPUT_RULE_NAME = "input-unreadable";

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";

    private final boolean color;
    private final Writer out;

    private TextReport(boolean color, Writer out) {
        this.color = color;
        this.out = out;
    }

    static void write(LintResult result, ReportContext context, Writer out) throws IOException {
        new TextReport(context.color(), out).write(result);
        out.flush();
    }

    private void write(LintResult result) throws IOException {
        for (Finding f : result.findings()) {
            finding(f);
        }
        for (InputError e : unreported(result)) {
            out.write(style(BOLD, position(e.file(), e.line(), e.column())) + ": " + style(RED, "error") + ": "
                    + clean(e.message()) + " " + style(DIM, "[" + INPUT_RULE + " " + INPUT_RULE_NAME + "]") + "\n");
        }
        if (result.baseline().isPresent()) {
            for (io.regionlint.engine.Baseline.Entry e : result.baseline().get().fixed()) {
                out.write("fixed since the baseline: " + clean(e.ruleId()) + " " + clean(e.hint()) + "\n");
            }
        }
        out.write(summary(result) + "\n");
    }

    private void finding(Finding f) throws IOException {
        boolean suppressed = f.suppressed().isPresent();
        StringBuilder line = new StringBuilder();
        String severity = style(suppressed ? DIM : colorOf(f.severity()), f.severity().label());
        line.append(style(BOLD, position(f.location()))).append(": ").append(severity).append(": ")
                .append(clean(f.message())).append(' ').append(style(DIM, "[" + f.ruleId() + " " + f.ruleName() + "]"));
        f.suppressed().ifPresent(s -> line.append(' ').append(style(DIM, s.origin() == Suppression.Origin.BASELINE
                ? "(in the baseline)" : "(suppressed: " + clean(s.reason()) + s.expires().map(d -> ", until " + d)
                .orElse("") + ")")));
        out.write(line + "\n");
        if (f.resource().isPresent()) {
            ResourceRef r = f.resource().get();
            out.write("  resource: " + clean(describe(r)) + "\n");
            if (r.constructPath().isPresent()) {
                out.write("  construct path: " + clean(r.constructPath().get()) + "\n");
            }
            if (r.arn().isPresent() && !r.observed()) {
                out.write("  arn: " + clean(r.arn().get()) + "\n");
            }
            if (r.observed()) {
                out.write("  observed by AWS Config: account " + clean(r.account().orElse("?")) + ", captured "
                        + clean(r.capturedAt().get()) + "\n");
            }
        }
        for (Related r : f.related()) {
            out.write("  related: " + position(r.location()) + ": " + clean(r.message()) + "\n");
        }
    }

    /** {@code stack/logicalId (type) in region}. */
    static String describe(ResourceRef r) {
        if (r.observed()) {
            return r.logicalId() + " (" + r.type() + ")" + r.region().map(g -> " in " + g).orElse("");
        }
        return r.stack() + "/" + r.logicalId() + " (" + r.type() + ")" + r.region().map(g -> " in " + g).orElse("");
    }

    /**
     * The input errors that no RL1001 finding shows: each RL1001 finding accounts for one error
     * at its file, line and column. All of them when RL1001 did not run.
     */
    static List<InputError> unreported(LintResult result) {
        Map<String, Integer> shown = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().equals(INPUT_RULE)) {
                shown.merge(key(f.location().file(), f.location().line(), f.location().column()), 1, Integer::sum);
            }
        }
        return result.errors().stream().filter(e -> {
            String key = key(e.file(), e.line(), e.column());
            Integer n = shown.get(key);
            if (n == null || n == 0) {
                return true;
            }
            shown.put(key, n - 1);
            return false;
        }).toList();
    }

    private static String key(String file, int line, int column) {
        return file + '\u0000' + line + '\u0000' + column;
    }

    private String summary(LintResult result) {
        LintResult.Summary s = result.summary();
        StringBuilder b = new StringBuilder();
        b.append(count(s.files(), "file")).append(", ").append(count(s.stacks(), "stack")).append(", ")
                .append(count(s.resources(), "resource")).append(": ")
                .append(colored(s.errors(), "error", RED)).append(", ")
                .append(colored(s.warnings(), "warning", YELLOW)).append(", ")
                .append(colored(s.notes(), "note", CYAN));
        if (s.suppressed() > 0) {
            b.append(" (").append(s.suppressed()).append(" suppressed)");
        }
        result.baseline().ifPresent(baseline -> b.append("; baseline ").append(clean(baseline.file())).append(": ")
                .append(baseline.newFindings()).append(" new, ").append(baseline.unchanged()).append(" unchanged, ")
                .append(baseline.fixed().size()).append(" fixed"));
        if (!result.errors().isEmpty()) {
            b.append(", ").append(colored(result.errors().size(), "input error", RED));
        }
        return b.toString();
    }

    private String colored(int n, String noun, String colour) {
        String text = count(n, noun);
        return n > 0 ? style(colour, text) : text;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String position(Location l) {
        return position(l.file(), l.line(), l.column());
    }

    private static String position(String file, int line, int column) {
        return clean(file) + ":" + line + ":" + column;
    }

    private static String colorOf(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }

    /**
     * Keeps one finding on one line and keeps template text from driving the terminal: control
     * characters (escape sequences in a bucket name, say) are shown escaped.
     */
    static String clean(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
