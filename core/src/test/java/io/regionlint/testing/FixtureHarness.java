package io.regionlint.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs rule fixtures whose expectations sit inside them (the Checkstyle and Error Prone way).
 *
 * <p>Fixtures live on the test class path under {@code fixtures/<RULE-ID>/}: {@code bad-*} and
 * {@code good-*} templates, or folders holding a {@code .regionlint.yaml} and templates. A
 * single template starts with a header comment
 * {@code # regionlint-test: regions=us-east-1,eu-west-1 account=111122223333 parameters=K=V;K2=V2}
 * (a folder's {@code .regionlint.yaml} may carry the same header; {@code rules=RL2005} runs more
 * rules beside the one under test, whose findings are checked only where markers name them).
 * A line where a finding must land ends with {@code # expect: RL2001} (or a team rule's id, {@code ACME-001}; several ids separated by
 * commas; {@code RL2001 x2} for two findings on that line; {@code RL2001 "fragment"} to require
 * a message fragment). Only the rule under test runs. The harness fails on a marker with no
 * finding, on a finding with no marker, and on any input error unless RL1001 is under test;
 * {@code good-*} fixtures must carry no marker.
 */
public final class FixtureHarness {

    private static final Pattern HEADER = Pattern.compile("#\\s*regionlint-test:(.*)$");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+)$");
    private static final Pattern ENTRY = Pattern.compile("(RL\\d{4}|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?:\\s+x(\\d+))?(?:\\s+\"([^\"]*)\")?");

    private FixtureHarness() {
    }

    /** Every fixture {@link #check} has started, as {@code RULE-ID fixture-name}. */
    private static final Set<String> EXECUTED = ConcurrentHashMap.newKeySet();

    /** One dynamic test per fixture of each rule. */
    public static Stream<DynamicTest> forRules(String... ruleIds) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : ruleIds) {
            tests.addAll(tests(id));
        }
        return tests.stream();
    }

    /** One dynamic test per fixture of a rule, named {@link #name}. */
    public static List<DynamicTest> tests(String ruleId) {
        return fixtures(ruleId).stream().map(fixture -> DynamicTest.dynamicTest(name(ruleId, fixture),
                () -> check(ruleId, fixture))).toList();
    }

    /** How a fixture is named in test reports and in {@link #executed()}. */
    public static String name(String ruleId, Path fixture) {
        return ruleId + " " + fixture.getFileName();
    }

    /**
     * The fixtures run so far in this JVM, by {@link #name}: a run that passes proves nothing
     * about a fixture that never ran, so the catalogue test compares this with what exists.
     */
    public static Set<String> executed() {
        return Set.copyOf(EXECUTED);
    }

    /** The folders under {@code fixtures/} on the test class path: one per rule that has fixtures. */
    public static List<String> fixtureFolders() {
        URL url = Thread.currentThread().getContextClassLoader().getResource("fixtures");
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(Path.of(url.toURI()))) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entries of a rule's fixture folder that are neither {@code bad-*} nor {@code good-*}: they never run. */
    public static List<String> strayEntries(String ruleId) {
        URL url = Thread.currentThread().getContextClassLoader().getResource("fixtures/" + ruleId);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(Path.of(url.toURI()))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("bad-") && !n.startsWith("good-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures of a rule, sorted; empty when the rule has none. */
    public static List<Path> fixtures(String ruleId) {
        URL url = Thread.currentThread().getContextClassLoader().getResource("fixtures/" + ruleId);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(Path.of(url.toURI()))) {
            return entries.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("bad-") || name.startsWith("good-");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one fixture and compares its findings with its markers. */
    public static void check(String ruleId, Path fixture) throws IOException {
        EXECUTED.add(name(ruleId, fixture));
        Path base = fixture.getParent();
        LintRequest request = LintRequest.of(List.of(fixture), base).withRules(List.of(ruleId), List.of());
        if (Files.isRegularFile(fixture)) {
            request = applyHeader(request, Files.readAllLines(fixture, StandardCharsets.UTF_8));
        } else if (Files.isRegularFile(fixture.resolve(".regionlint.yaml"))) {
            request = applyHeader(request, Files.readAllLines(fixture.resolve(".regionlint.yaml"),
                    StandardCharsets.UTF_8));
        }
        LintResult result = new Linter(RuleRegistry.load()).run(request);
        if (!ruleId.equals("RL1001") && !result.errors().isEmpty()) {
            fail("fixture " + fixture.getFileName() + " has input errors: " + result.errors());
        }
        Map<String, Expected> expected = expectations(fixture, base);
        boolean good = fixture.getFileName().toString().startsWith("good-");
        if (good) {
            assertTrue(expected.isEmpty(), "good fixture " + fixture.getFileName() + " carries expect markers");
        }
        Map<String, List<Finding>> actual = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().equals(ruleId) || expected.values().stream().anyMatch(e -> e.ruleId.equals(f.ruleId()))) {
                actual.computeIfAbsent(key(f.location().file(), f.location().line(), f.ruleId()),
                        k -> new ArrayList<>()).add(f);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            List<Finding> found = actual.getOrDefault(e.getKey(), List.of());
            Expected want = e.getValue();
            if (found.size() != want.count) {
                problems.add("expected " + want.count + " finding(s) at " + e.getKey() + ", found " + found.size()
                        + messages(found));
            }
            for (String fragment : want.fragments) {
                if (found.stream().noneMatch(f -> f.message().contains(fragment))) {
                    problems.add("no finding at " + e.getKey() + " mentions \"" + fragment + "\"" + messages(found));
                }
            }
        }
        for (Map.Entry<String, List<Finding>> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                problems.add("unexpected finding(s) at " + e.getKey() + messages(e.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            fail("fixture " + fixture.getFileName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static String messages(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append("\n      [").append(f.resource().map(r -> r.stack() + "/" + r.logicalId()).orElse("-"))
                    .append(" col ").append(f.location().column()).append("] ").append(f.message());
        }
        return out.toString();
    }

    private static String key(String file, int line, String ruleId) {
        return file + ":" + line + " " + ruleId;
    }

    private static LintRequest applyHeader(LintRequest request, List<String> lines) {
        for (String line : lines) {
            Matcher m = HEADER.matcher(line.trim());
            if (!m.find()) {
                continue;
            }
            List<String> regions = List.of();
            Map<String, String> parameters = new LinkedHashMap<>();
            Optional<String> account = Optional.empty();
            for (String setting : m.group(1).trim().split("\\s+")) {
                int eq = setting.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = setting.substring(0, eq);
                String value = setting.substring(eq + 1);
                switch (name) {
                    case "regions" -> regions = List.of(value.split(","));
                    case "account" -> account = Optional.of(value);
                    case "rules" -> {
                        // more rules to run beside the one under test: the suppression rules judge
                        // suppressions of other rules' findings
                        List<String> rules = new ArrayList<>(request.includeRules());
                        rules.addAll(List.of(value.split(",")));
                        request = request.withRules(rules, request.excludeRules());
                    }
                    case "parameters" -> {
                        for (String kv : value.split(";")) {
                            int i = kv.indexOf('=');
                            if (i > 0) {
                                parameters.put(kv.substring(0, i), kv.substring(i + 1));
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown fixture header setting " + name);
                }
            }
            return request.withRegions(regions).withParameters(parameters, account);
        }
        return request;
    }

    private static final class Expected {
        private final String ruleId;
        private int count;
        private final List<String> fragments = new ArrayList<>();

        Expected(String ruleId) {
            this.ruleId = ruleId;
        }
    }

    private static Map<String, Expected> expectations(Path fixture, Path base) throws IOException {
        List<Path> files;
        if (Files.isDirectory(fixture)) {
            try (Stream<Path> walk = Files.walk(fixture)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(fixture);
        }
        Map<String, Expected> out = new TreeMap<>();
        for (Path file : files) {
            List<Marker> markers = file.getFileName().toString().equals(SIDECAR) && Files.isDirectory(fixture)
                    ? sidecar(file, fixture, base) : markers(file, base.relativize(file).toString().replace('\\', '/'));
            for (Marker marker : markers) {
                Expected want = out.computeIfAbsent(marker.key(), k -> new Expected(marker.ruleId()));
                want.count += marker.count();
                marker.fragment().ifPresent(want.fragments::add);
            }
        }
        return out;
    }

    /**
     * The findings a folder fixture's JSON inputs (Config snapshots, which cannot carry comments)
     * must produce, one line each: {@code - RL1012 at config.json:1 x2 "fragment"} (path relative
     * to the fixture folder; count and fragment optional).
     */
    static final String SIDECAR = "expected.yaml";
    private static final Pattern SIDECAR_ENTRY = Pattern.compile(
            "^-\\s*(RL\\d{4}) at (\\S+):(\\d+)(?:\\s+x(\\d+))?(?:\\s+\"([^\"]*)\")?\\s*$");

    private static List<Marker> sidecar(Path file, Path fixture, Path base) throws IOException {
        List<Marker> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SIDECAR_ENTRY.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad entry '" + line
                        + "' (expected - RL1012 at config.json:1 x2 \"fragment\")");
            }
            String display = base.relativize(fixture.resolve(m.group(2))).toString().replace('\\', '/');
            out.add(new Marker(display, Integer.parseInt(m.group(3)), m.group(1),
                    m.group(4) == null ? 1 : Integer.parseInt(m.group(4)), Optional.ofNullable(m.group(5))));
        }
        return out;
    }

    /**
     * One entry of a {@code # expect:} marker.
     *
     * @param file the file as findings name it
     * @param count how many findings of the rule land on the line ({@code x2} gives 2)
     */
    public record Marker(String file, int line, String ruleId, int count, Optional<String> fragment) {

        /** {@code file:line RULE}: how findings and markers are matched. */
        public String key() {
            return FixtureHarness.key(file, line, ruleId);
        }
    }

    /** The {@code # expect:} entries of a file, named {@code display}; a malformed entry is an error. */
    public static List<Marker> markers(Path file, String display) throws IOException {
        List<Marker> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            for (String entry : m.group(1).split(",")) {
                Matcher e = ENTRY.matcher(entry.trim());
                if (!e.lookingAt()) {
                    throw new IllegalArgumentException(display + ":" + (i + 1) + ": bad expect marker '"
                            + entry.trim() + "'");
                }
                out.add(new Marker(display, i + 1, e.group(1), e.group(2) == null ? 1 : Integer.parseInt(e.group(2)),
                        Optional.ofNullable(e.group(3))));
            }
        }
        return out;
    }
}
