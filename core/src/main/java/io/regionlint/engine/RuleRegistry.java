package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.config.ProjectFileLoader;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/** Every rule on the class path (found with {@link ServiceLoader}), in id order. */
public final class RuleRegistry {

    private final Map<String, RuleDescriptor> byId = new LinkedHashMap<>();

    public RuleRegistry(List<Rule> rules) {
        List<RuleDescriptor> descriptors = new ArrayList<>();
        for (Rule rule : rules) {
            descriptors.add(new RuleDescriptor(rule));
        }
        descriptors.sort(Comparator.comparing(RuleDescriptor::id));
        for (RuleDescriptor d : descriptors) {
            RuleDescriptor clash = byId.put(d.id(), d);
            if (clash != null) {
                throw new IllegalStateException("rule id " + d.id() + " is used by both "
                        + clash.rule().getClass().getName() + " and " + d.rule().getClass().getName());
            }
        }
    }

    /** The rules registered through {@code META-INF/services/io.regionlint.engine.Rule}. */
    public static RuleRegistry load() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, RuleRegistry.class.getClassLoader()).forEach(rules::add);
        return new RuleRegistry(rules);
    }

    /** The registry of the rules {@code keep} accepts (a command that runs one family of rules). */
    public RuleRegistry only(Predicate<RuleDescriptor> keep) {
        return new RuleRegistry(byId.values().stream().filter(keep).map(RuleDescriptor::rule).toList());
    }

    /**
     * This registry with more rules (a team's own, read from rule files). A rule whose id a rule
     * of this registry already has is not added: the caller reports it where it was declared.
     */
    public RuleRegistry with(List<Rule> more) {
        List<Rule> rules = new ArrayList<>(byId.values().stream().map(RuleDescriptor::rule).toList());
        for (Rule r : more) {
            if (r.metadata().map(m -> !byId.containsKey(m.id())).orElse(false)) {
                rules.add(r);
            }
        }
        return new RuleRegistry(rules);
    }

    /**
     * This registry with a team's rules: those in {@code files} and, where {@code start} has a
     * project file at or above it, those its {@code rules.files} name or its {@code rules/}
     * folder holds. Problems (a rule file that cannot be read, a rule that does not parse, a
     * project file in error) are added to {@code problems}; the rules that could be read are kept.
     */
    public RuleRegistry withRuleFiles(List<Path> files, Path start, List<InputError> problems) {
        Optional<Path> file = ProjectFileLoader.find(start);
        Optional<ProjectFile> project = Optional.empty();
        if (file.isPresent()) {
            ProjectFileLoader.Result loaded = ProjectFileLoader.load(file.get(), file.get().toString(),
                    new DocumentLoader());
            problems.addAll(loaded.errors());
            project = loaded.project();
        }
        return CustomRules.load(this, files, project, start, problems);
    }

    public List<RuleDescriptor> all() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleDescriptor> byId(String id) {
        return Optional.ofNullable(byId.get(id.toUpperCase(Locale.ROOT)));
    }
}
