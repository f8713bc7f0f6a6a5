package io.regionlint.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-color}. Colour is used only when standard output is a terminal, and never when
 * {@code --no-color} is given or the {@code NO_COLOR} variable is set (no-color.org).
 */
public final class ColorOption {

    @Option(names = "--no-color", description = "Never colour the output (also: the NO_COLOR environment variable).")
    boolean noColor;

    boolean colorAllowed(Environment environment) {
        return !noColor && environment.stdoutIsTerminal() && !environment.isSet("NO_COLOR");
    }
}
