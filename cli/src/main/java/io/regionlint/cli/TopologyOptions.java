package io.regionlint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where templates are deployed: a project file, or, for quick use without one, Regions,
 * parameter values and an account given on the command line.
 */
public final class TopologyOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The project file (default: .regionlint.yaml in the working directory or its parents, "
                    + "when no PATH is given).")
    String config;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", converter = RegionConverter.class,
            description = "Deploy every template given as PATH, and every environment-agnostic CDK stack, to "
                    + "each of these Regions, all active (e.g. us-east-1,eu-west-1).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--parameter", paramLabel = "KEY=VALUE",
            description = "A template parameter value for every stack (repeatable); overrides the project file.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--account", paramLabel = "ID", converter = AccountConverter.class,
            description = "The AWS account id (12 digits) the stacks are deployed to.")
    String account;

    Optional<Path> configFile(Environment environment) {
        return Optional.ofNullable(config).map(environment::resolve);
    }

    /** The Regions in the order given, each once. */
    List<String> regions() {
        return List.copyOf(new LinkedHashSet<>(regions));
    }

    Map<String, String> parameters() {
        return parameters;
    }

    Optional<String> account() {
        return Optional.ofNullable(account);
    }
}
