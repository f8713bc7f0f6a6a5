package io.regionlint.cli;

import io.regionlint.model.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error: the problem and a pointer to {@code --help} on standard error, exit code 2. The
 * full usage text is not repeated: in a CI log the one line that says what is wrong matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("regionlint: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            suggestOption(ex, err);
        }
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** picocli's suggestions miss transpositions such as --fromat; edit distance finds them. */
    private static void suggestOption(ParameterException ex, PrintWriter err) {
        if (!(ex instanceof UnmatchedArgumentException unmatched)) {
            return;
        }
        List<String> names = new ArrayList<>();
        ex.getCommandLine().getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        for (String arg : unmatched.getUnmatched()) {
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> near = option.startsWith("--") ? Suggestions.near(option, names) : List.of();
            if (!near.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", near) + "?");
                return;
            }
        }
    }
}
