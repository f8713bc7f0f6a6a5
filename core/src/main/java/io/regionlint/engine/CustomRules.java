package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A team's own rules for one run: the rule files given with {@code --rules}, those the project
 * file names under {@code rules.files}, and every {@code *.rlr} in a {@code rules/} folder beside
 * the project file. A problem in a rule file is an input error at its line and column; the
 * file's other rules and every other rule still run.
 */
final class CustomRules {

    /** The rule language, found once: the engine does not depend on it. */
    private static final Optional<RuleFileReader> READER = RuleFileReader.find();

    private CustomRules() {
    }

    static RuleRegistry load(RuleRegistry builtIn, List<Path> given, Optional<ProjectFile> project, Path baseDir,
                             List<InputError> errors) {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        given.forEach(f -> files.add(f.toAbsolutePath().normalize()));
        project.ifPresent(p -> {
            p.ruleFiles().forEach(d -> files.add(d.path().toAbsolutePath().normalize()));
            Path folder = p.file().toAbsolutePath().normalize().resolveSibling("rules");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(f -> READER.isPresent() && f.getFileName().toString().endsWith(READER.get().extension())).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    errors.add(InputError.atFile(display(baseDir, folder), "cannot list the rule files: "
                            + e.getMessage()));
                }
            }
        });
        if (files.isEmpty()) {
            return builtIn;
        }
        List<Rule> rules = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        builtIn.all().forEach(d -> ids.add(d.id()));
        for (Path file : files) {
            String display = display(baseDir, file);
            if (READER.isEmpty()) {
                errors.add(InputError.atFile(display, "rule file: the rule language is not on the class path"));
                continue;
            }
            RuleFileReader.Result loaded = READER.get().read(file, display);
            errors.addAll(loaded.problems());
            for (Rule rule : loaded.rules()) {
                RuleMetadata m = rule.metadata().orElseThrow();
                if (!ids.add(m.id())) {
                    errors.add(new InputError(display, line(m), 1, "rule file: rule id " + m.id()
                            + " is already taken by another rule; give this rule an id of its own"));
                    continue;
                }
                rules.add(rule);
            }
        }
        return builtIn.with(rules);
    }

    private static int line(RuleMetadata m) {
        String source = m.source().orElse(":1");
        return Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
    }

    private static String display(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = file.startsWith(base) ? base.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }
}
