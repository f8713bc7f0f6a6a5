package io.regionlint.cli;

import io.regionlint.config.ProjectFileLoader;
import io.regionlint.engine.LintRequest;
import io.regionlint.load.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The one place a command line becomes a {@link LintRequest}, so that {@code check} and
 * {@code graph} read the same inputs with the same topology and rule options.
 */
final class LintRequests {

    private LintRequests() {
    }

    /** The request for these PATH arguments; a usage error when there is nothing to read. */
    static LintRequest of(List<String> paths, TopologyOptions topology, RuleOptions rules, Environment environment,
                          CommandLine commandLine, String verb) {
        List<Path> inputs = paths.stream().map(environment::resolve).toList();
        Optional<Path> configFile = topology.configFile(environment);
        if (inputs.isEmpty() && configFile.isEmpty() && ProjectFileLoader.find(environment.workingDir()).isEmpty()) {
            throw new ParameterException(commandLine, "nothing to " + verb + ": no PATH given and no "
                    + ProjectFileLoader.FILE_NAME + " in " + environment.workingDir() + " or its parents; "
                    + "give template files or folders, or --config FILE");
        }
        return new LintRequest(inputs, configFile, topology.regions(), topology.parameters(), topology.account(),
                rules.include(), rules.exclude(), rules.severities(), environment.workingDir(), Limits.DEFAULT);
    }
}
