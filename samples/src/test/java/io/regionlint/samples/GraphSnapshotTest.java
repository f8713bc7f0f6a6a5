package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.regionlint.cli.Environment;
import io.regionlint.cli.Main;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden pictures: runs {@code regionlint graph} in-process on every sample (from the repository
 * root) and diffs its Mermaid and DOT with {@code samples/<name>/expected/graph.mmd} and
 * {@code graph.dot}. Same input, same bytes: a picture that moves between runs fails here.
 * Rewritten with {@code -Dregionlint.updateSnapshots=true}, like the JSON and SARIF snapshots.
 */
class GraphSnapshotTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("regionlint.updateSnapshots");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> pictures() throws IOException {
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("samples"))) {
            samples = dirs.filter(d -> Files.isRegularFile(d.resolve(".regionlint.yaml"))).sorted().toList();
        }
        assertTrue(samples.stream().anyMatch(s -> s.endsWith("two-region-app")), "samples/two-region-app is missing");
        return samples.stream().flatMap(sample -> Stream.of(
                DynamicTest.dynamicTest(sample.getFileName() + " mermaid", () -> golden(sample, "mermaid", "graph.mmd")),
                DynamicTest.dynamicTest(sample.getFileName() + " dot", () -> golden(sample, "dot", "graph.dot"))));
    }

    private void golden(Path sample, String format, String name) throws IOException {
        Path actual = tmp.resolve(name);
        StringWriter err = new StringWriter();
        Main main = new Main(new Environment(Map.of(), ROOT, false), RuleRegistry::load);
        var commandLine = Main.commandLine(main);
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute("graph", ROOT.relativize(sample).toString(), "--format", format, "--output",
                actual.toString());
        assertEquals(0, code, "exit " + code + ": " + err);
        Path expectedFile = sample.resolve("expected").resolve(name);
        String text = Files.readString(actual, StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.writeString(expectedFile, text, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(expectedFile), expectedFile + " is missing: run with "
                + "-Dregionlint.updateSnapshots=true and review the new file");
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        if (!expected.equals(text)) {
            List<String> a = text.lines().toList();
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
}
