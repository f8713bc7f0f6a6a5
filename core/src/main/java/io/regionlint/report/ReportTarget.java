package io.regionlint.report;

import java.nio.file.Path;

/**
 * One report file to write: a format and where it goes (standard output is the front end's).
 *
 * @param file the report file; resolved against the working directory by the front end
 */
public record ReportTarget(ReportFormat format, Path file) {

    public ReportTarget {
        file = file.toAbsolutePath().normalize();
    }

    /** "the sarif report to /x/regionlint.sarif", for messages. */
    public String describe() {
        return "the " + format.label() + " report to " + file;
    }
}
