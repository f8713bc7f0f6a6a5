package io.regionlint.cli;

import io.regionlint.report.ReportContext;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception nobody caught is a bug in regionlint: one line saying so and asking for a report,
 * exit code 4. The stack trace only with {@code --debug} or {@code REGIONLINT_DEBUG=1}, so that
 * CI logs stay clean.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {

    static final String ISSUES = "https://github.com/regionlint/regionlint/issues";

    private final Environment environment;

    InternalErrorHandler(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(ex, commandLine, environment.debug() || DebugOption.requested(parseResult));
    }

    static int report(Throwable ex, CommandLine commandLine, boolean debug) {
        PrintWriter err = commandLine.getErr();
        String message = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getName()
                : ex.getMessage();
        err.println("regionlint: internal error: " + message);
        err.println("This is a bug in regionlint " + ReportContext.currentVersion() + "; please report it at " + ISSUES
                + " with the command you ran and, if you can, the input that triggers it.");
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println("Run again with --debug (or REGIONLINT_DEBUG=1) to see the stack trace.");
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }
}
