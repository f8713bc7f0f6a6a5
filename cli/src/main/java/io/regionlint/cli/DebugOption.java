package io.regionlint.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code --debug}: show the stack trace of an internal error (CI logs stay clean without it). */
public final class DebugOption {

    static final String NAME = "--debug";

    @Option(names = NAME, description = "On an internal error, print the stack trace (or set REGIONLINT_DEBUG=1).")
    boolean debug;

    /** Whether {@code --debug} was given to the command or any of its parents. */
    static boolean requested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
