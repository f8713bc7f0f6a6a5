package io.regionlint.engine;

import io.regionlint.load.Limits;
import io.regionlint.model.Regions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the linter, as the CLI and the Maven plugin build it. Immutable. Front ends build it
 * with {@link #builder}, which validates every value against the rule registry in one place, so
 * the command line and the plugin accept and refuse the same things with the same words.
 *
 * @param inputs template files, folders, or project files; empty means "the project file found
 *     from the base directory upwards"
 * @param regions Regions to deploy every plain template to (all active), from {@code --regions}
 * @param parameters parameter values for every stack, overriding the project file
 * @param includeRules rule ids or prefixes to run (empty: all), upper case
 * @param excludeRules rule ids or prefixes not to run, upper case
 * @param severities level overrides by id or prefix (upper case), applied after the project
 *     file's; {@link RuleLevel#OFF} turns rules off
 * @param baseDir the folder reported paths are relative to
 * @param baseline the baseline file to compare with ({@code --baseline}); empty: the project
 *     file's {@code baseline:}, if any
 * @param deployed AWS Config snapshot files and folders ({@code --deployed}, {@code <deployed>}):
 *     deployed state linted in the same topology as the templates
 * @param projectBaseline false to ignore the project file's {@code baseline:} (when the baseline
 *     itself is being written)
 */
