package io.regionlint.report;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.Writer;

/** TEMPORARY STUB in the cli branch until the real report package lands on main; delete on merge. */
public final class Reporter {

    private Reporter() {
    }

    public static void write(ReportFormat format, LintResult result, ReportContext ctx, Writer out) throws IOException {
        if (format == ReportFormat.TEXT) {
            for (InputError e : result.errors()) {
                out.write(e.file() + ":" + e.line() + ":" + e.column() + ": error: " + e.message() + "\n");
            }
            for (Finding f : result.findings()) {
                out.write(f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": "
                        + f.severity().label() + ": " + f.message() + " [" + f.ruleId() + " " + f.ruleName() + "]\n");
            }
            LintResult.Summary s = result.summary();
            out.write(s.files() + " files, " + s.errors() + " errors, " + s.warnings() + " warnings, " + s.notes()
                    + " notes\n");
        } else {
            out.write("{\"tool\": {\"name\": \"regionlint\", \"version\": \"" + ctx.toolVersion() + "\"}, \"findings\": [");
            String sep = "";
            for (Finding f : result.findings()) {
                out.write(sep + "{\"ruleId\": \"" + f.ruleId() + "\"}");
                sep = ", ";
            }
            out.write("]}\n");
        }
    }
}
