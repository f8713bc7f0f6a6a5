package io.regionlint.cli;

import io.regionlint.report.ReportFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One report to write: a format and where it goes.
 *
 * @param file the output file; empty for standard output
 */
record ReportTarget(ReportFormat format, Optional<Path> file) {

    boolean toStdout() {
        return file.isEmpty();
    }

    String describe() {
        return format.name().toLowerCase(java.util.Locale.ROOT) + " report " + file.map(f -> "to " + f)
                .orElse("to standard output");
    }
}
