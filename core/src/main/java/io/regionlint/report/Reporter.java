package io.regionlint.report;

import io.regionlint.engine.LintResult;
import io.regionlint.graph.GraphWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report stage's entry point: writes a {@link LintResult} in one of the {@link ReportFormat}s.
 * Reporting never changes or re-sorts the result; the engine already sorted it. The writer is
 * flushed, never closed: the caller owns it. A SARIF log that GitHub code scanning would reject
 * (more than 25,000 results, more than 10 MB gzip-compressed) is refused with an
 * {@link IOException} whose message says which limit and what to do; nothing is written then.
 */
public final class Reporter {

    public void write(ReportFormat format, LintResult result, ReportContext context, Writer out)
            throws IOException {
        switch (format) {
            case TEXT -> TextReport.write(result, context, out);
            case JSON -> JsonReport.write(result, context, out);
            case SARIF -> SarifReport.write(result, context, out);
            case MARKDOWN -> MarkdownReport.write(result, context, out);
            case HTML -> GraphWriter.writeReport(result, context.toolVersion(), out);
        }
    }

    /**
     * What the user should know about a report of this format beyond its content, for standard
     * error: a SARIF log above the number of results GitHub code scanning keeps, say.
     */
    public List<String> warnings(ReportFormat format, LintResult result) {
        return format == ReportFormat.SARIF ? SarifReport.warnings(result) : List.of();
    }
}
