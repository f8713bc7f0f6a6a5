package io.regionlint.cli;

import io.regionlint.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which reports to write and when the run fails. {@code --format} and {@code --output} pair up by
 * position: the n-th {@code --output} receives the n-th {@code --format}; a format without an
 * output goes to standard output, and at most one report may go there.
 */
public final class ReportOptions {

    static final String STDOUT = "-";

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormatConverter.class,
            description = "Report format: text, json, sarif or html (default: text); repeatable, the n-th --format "
                    + "is written to the n-th --output.")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where the report of the matching --format goes; '-' or no --output is standard "
                    + "output. Folders are created.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class, defaultValue = "error",
            description = "Exit with 1 when a finding is at or above this severity: error, warning, note or never "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn = FailOn.ERROR;

    @Option(names = {"-q", "--quiet"}, description = "Leave out the summary line of the text report.")
    boolean quiet;

    FailOn failOn() {
        return failOn;
    }

    boolean quiet() {
        return quiet;
    }

    /** The reports to write, checked for clashes before any work is done. */
    List<ReportTarget> targets(Environment environment, CommandLine commandLine) {
        List<ReportFormat> wanted = formats.isEmpty() ? List.of(ReportFormat.TEXT) : formats;
        if (outputs.size() > wanted.size()) {
            throw new ParameterException(commandLine, "--output is given " + outputs.size() + " times but --format "
                    + formats.size() + " times; each --output takes the report of the --format in the same position, "
                    + "e.g. --format sarif --output regionlint.sarif");
        }
        List<ReportTarget> targets = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        int toStdout = 0;
        for (int i = 0; i < wanted.size(); i++) {
            String output = i < outputs.size() ? outputs.get(i) : STDOUT;
            Optional<Path> file = output.equals(STDOUT) ? Optional.empty() : Optional.of(environment.resolve(output));
            if (file.isEmpty()) {
                toStdout++;
            } else {
                if (!files.add(file.get())) {
                    throw new ParameterException(commandLine, "--output " + output + " is given twice; "
                            + "write each report to its own file");
                }
                if (Files.isDirectory(file.get())) {
                    throw new ParameterException(commandLine, "--output " + output + " is a folder; give a file name, "
                            + "e.g. " + output + "/regionlint." + wanted.get(i).name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            targets.add(new ReportTarget(wanted.get(i), file));
        }
        if (toStdout > 1) {
            throw new ParameterException(commandLine, toStdout + " reports would go to standard output; "
                    + "give an --output FILE for each --format but one");
        }
        return targets;
    }
}
