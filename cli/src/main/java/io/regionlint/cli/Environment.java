package io.regionlint.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from the process around it, gathered in one place so that tests can run
 * commands in-process with a chosen working directory, variables and terminal.
 *
 * @param variables environment variables ({@code NO_COLOR}, {@code REGIONLINT_DEBUG})
 * @param workingDir the folder relative paths and reported paths start from
 * @param stdoutIsTerminal whether standard output is an interactive terminal (colour allowed)
 */
public record Environment(Map<String, String> variables, Path workingDir, boolean stdoutIsTerminal) {

    public Environment {
        variables = Map.copyOf(variables);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The real process: its variables, its working directory, and its console. */
    public static Environment system() {
        return new Environment(System.getenv(), Path.of(""), System.console() != null);
    }

    /** True when the variable is set to a non-empty value (the convention of no-color.org). */
    boolean isSet(String name) {
        String value = variables.get(name);
        return value != null && !value.isEmpty();
    }

    /** True when the user asked for stack traces of internal errors ({@code REGIONLINT_DEBUG=1}). */
    boolean debug() {
        String value = variables.get("REGIONLINT_DEBUG");
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}
