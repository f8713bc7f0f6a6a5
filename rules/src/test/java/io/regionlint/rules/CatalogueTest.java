package io.regionlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.rules.input.InputUnreadableRule;
import io.regionlint.testing.FixtureHarness;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The new-rule checklist, enforced: every rule class is registered; ids are unique, well formed
 * and in a built-in area; each rule has its Markdown explanation, good and bad fixtures, and a
 * current page in {@code docs/rules/}. It also runs every registered rule's fixtures (found from
 * the registry, so a new rule's fixtures run without editing any test) and checks that each ran.
 */
class CatalogueTest {

    /** Built-in ids: RL + four digits, area 1-8 (RL9xxx is reserved for users' custom rules). */
    private static final Pattern BUILT_IN_ID = Pattern.compile("RL[1-8]\\d{3}");
    private static final String SERVICES = "META-INF/services/" + Rule.class.getName();
    private static final List<String> REQUIRED_SECTIONS = List.of("## Why it matters", "## What it checks",
            "## How to fix");
    private static final String UPDATE_PROPERTY = "regionlint.updateDocs";

    private static final List<RuleDescriptor> REGISTERED = RuleRegistry.load().all();

    @Test
    void everyRuleClassIsRegisteredAndNothingElseIs() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : compiledClasses()) {
            boolean annotated = type.isAnnotationPresent(RuleInfo.class);
            boolean concreteRule = Rule.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers());
            if (concreteRule && !annotated) {
                fail(type.getName() + " implements Rule but has no @RuleInfo");
            }
            if (annotated) {
                assertTrue(Rule.class.isAssignableFrom(type), type.getName() + " has @RuleInfo but is not a Rule");
                declared.add(type.getName());
            }
        }
        Set<String> registered = REGISTERED.stream().map(d -> d.rule().getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unregistered = new TreeSet<>(declared);
        unregistered.removeAll(registered);
        Set<String> foreign = new TreeSet<>(registered);
        foreign.removeAll(declared);
        assertTrue(unregistered.isEmpty(), "rule classes missing from " + SERVICES + ": " + unregistered);
        assertTrue(foreign.isEmpty(), "registered rules that are not classes of the rules module: " + foreign);
        assertTrue(!declared.isEmpty(), "no @RuleInfo classes found under " + classesRoot());
    }

    @Test
    void serviceFileListsOneClassPerLineSortedWithoutRepeats() throws IOException {
        List<String> lines;
        try (InputStream in = InputUnreadableRule.class.getClassLoader().getResourceAsStream(SERVICES)) {
            assertTrue(in != null, SERVICES + " is missing");
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        List<String> sorted = lines.stream().sorted().distinct().toList();
        assertEquals(sorted, lines, SERVICES + " must list each rule class once, in sorted order"
                + " (so that branches adding rules merge cleanly)");
    }

    @Test
    void idsAreUniqueAcrossAllRuleClasses() throws IOException {
        // the registry refuses clashes among registered rules; this also catches an unregistered twin
        Map<String, String> owners = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            RuleInfo info = type.getAnnotation(RuleInfo.class);
            if (info != null) {
                String previous = owners.put(info.id(), type.getName());
                if (previous != null) {
                    clashes.add(info.id() + ": " + previous + " and " + type.getName());
                }
            }
        }
        assertTrue(clashes.isEmpty(), "rule ids used twice: " + clashes);
    }

    /** The fixtures {@link #eachRule()} set out to run, by {@link FixtureHarness#name}. */
    private static final Set<String> SCHEDULED = ConcurrentHashMap.newKeySet();

    /**
     * Per registered rule: its metadata, its explanation, and every one of its fixtures, found
     * from the registry (a rule needs no test class of its own, so none can be left out).
     */
    @TestFactory
    Stream<DynamicContainer> eachRule() {
        return REGISTERED.stream().map(rule -> {
            List<DynamicTest> runs = FixtureHarness.tests(rule.id());
            FixtureHarness.fixtures(rule.id()).forEach(f -> SCHEDULED.add(FixtureHarness.name(rule.id(), f)));
            return DynamicContainer.dynamicContainer(rule.id() + " " + rule.name(), Stream.concat(Stream.of(
                    DynamicTest.dynamicTest("metadata", () -> metadata(rule)),
                    DynamicTest.dynamicTest("explanation", () -> explanation(rule)),
                    DynamicTest.dynamicTest("fixtures", () -> fixtures(rule))), runs.stream()));
        });
    }

    /**
     * Every fixture {@link #eachRule()} scheduled has run (whatever its outcome, which its own test
     * reports). JUnit runs a class's dynamic tests before its {@code @AfterAll}; where a filtered
     * run did not call the factory, nothing was scheduled and nothing is owed.
     */
    @AfterAll
    static void everyScheduledFixtureRan() {
        Set<String> missing = new TreeSet<>(SCHEDULED);
        missing.removeAll(FixtureHarness.executed());
        assertTrue(missing.isEmpty(), "fixtures that never ran: " + missing);
    }

    @Test
    void everyFixtureFolderBelongsToARegisteredRule() {
        Set<String> ids = REGISTERED.stream().map(RuleDescriptor::id).collect(Collectors.toSet());
        List<String> orphans = FixtureHarness.fixtureFolders().stream().filter(f -> !ids.contains(f)).toList();
        assertTrue(orphans.isEmpty(), "fixture folders of no registered rule (they would never run): " + orphans);
    }

    @Test
    void docsAreCurrent() throws IOException {
        Path dir = docsDir();
        Map<String, String> wanted = RuleDocs.render(REGISTERED);
        if (Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY))) {
            List<String> changed = RuleDocs.write(dir, wanted);
            System.out.println(changed.isEmpty() ? "docs/rules is current"
                    : "docs/rules rewritten: " + String.join(", ", changed));
            return;
        }
        List<String> stale = RuleDocs.differences(dir, wanted);
        assertTrue(stale.isEmpty(), "docs/rules is stale: run `mvn -B -pl rules -am test -D" + UPDATE_PROPERTY
                + "=true` (" + String.join(", ", stale) + ")");
    }

    // ---- per rule ---------------------------------------------------------------------------------

    private static void metadata(RuleDescriptor rule) {
        Class<?> type = rule.rule().getClass();
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        assertTrue(BUILT_IN_ID.matcher(info.id()).matches(), type.getName() + ": id " + info.id()
                + " is not RL + 4 digits in a built-in area (RL1xxx-RL8xxx)");
        assertTrue(type.getSimpleName().endsWith("Rule") && type.getSimpleName().length() > 4,
                type.getName() + ": a rule class is named after the problem and ends with Rule");
        assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()),
                type.getName() + " must be public and final");
        assertTrue(type.getPackageName().startsWith("io.regionlint.rules."),
                type.getName() + " must live in a package under io.regionlint.rules");
        assertTrue(!info.summary().isBlank() && !info.summary().contains("\n") && !info.summary().endsWith("."),
                type.getName() + ": the summary is one line without a final full stop");
        assertTrue(info.category().matches("[a-z0-9-]+"), type.getName() + ": category '" + info.category()
                + "' must be lower case");
        assertTrue(info.since().matches("\\d+\\.\\d+\\.\\d+"), type.getName() + ": since '" + info.since()
                + "' must be a version");
    }

    private static void explanation(RuleDescriptor rule) {
        String file = rule.rule().getClass().getName().replace('.', '/') + ".md";
        String markdown = rule.explanation().orElseThrow(() -> new AssertionError(rule.id()
                + " has no explanation: add src/main/resources/" + file));
        String heading = "# " + rule.id() + " " + rule.name();
        String firstLine = markdown.lines().findFirst().orElse("");
        assertEquals(heading, firstLine.strip(), file + " must start with its heading");
        Set<String> lines = markdown.lines().map(String::strip).collect(Collectors.toSet());
        List<String> missing = REQUIRED_SECTIONS.stream().filter(s -> !lines.contains(s)).toList();
        assertTrue(missing.isEmpty(), file + " lacks the sections " + missing);
    }

    private static void fixtures(RuleDescriptor rule) {
        List<String> names = FixtureHarness.fixtures(rule.id()).stream().map(p -> p.getFileName().toString())
                .toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("good-")), rule.id()
                + " needs at least one good-* fixture under src/test/resources/fixtures/" + rule.id() + "/");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("bad-")), rule.id()
                + " needs at least one bad-* fixture under src/test/resources/fixtures/" + rule.id() + "/");
        List<String> stray = FixtureHarness.strayEntries(rule.id());
        assertTrue(stray.isEmpty(), "fixtures/" + rule.id() + "/ holds entries that are neither bad-* nor good-*,"
                + " so they never run: " + stray);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The rules module's compiled main classes (not the test classes). */
    private static Path classesRoot() {
        try {
            return Path.of(InputUnreadableRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> compiledClasses() throws IOException {
        Path root = classesRoot();
        assertTrue(Files.isDirectory(root), "expected the compiled classes in a folder, found " + root);
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                try {
                    out.add(Class.forName(name, false, CatalogueTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot load compiled class " + name, e);
                }
            }
        }
        return out;
    }

    /** {@code docs/rules} at the repository root; tests run in the module folder {@code rules/}. */
    private static Path docsDir() {
        return Path.of(System.getProperty("basedir", ".")).resolve("../docs/rules").normalize();
    }
}
