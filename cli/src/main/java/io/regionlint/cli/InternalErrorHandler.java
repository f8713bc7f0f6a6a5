package io.regionlint.cli;

import io.regionlint.report.ReportContext;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception nobody caught is a bug in regionlint: one line saying so and asking for a report,
 * exit code 4. Out of memory is told apart: it says how to give Java more heap instead. The stack trace only with {@code --debug} or {@code REGIONLINT_DEBUG=1}, so that
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
        if (outOfMemory(ex)) {
            return reportOutOfMemory(ex, err, debug);
        }
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

    /** Out of memory anywhere in the chain (a parallel stage may rethrow it wrapped). */
    static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Out of memory is not a bug to report but an input larger than the heap Java was given:
     * say so, with how to give more. Still exit code 4, since nothing was linted; the
     * message makes the cause plain. The heap in use is gone by now (the stack unwound), so
     * printing is safe.
     */
    private static int reportOutOfMemory(Throwable ex, PrintWriter err, boolean debug) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggestGb = Math.max(2, (2 * maxMb + 1023) / 1024);
        err.println("regionlint: out of memory: the inputs need more than the " + maxMb + " MB of heap Java "
                + "allowed this run; no report was written.");
        err.println("Give Java more memory: JAVA_OPTS=-Xmx" + suggestGb + "g ./regionlint check ... (the launcher "
                + "passes JAVA_OPTS to Java), or java -Xmx" + suggestGb + "g -jar regionlint.jar check ...; "
                + "or lint fewer inputs per run.");
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }
}
