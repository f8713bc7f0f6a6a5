package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.cli.Environment;
import io.regionlint.cli.Main;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.testing.FixtureHarness;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Whole-system snapshots: runs the CLI in-process on every sample (from the repository root, as
 * the README does) and diffs its JSON, SARIF and Markdown with the committed files in
 * {@code samples/<name>/expected/}. Also checks the sample's markers: every finding at warning or
 * above is expected, and every expectation has its findings. A sample of templates marks lines with
 * {@code # expect:} comments; a sample that lints a CDK cloud assembly (JSON, which cannot carry
 * comments) lists its findings by rule and construct path in {@code expected-findings.yaml}.
 * Run with {@code -Dregionlint.updateSnapshots=true} to rewrite the expected files; review the
 * diff before committing it.
 */
class SampleSnapshotTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("regionlint.updateSnapshots");
    private static final Pattern SAMPLE_COMMAND = Pattern.compile("#\\s*regionlint-sample:\\s*(drift)\\s*");
    private static final Pattern RULE_ID = Pattern.compile("RL\\d{4}|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+");
    /** The findings list of a sample whose findings cannot be marked in place. */
    static final String EXPECTED_FINDINGS = "expected-findings.yaml";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("samples"))) {
            samples = dirs.filter(d -> Files.isRegularFile(d.resolve(".regionlint.yaml"))).sorted().toList();
        }
        assertTrue(samples.size() >= 1, "no samples found under " + ROOT.resolve("samples"));
        return samples.stream().flatMap(sample -> Stream.of(
                DynamicTest.dynamicTest(sample.getFileName() + " snapshot", () -> snapshot(sample)),
                DynamicTest.dynamicTest(sample.getFileName() + " markers", () -> markers(sample))));
    }

    private JsonNode run(Path sample, String jsonName, String sarifName) throws IOException {
        Path json = tmp.resolve(jsonName);
        Path sarif = tmp.resolve(sarifName);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(new Environment(Map.of(), ROOT, false), RuleRegistry::load);
        var commandLine = Main.commandLine(main);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        Path markdown = tmp.resolve(jsonName.replace(".json", ".md"));
        int code = commandLine.execute(command(sample), ROOT.relativize(sample).toString(), "--format", "json",
                "--output", json.toString(), "--format", "sarif", "--output", sarif.toString(), "--format", "markdown",
                "--output", markdown.toString(), "--fail-on", "never");
        assertTrue(code == 0 || code == 3, "exit " + code + ": " + err);
        return new ObjectMapper().readTree(json.toFile());
    }

    /**
     * The command a sample is run with: {@code check}, or the one its project file names in a
     * first-line comment {@code # regionlint-sample: drift} (a drift sample is run the way its
     * README says, so its committed output is drift's).
     */
    static String command(Path sample) throws IOException {
        String first = Files.readAllLines(sample.resolve(".regionlint.yaml"), StandardCharsets.UTF_8).stream()
                .findFirst().orElse("");
        Matcher m = SAMPLE_COMMAND.matcher(first);
        return m.matches() ? m.group(1) : "check";
    }

    private void snapshot(Path sample) throws IOException {
        run(sample, "actual.json", "actual.sarif");
        Path expected = sample.resolve("expected");
        compare(tmp.resolve("actual.json"), expected.resolve("regionlint.json"));
        compare(tmp.resolve("actual.sarif"), expected.resolve("regionlint.sarif"));
        compare(tmp.resolve("actual.md"), expected.resolve("regionlint.md"));
    }

    /** Compares with the committed file, the machine's absolute base folder replaced by a placeholder. */
    private static void compare(Path actualFile, Path expectedFile) throws IOException {
        String actual = Files.readString(actualFile, StandardCharsets.UTF_8)
                .replace(ROOT.toUri().toString(), "file:///REPOSITORY/");
        if (UPDATE) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(expectedFile), expectedFile + " is missing: run with "
                + "-Dregionlint.updateSnapshots=true and review the new file");
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            List<String> a = actual.lines().toList();
            List<String> e = expected.lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), e.size()) && a.get(line).equals(e.get(line))) {
                line++;
            }
            fail(ROOT.relativize(expectedFile) + " differs from this run at line " + (line + 1) + ":\n  expected: "
                    + (line < e.size() ? e.get(line) : "<end>") + "\n  actual:   " + (line < a.size() ? a.get(line)
                    : "<end>") + "\n(rewrite with -Dregionlint.updateSnapshots=true and review the diff)");
        }
    }

    private void markers(Path sample) throws IOException {
        JsonNode report = run(sample, "markers.json", "markers.sarif");
        assertEquals(0, report.get("errors").size(), "the sample has input errors: " + report.get("errors"));
        if (Files.isRegularFile(sample.resolve(EXPECTED_FINDINGS))) {
            expectedFindings(sample, report);
            return;
        }
        Map<String, Integer> actual = new TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            if (!f.get("severity").asText().equals("note") && f.get("suppressed").isNull()) {
                actual.merge(f.at("/location/file").asText() + ":" + f.at("/location/line").asInt() + " "
                        + f.get("ruleId").asText(), 1, Integer::sum);
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList()) {
                for (FixtureHarness.Marker marker : FixtureHarness.markers(file,
                        ROOT.relativize(file).toString().replace('\\', '/'))) {
                    expected.merge(marker.key(), marker.count(), Integer::sum);
                }
            }
        }
        assertSame(sample, expected, actual, "marker ", "unmarked finding(s) at ");
    }

    /**
     * Compares the findings at warning or above, by rule and construct path, with the entries of
     * {@code expected-findings.yaml}: a list of {@code rule}, {@code constructPath} (or {@code arn}
     * for a resource of deployed state), {@code count}
     * and {@code why} (the reason the finding is right, for the reader; required).
     */
    private static void expectedFindings(Path sample, JsonNode report) throws IOException {
        Map<String, Integer> actual = new TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            if (!f.get("severity").asText().equals("note") && f.get("suppressed").isNull()) {
                JsonNode path = f.at("/resource/constructPath");
                JsonNode arn = f.at("/resource/arn");
                // deployed state has no construct path: its resources are named by ARN
                String where = path.isTextual() ? path.asText() : f.at("/resource/capturedAt").isTextual()
                        && arn.isTextual() ? arn.asText() : "<no construct path: "
                        + f.at("/location/file").asText() + ":" + f.at("/location/line").asInt() + ">";
                actual.merge(f.get("ruleId").asText() + " at " + where, 1, Integer::sum);
            }
        }
        Path file = sample.resolve(EXPECTED_FINDINGS);
        Object loaded;
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        String name = ROOT.relativize(file).toString().replace('\\', '/');
        assertTrue(loaded instanceof List<?>, name + ": expected a list of findings");
        Map<String, Integer> expected = new LinkedHashMap<>();
        int index = 0;
        for (Object item : (List<?>) loaded) {
            index++;
            String at = name + " entry " + index;
            assertTrue(item instanceof Map<?, ?>, at + ": expected a mapping");
            Map<?, ?> entry = (Map<?, ?>) item;
            assertTrue(entry.keySet().stream().allMatch(k -> List.of("rule", "constructPath", "arn", "count", "why")
                    .contains(k)), at + ": only rule, constructPath (or arn), count and why are allowed, got " + entry.keySet());
            Object rule = entry.get("rule");
            Object path = entry.containsKey("arn") ? entry.get("arn") : entry.get("constructPath");
            Object count = entry.containsKey("count") ? entry.get("count") : Integer.valueOf(1);
            Object why = entry.get("why");
            assertTrue(rule instanceof String r && RULE_ID.matcher(r).matches(),
                    at + ": rule must be an id like RL2001");
            assertTrue(path instanceof String p && !p.isBlank(), at + ": constructPath (or arn, for deployed state)"
                    + " is required");
            assertTrue(count instanceof Integer c && c > 0, at + ": count must be a positive integer");
            assertTrue(why instanceof String w && !w.isBlank(), at + ": why is required");
            String key = rule + " at " + path;
            assertTrue(expected.put(key, (Integer) count) == null, at + ": " + key + " is listed twice");
        }
        assertSame(sample, expected, actual, EXPECTED_FINDINGS + " entry ", "finding(s) not in " + EXPECTED_FINDINGS
                + ": ");
    }

    /** Fails with every difference between the expected and the actual finding counts. */
    private static void assertSame(Path sample, Map<String, Integer> expected, Map<String, Integer> actual,
                                   String expectation, String unexpected) {
        List<String> problems = new ArrayList<>();
        expected.forEach((k, n) -> {
            if (!n.equals(actual.getOrDefault(k, 0))) {
                problems.add(expectation + k + " expects " + n + " finding(s), found " + actual.getOrDefault(k, 0));
            }
        });
        actual.forEach((k, n) -> {
            if (!expected.containsKey(k)) {
                problems.add(unexpected + k + " (" + n + ")");
            }
        });
        assertTrue(problems.isEmpty(), sample.getFileName() + ":\n  " + String.join("\n  ", problems));
    }
}
