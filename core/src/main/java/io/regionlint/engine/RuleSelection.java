package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which rules run, at which severity, with which options: the project file first, then the
 * command line. Where settings name overlapping prefixes, the longest prefix wins.
 */
final class RuleSelection {

    private final LintRequest request;
    private final Map<String, ProjectFile.RuleSetting> settings;

    RuleSelection(LintRequest request, Optional<ProjectFile> project) {
        this.request = request;
        this.settings = project.map(ProjectFile::rules).orElse(Map.of());
    }

    /**
     * The project file's {@code rules:} keys that match no registered rule, as input errors at
     * the key: checked by {@link RuleIds} like the front ends' ids, so a typo there is never
     * ignored in silence.
     */
    List<InputError> unknownProjectRules(RuleRegistry registry) {
        List<InputError> errors = new ArrayList<>();
        for (ProjectFile.RuleSetting setting : settings.values()) {
            RuleIds.problem(setting.idOrPrefix(), registry).ifPresent(problem -> setting.declaredAt().ifPresent(at ->
                    errors.add(InputError.at(at, "project file: rules: " + problem
                            + " (run 'regionlint rules' to list the rules)"))));
        }
        return errors;
    }

    /**
     * The project file's rule options that no matching rule declares, or whose value is not of
     * the declared type, as input errors at the rule's key: a misspelt option would otherwise
     * leave the default in force without a word.
     */
    List<InputError> badOptions(RuleRegistry registry) {
        List<InputError> errors = new ArrayList<>();
        for (ProjectFile.RuleSetting setting : settings.values()) {
            if (setting.options().isEmpty() || setting.declaredAt().isEmpty()) {
                continue;
            }
            String prefix = setting.idOrPrefix().trim().toUpperCase(Locale.ROOT);
            List<RuleDescriptor> matching = registry.all().stream().filter(r -> r.id().startsWith(prefix)).toList();
            if (matching.isEmpty()) {
                continue; // unknownProjectRules reports the id
            }
            setting.options().forEach((name, value) -> {
                List<RuleOption> declared = matching.stream().flatMap(r -> r.options().stream())
                        .filter(o -> o.name().equals(name)).toList();
                String problem;
                if (declared.isEmpty()) {
                    List<String> known = matching.stream().flatMap(r -> r.options().stream()).map(RuleOption::name)
                            .distinct().sorted().toList();
                    problem = "'" + name + "' is not an option of " + setting.idOrPrefix() + (known.isEmpty()
                            ? ", which has none" : " (options: " + String.join(", ", known) + ")");
                } else {
                    problem = declared.stream().filter(o -> o.parse(value).isEmpty()).findFirst()
                            .map(o -> "option " + name + " of " + setting.idOrPrefix() + " is " + o.expected()
                                    + ", not '" + value + "'; the default, " + o.defaultValue() + ", stays in force")
                            .orElse(null);
                }
                if (problem != null) {
                    errors.add(InputError.at(setting.declaredAt().get(), "project file: rules: " + problem));
                }
            });
        }
        return errors;
    }

    boolean enabled(RuleDescriptor rule) {
        if (!request.includeRules().isEmpty() && longest(request.includeRules(), rule.id()).isEmpty()) {
            return false;
        }
        if (longest(request.excludeRules(), rule.id()).isPresent()) {
            return false;
        }
        if (requestLevel(rule).filter(RuleLevel.OFF::equals).isPresent()) {
            return false;
        }
        // a rule named on the command line runs even where the project file turns it off
        if (longest(request.includeRules(), rule.id()).isPresent()) {
            return true;
        }
        return setting(rule).map(ProjectFile.RuleSetting::enabled).orElse(true);
    }

    Severity severity(RuleDescriptor rule) {
        return configuredSeverity(rule).orElse(rule.severity());
    }

    /** The severity the command line or the project file sets for the rule, if either does. */
    Optional<Severity> configuredSeverity(RuleDescriptor rule) {
        Optional<Severity> given = requestLevel(rule).flatMap(RuleLevel::severity);
        if (given.isPresent()) {
            return given;
        }
        return setting(rule).flatMap(ProjectFile.RuleSetting::severity).flatMap(Severity::parse);
    }

    Map<String, Object> options(RuleDescriptor rule) {
        return setting(rule).map(ProjectFile.RuleSetting::options).orElse(Map.of());
    }

    private Optional<RuleLevel> requestLevel(RuleDescriptor rule) {
        return longest(List.copyOf(request.severities().keySet()), rule.id()).map(request.severities()::get);
    }

    private Optional<ProjectFile.RuleSetting> setting(RuleDescriptor rule) {
        return longest(List.copyOf(settings.keySet()), rule.id()).map(settings::get);
    }

    private static Optional<String> longest(List<String> prefixes, String id) {
        return prefixes.stream().filter(p -> id.startsWith(p.trim().toUpperCase(java.util.Locale.ROOT)))
                .max(java.util.Comparator.comparingInt(String::length));
    }
}
