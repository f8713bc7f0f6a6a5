package io.regionlint.report;

import io.regionlint.engine.LintResult;
import io.regionlint.graph.GraphWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The report stage's entry point: writes a {@link LintResult} in one of the {@link ReportFormat}s.
 * Reporting never changes or re-sorts the result; the engine already sorted it. The writer is
 * flushed, never closed: the caller owns it.
 */
public final class Reporter {

    public void write(ReportFormat format, LintResult result, ReportContext context, Writer out)
            throws IOException {
        switch (format) {
            case TEXT -> TextReport.write(result, context, out);
            case JSON -> JsonReport.write(result, context, out);
            case SARIF -> SarifReport.write(result, context, out);
            case HTML -> GraphWriter.writeReport(result, context.toolVersion(), out);
        }
    }
}
