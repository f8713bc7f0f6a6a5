package io.regionlint.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --baseline FILE}: report only findings that are not in the baseline as failing. */
public final class BaselineOption {

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare with this baseline (written by 'regionlint baseline'): findings in it are reported"
                    + " as baselined and never fail the run; findings fixed since are listed. Default: the project"
                    + " file's 'baseline:', if any.")
    String baseline;

    Optional<Path> file(Environment environment) {
        return Optional.ofNullable(baseline).map(environment::resolve);
    }
}