public record LintRequest(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                          Map<String, String> parameters, Optional<String> account, List<String> includeRules,
                          List<String> excludeRules, Map<String, RuleLevel> severities, Path baseDir, Limits limits,
                          Optional<Path> baseline, boolean projectBaseline, List<Path> deployed) {

    public LintRequest {
        deployed = List.copyOf(deployed);
        inputs = List.copyOf(inputs);
        regions = List.copyOf(regions);
        parameters = Map.copyOf(parameters);
        includeRules = List.copyOf(includeRules);
        excludeRules = List.copyOf(excludeRules);
        severities = Map.copyOf(severities);
    }

    /** A request without deployed state given by the front end. */
    public LintRequest(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                       Map<String, String> parameters, Optional<String> account, List<String> includeRules,
                       List<String> excludeRules, Map<String, RuleLevel> severities, Path baseDir, Limits limits,
                       Optional<Path> baseline, boolean projectBaseline) {
        this(inputs, configFile, regions, parameters, account, includeRules, excludeRules, severities, baseDir, limits,
                baseline, projectBaseline, List.of());
    }

    /** A request that compares with the project file's baseline, if it names one. */
    public LintRequest(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                       Map<String, String> parameters, Optional<String> account, List<String> includeRules,
                       List<String> excludeRules, Map<String, RuleLevel> severities, Path baseDir, Limits limits) {
        this(inputs, configFile, regions, parameters, account, includeRules, excludeRules, severities, baseDir, limits,
                Optional.empty(), true);
    }

    /** Compares with this baseline file, or with none at all ({@code file} empty, {@code project} false). */
    public LintRequest withBaseline(Optional<Path> file, boolean project) {
        return new LintRequest(inputs, configFile, regions, parameters, account, includeRules, excludeRules,
                severities, baseDir, limits, file, project, deployed);
    }

    /** A request for the given inputs with every default. */
    public static LintRequest of(List<Path> inputs, Path baseDir) {
        return new LintRequest(inputs, Optional.empty(), List.of(), Map.of(), Optional.empty(), List.of(), List.of(),
                Map.of(), baseDir, Limits.DEFAULT);
    }

    /** A builder whose reported paths are relative to {@code baseDir}. */
    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    public LintRequest withRegions(List<String> newRegions) {
        return new LintRequest(inputs, configFile, newRegions, parameters, account, includeRules, excludeRules,
                severities, baseDir, limits, baseline, projectBaseline, deployed);
    }

    public LintRequest withRules(List<String> include, List<String> exclude) {
        return new LintRequest(inputs, configFile, regions, parameters, account, include, exclude, severities,
                baseDir, limits, baseline, projectBaseline, deployed);
    }

    public LintRequest withParameters(Map<String, String> newParameters, Optional<String> newAccount) {
        return new LintRequest(inputs, configFile, regions, newParameters, newAccount, includeRules, excludeRules,
                severities, baseDir, limits, baseline, projectBaseline, deployed);
    }

    public LintRequest withConfig(Optional<Path> newConfigFile, Map<String, RuleLevel> newSeverities) {
        return new LintRequest(inputs, newConfigFile, regions, parameters, account, includeRules, excludeRules,
                newSeverities, baseDir, limits, baseline, projectBaseline, deployed);
    }

    /** The same request with deployed state (AWS Config snapshot files and folders). */
    public LintRequest withDeployed(List<Path> paths) {
        return new LintRequest(inputs, configFile, regions, parameters, account, includeRules, excludeRules,
                severities, baseDir, limits, baseline, projectBaseline, paths);
    }

    /** Which part of a request a {@link Problem} is about; front ends name it their own way. */
    public enum Field {
        /** Rule ids or prefixes to run ({@code --rule}, {@code <rules>}). */
        RULES,
        /** Rule ids or prefixes not to run ({@code --skip-rule}, {@code <skipRules>}). */
        SKIP_RULES,
        /** Level overrides ({@code --severity}, {@code <severities>}). */
        SEVERITIES,
        /** Region codes ({@code --regions}, {@code <regions>}). */
        REGIONS,
        /** The account id ({@code --account}, {@code <account>}). */
        ACCOUNT
    }

    /**
     * One thing wrong with a request.
     *
     * @param value the value as the user gave it
     * @param message what is wrong, without the option's name (the front end adds it)
     */
    public record Problem(Field field, String value, String message) {
    }

    /** Thrown by {@link Builder#build} with every problem of the request, in the order given. */
    public static final class InvalidRequestException extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        InvalidRequestException(List<Problem> problems) {
            super(problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * Collects a request as the user spelled it (ids and levels in any case) and validates it as a
     * whole: rule ids and prefixes must each match a registered rule, levels must be one of
     * {@link RuleLevel#CHOICES}, Regions must be Region codes and the account 12 digits.
     */
    public static final class Builder {

        private final Path baseDir;
        private final List<Path> inputs = new ArrayList<>();
        private Optional<Path> configFile = Optional.empty();
        private final List<String> regions = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Optional<String> account = Optional.empty();
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private final Map<String, String> levels = new LinkedHashMap<>();
        private Limits limits = Limits.DEFAULT;
        private Optional<Path> baseline = Optional.empty();
        private boolean projectBaseline = true;
        private boolean allowUnknownRegions;
        private final List<Path> deployed = new ArrayList<>();

        private Builder(Path baseDir) {
            this.baseDir = baseDir;
        }

        public Builder inputs(List<Path> paths) {
            inputs.addAll(paths);
            return this;
        }

        public Builder configFile(Optional<Path> file) {
            configFile = file;
            return this;
        }

        public Builder regions(List<String> codes) {
            regions.addAll(codes);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        public Builder account(Optional<String> id) {
            account = id;
            return this;
        }

        /** Run only these rules (ids or prefixes). */
        public Builder rules(List<String> idsOrPrefixes) {
            include.addAll(idsOrPrefixes);
            return this;
        }

        /** Do not run these rules (ids or prefixes). */
        public Builder skipRules(List<String> idsOrPrefixes) {
            exclude.addAll(idsOrPrefixes);
            return this;
        }

        /** Level overrides, id or prefix to a level word ({@code error}, {@code warning}, {@code note}, {@code off}). */
        public Builder severities(Map<String, String> idToLevel) {
            levels.putAll(idToLevel);
            return this;
        }

        /** Compare with this baseline file instead of the project file's {@code baseline:}. */
        public Builder baseline(Optional<Path> file) {
            baseline = file;
            return this;
        }

        /** False to ignore the project file's {@code baseline:} (when the baseline itself is written). */
        public Builder projectBaseline(boolean use) {
            projectBaseline = use;
            return this;
        }

        /** Accept Region codes newer than regionlint's list (they must still look like Region codes). */
        public Builder allowUnknownRegions(boolean allow) {
            allowUnknownRegions = allow;
            return this;
        }

        /** AWS Config snapshot files and folders to lint as deployed state ({@code --deployed}). */
        public Builder deployed(List<Path> paths) {
            deployed.addAll(paths);
            return this;
        }

        public Builder limits(Limits newLimits) {
            limits = newLimits;
            return this;
        }

        /** The request, or every problem with it at once. */
        public LintRequest build(RuleRegistry registry) throws InvalidRequestException {
            List<Problem> problems = new ArrayList<>();
            List<String> includeIds = ids(Field.RULES, include, registry, problems);
            List<String> excludeIds = ids(Field.SKIP_RULES, exclude, registry, problems);
            Map<String, RuleLevel> parsedLevels = new LinkedHashMap<>();
            levels.forEach((id, level) -> {
                Optional<String> idProblem = RuleIds.problem(id, registry);
                idProblem.ifPresent(p -> problems.add(new Problem(Field.SEVERITIES, id, p)));
                Optional<RuleLevel> parsed = RuleLevel.parse(level);
                if (parsed.isEmpty()) {
                    problems.add(new Problem(Field.SEVERITIES, level, "'" + level + "' is not a level for "
                            + id + " (expected one of: " + RuleLevel.CHOICES + ")"));
                }
                if (idProblem.isEmpty() && parsed.isPresent()) {
                    parsedLevels.put(RuleIds.normalize(id), parsed.get());
                }
            });
            LinkedHashSet<String> codes = new LinkedHashSet<>();
            for (String region : regions) {
                String code = region.trim().toLowerCase(Locale.ROOT);
                if (Regions.isRegionCode(code) && (allowUnknownRegions || Regions.isKnown(code))) {
                    codes.add(code);
                } else if (Regions.isRegionCode(code)) {
                    problems.add(new Problem(Field.REGIONS, region, Regions.unknownMessage(code)));
                } else {
                    problems.add(new Problem(Field.REGIONS, region, "'" + region
                            + "' is not an AWS Region code (expected e.g. us-east-1)"));
                }
            }
            Optional<String> accountId = account.map(String::trim);
            if (accountId.isPresent() && !accountId.get().matches("\\d{12}")) {
                problems.add(new Problem(Field.ACCOUNT, account.get(), "'" + account.get()
                        + "' is not an AWS account id (expected 12 digits)"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return new LintRequest(inputs, configFile, List.copyOf(codes), parameters, accountId, includeIds,
                    excludeIds, parsedLevels, baseDir, limits, baseline, projectBaseline, deployed);
        }

        private static List<String> ids(Field field, List<String> given, RuleRegistry registry,
                                        List<Problem> problems) {
            List<String> ids = new ArrayList<>();
            for (String id : given) {
                Optional<String> problem = RuleIds.problem(id, registry);
                if (problem.isPresent()) {
                    problems.add(new Problem(field, id, problem.get()));
                } else {
                    ids.add(RuleIds.normalize(id));
                }
            }
            return ids;
        }
    }
}
