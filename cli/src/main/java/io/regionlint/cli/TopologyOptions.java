package io.regionlint.cli;

import io.regionlint.config.ProjectFileLoader;
import io.regionlint.engine.LintRequest;
import io.regionlint.model.Regions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where templates are deployed: a project file, or, for quick use without one, Regions,
 * parameter values and an account given on the command line.
 */
public final class TopologyOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The project file (default: .regionlint.yaml in the working directory or its parents, "
                    + "when no PATH is given).")
    String config;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", converter = RegionConverter.class,
            description = "Deploy every template given as PATH, and every environment-agnostic CDK stack, to "
                    + "each of these Regions, all active (e.g. us-east-1,eu-west-1). With a project file, its "
                    + "stacks keep their own Regions, and these are added to its Regions as active unless it "
                    + "gives them a role.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--allow-unknown-regions",
            description = "Accept Region codes that regionlint's list of AWS Regions does not know yet (a Region "
                    + "opened after this version was released); without it such a code is a usage error.")
    boolean allowUnknownRegions;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE",
            description = "A template parameter value for every stack (repeatable); overrides the project file.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--account", paramLabel = "ID", converter = AccountConverter.class,
            description = "The AWS account id (12 digits) the stacks are deployed to.")
    String account;

    @Option(names = "--deployed", paramLabel = "PATH",
            description = "An AWS Config snapshot file or a folder of them (*.json, *.json.gz; repeatable): the "
                    + "deployed state, linted in the same topology as the templates given (or alone).")
    List<String> deployed = new ArrayList<>();

    Optional<Path> configFile(Environment environment) {
        return Optional.ofNullable(config).map(environment::resolve);
    }

    /**
     * The Regions in the order given, each once. A code the list of AWS Regions does not know is a
     * usage error with the nearest known codes, unless {@code --allow-unknown-regions}: a typo
     * would otherwise deploy every template to a Region that does not exist.
     */
    List<String> regions() {
        if (!allowUnknownRegions) {
            for (String region : regions) {
                if (!Regions.isKnown(region)) {
                    throw new ParameterException(mixee.commandLine(), "--regions: " + Regions.unknownMessage(region)
                            + " (for a Region newer than regionlint's list of " + Regions.verified()
                            + ", add --allow-unknown-regions)");
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(regions));
    }

    Map<String, String> parameters() {
        return parameters;
    }

    Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /**
     * A request builder for the paths given and these options; a usage error when there is
     * nothing to lint at all (no path, no --config, no project file found upwards).
     */
    LintRequest.Builder requestFor(List<String> paths, Environment environment) {
        List<Path> inputs = paths.stream().map(environment::resolve).toList();
        Optional<Path> configFile = configFile(environment);
        List<Path> snapshots = deployed.stream().map(environment::resolve).toList();
        if (inputs.isEmpty() && configFile.isEmpty() && snapshots.isEmpty() && ProjectFileLoader.find(environment.workingDir()).isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "nothing to lint: no PATH given and no "
                    + ProjectFileLoader.FILE_NAME + " in " + environment.workingDir() + " or its parents; "
                    + "give template files or folders, --deployed SNAPSHOT, or --config FILE");
        }
        return LintRequest.builder(environment.workingDir()).inputs(inputs).configFile(configFile)
                .regions(regions()).parameters(parameters()).account(account())
                .allowUnknownRegions(allowUnknownRegions).deployed(snapshots);
    }
}
