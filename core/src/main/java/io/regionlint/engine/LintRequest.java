package io.regionlint.engine;

import io.regionlint.load.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the linter, as the CLI and the Maven plugin build it. Immutable.
 *
 * @param inputs template files, folders, or project files; empty means "the project file found
 *     from the base directory upwards"
 * @param regions Regions to deploy every plain template to (all active), from {@code --regions}
 * @param parameters parameter values for every stack, overriding the project file
 * @param includeRules rule ids or prefixes to run (empty: all)
 * @param excludeRules rule ids or prefixes not to run
 * @param severities severity overrides by id or prefix, applied after the project file's
 * @param baseDir the folder reported paths are relative to
 * @param baseline the baseline file to compare with ({@code --baseline}); empty: the project
 *     file's {@code baseline:}, if any
 * @param projectBaseline false to ignore the project file's {@code baseline:} (when the baseline
 *     itself is being written)
 */
public record LintRequest(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                          Map<String, String> parameters, Optional<String> account, List<String> includeRules,
                          List<String> excludeRules, Map<String, Severity> severities, Path baseDir, Limits limits,
                          Optional<Path> baseline, boolean projectBaseline) {

    public LintRequest {
        inputs = List.copyOf(inputs);
        regions = List.copyOf(regions);
        parameters = Map.copyOf(parameters);
        includeRules = List.copyOf(includeRules);
        excludeRules = List.copyOf(excludeRules);
        severities = Map.copyOf(severities);
    }

    /** A request that compares with the project file's baseline, if it names one. */
    public LintRequest(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                       Map<String, String> parameters, Optional<String> account, List<String> includeRules,
                       List<String> excludeRules, Map<String, Severity> severities, Path baseDir, Limits limits) {
        this(inputs, configFile, regions, parameters, account, includeRules, excludeRules, severities, baseDir, limits,
                Optional.empty(), true);
    }

    /** Compares with this baseline file, or with none at all ({@code file} empty, {@code project} false). */
    public LintRequest withBaseline(Optional<Path> file, boolean project) {
        return new LintRequest(inputs, configFile, regions, parameters, account, includeRules, excludeRules,
                severities, baseDir, limits, file, project);
    }

    /** A request for the given inputs with every default. */
    public static LintRequest of(List<Path> inputs, Path baseDir) {
        return new LintRequest(inputs, Optional.empty(), List.of(), Map.of(), Optional.empty(), List.of(), List.of(),
                Map.of(), baseDir, Limits.DEFAULT);
    }

    public LintRequest withRegions(List<String> newRegions) {
        return new LintRequest(inputs, configFile, newRegions, parameters, account, includeRules, excludeRules,
                severities, baseDir, limits, baseline, projectBaseline);
    }

    public LintRequest withRules(List<String> include, List<String> exclude) {
        return new LintRequest(inputs, configFile, regions, parameters, account, include, exclude, severities,
                baseDir, limits, baseline, projectBaseline);
    }

    public LintRequest withParameters(Map<String, String> newParameters, Optional<String> newAccount) {
        return new LintRequest(inputs, configFile, regions, newParameters, newAccount, includeRules, excludeRules,
                severities, baseDir, limits, baseline, projectBaseline);
    }

    public LintRequest withConfig(Optional<Path> newConfigFile, Map<String, Severity> newSeverities) {
        return new LintRequest(inputs, newConfigFile, regions, parameters, account, includeRules, excludeRules,
                newSeverities, baseDir, limits, baseline, projectBaseline);
    }
}
