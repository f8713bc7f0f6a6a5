package io.regionlint.cli;

import io.regionlint.engine.FailThreshold;
import io.regionlint.engine.LintResult;
import io.regionlint.load.InputError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes, a contract for scripts and CI. Every command's {@code --help} lists
 * them from here, so the documentation cannot drift from the code.
 */
public enum ExitCode {
    /** No finding at or above the {@code --fail-on} threshold (and every input was read). */
    OK(0, "No finding at or above the --fail-on threshold."),
    /** At least one unsuppressed finding at or above the {@code --fail-on} threshold. */
    FINDINGS(1, "Findings at or above the --fail-on threshold."),
    /**
     * The command line was wrong (unknown option, bad value, rule id that matches no rule, nothing
     * to check, a path that holds no template), or a report file could not be written or was
     * refused (it is an input, the project file, or inside a cloud assembly).
     */
    USAGE(2, "Usage error: bad option, value or rule id, a path with nothing to lint, or a report file that"
            + " cannot or may not be written."),
    /**
     * An input could not be read or parsed. The other inputs were still linted and reported; this
     * code takes precedence over {@link #FINDINGS}.
     */
    INPUT_ERROR(3, "An input could not be read or parsed (the others were still linted and reported)."),
    /**
     * A bug in regionlint (an uncaught exception), or out of memory: the message tells them apart
     * and, for memory, says how to give Java more heap.
     */
    INTERNAL_ERROR(4, "Internal error in regionlint (please report it), or out of memory (the message says how "
            + "to give Java more: JAVA_OPTS=-Xmx4g)."),
    /**
     * Only the {@code ./regionlint} launcher script returns it: the jar was missing and building it
     * with Maven failed (no network for the first build, no Maven, a broken checkout). The
     * command itself never does.
     */
    BUILD_FAILED(5, "The ./regionlint launcher could not build the jar with Maven (first use without network?).");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /**
     * The exit code of a lint run: input errors first (an input that could not be read before a
     * path that held nothing to lint), then findings at or above the threshold (none for
     * {@code --fail-on never}).
     */
    public static ExitCode of(LintResult result, FailThreshold threshold) {
        if (result.errors().stream().anyMatch(e -> e.kind() == InputError.Kind.UNREADABLE)) {
            return INPUT_ERROR;
        }
        if (!result.errors().isEmpty()) {
            return USAGE; // every error says a path given held nothing to lint
        }
        if (threshold.failedBy(result)) {
            return FINDINGS;
        }
        return OK;
    }

    /** The table shown under "Exit codes:" in every command's help. */
    static Map<String, String> helpTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode e : values()) {
            table.put(Integer.toString(e.code), e.description);
        }
        return table;
    }
}
