package io.regionlint.cli;

import io.regionlint.engine.FailThreshold;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.ReportTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which reports to write and when the run fails. {@code --format} and {@code --output} pair up by
 * position: the n-th {@code --output} receives the n-th {@code --format}; a format without an
 * output goes to standard output, and at most one report may go there. Which files may be
 * written is the core's {@link io.regionlint.report.ReportWriter} to decide.
 */
public final class ReportOptions {

    static final String STDOUT = "-";

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormatConverter.class,
            description = "Report format: text, json, sarif, markdown or html (default: text); repeatable, the n-th "
                    + "--format is written to the n-th --output.")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where the report of the matching --format goes; '-' or no --output is standard "
                    + "output. Folders are created; the file is replaced in one step (never half written), and "
                    + "never if it is an input, the project file or inside a cloud assembly.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.class, defaultValue = "error",
            description = "Exit with 1 when a finding is at or above this severity: error, warning, note or never "
                    + "(default: ${DEFAULT-VALUE}).")
    FailThreshold failOn = FailThreshold.ERROR;

    @Option(names = {"-q", "--quiet"}, description = "Leave out the summary line of the text report.")
    boolean quiet;

    /**
     * The reports of a run: at most one on standard output, the others in files.
     *
     * @param stdout the format written to standard output, if any
     */
    record Plan(Optional<ReportFormat> stdout, List<ReportTarget> files) {
    }

    FailThreshold failOn() {
        return failOn;
    }

    boolean quiet() {
        return quiet;
    }

    /** Pairs formats with outputs; a pairing the options cannot express is a usage error. */
    Plan plan(Environment environment, CommandLine commandLine) {
        List<ReportFormat> wanted = formats.isEmpty() ? List.of(ReportFormat.TEXT) : formats;
        if (outputs.size() > wanted.size()) {
            throw new ParameterException(commandLine, "--output is given " + outputs.size() + " times but --format "
                    + formats.size() + " times; each --output takes the report of the --format in the same position, "
                    + "e.g. --format sarif --output regionlint.sarif");
        }
        List<ReportTarget> files = new ArrayList<>();
        List<ReportFormat> toStdout = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String output = i < outputs.size() ? outputs.get(i) : STDOUT;
            if (output.equals(STDOUT)) {
                toStdout.add(wanted.get(i));
            } else {
                files.add(new ReportTarget(wanted.get(i), environment.resolve(output)));
            }
        }
        if (toStdout.size() > 1) {
            throw new ParameterException(commandLine, toStdout.size() + " reports would go to standard output; "
                    + "give an --output FILE for each --format but one");
        }
        return new Plan(toStdout.stream().findFirst(), files);
    }
}
