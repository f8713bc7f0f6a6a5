package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines on whole samples, through the CLI: a baseline written today matches the same findings
 * after the templates' lines move and after a CDK app is synthesised again (every template
 * written anew), so nothing becomes "new"; a real new problem does.
 */
class BaselineSampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine(new Main(new Environment(Map.of(), tmp, false), RuleRegistry::load));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private JsonNode check(String sample) throws IOException {
        Run run = cli("check", sample, "--baseline", "baseline.json", "--format", "json", "--output", "report.json");
        assertTrue(run.code() == 0 || run.code() == 1, run.toString());
        return MAPPER.readTree(tmp.resolve("report.json").toFile());
    }

    @Test
    void movingLinesMakesNoFindingNewButANewProblemIs() throws IOException {
        copy(ROOT.resolve("samples/two-region-app"), tmp.resolve("app"));
        Run written = cli("baseline", "app", "--output", "baseline.json");
        assertEquals(0, written.code(), written.toString());
        int entries = MAPPER.readTree(tmp.resolve("baseline.json").toFile()).get("findings").size();
        assertTrue(entries >= 10, "the sample's findings are in the baseline: " + entries);

        try (Stream<Path> files = Files.walk(tmp.resolve("app/templates"))) {
            for (Path template : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.writeString(template, "# moved down\n\n\n" + Files.readString(template, StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8);
            }
        }
        JsonNode moved = check("app");
        assertEquals(0, moved.at("/baseline/new").intValue(), moved.get("baseline").toString());
        assertEquals(0, moved.at("/baseline/fixed").size());
        assertEquals(0, moved.at("/summary/error").intValue(), "nothing fails: " + moved.get("summary"));
        for (JsonNode f : moved.get("findings")) {
            assertEquals("unchanged", f.get("baselineState").asText(), f.toString());
            assertEquals("baseline", f.at("/suppressed/origin").asText(), f.toString());
        }
        assertEquals(0, cli("check", "app", "--baseline", "baseline.json").code(), "passes with the baseline");
        assertEquals(1, cli("check", "app").code(), "fails without it");

        // a third Region for the media stack is a new problem: its findings are new and fail
        Path project = tmp.resolve("app/.regionlint.yaml");
        String text = Files.readString(project, StandardCharsets.UTF_8);
        assertTrue(text.contains("us-east-1: active"), text);
        Files.writeString(project, text.replace("us-east-1: active", "us-east-1: active\n    us-west-2: active"),
                StandardCharsets.UTF_8);
        JsonNode grown = check("app");
        assertTrue(grown.at("/baseline/new").intValue() > 0, grown.get("baseline").toString());
        assertTrue(grown.at("/summary/error").intValue() > 0, grown.get("summary").toString());
    }

    @Test
    void synthesisingTheCdkAppAgainMakesNoFindingNewAndFixedOnesAreListed() throws IOException {
        Path app = tmp.resolve("cdk-app");
        Files.createDirectories(app);
        Files.copy(ROOT.resolve("samples/cdk-app/.regionlint.yaml"), app.resolve(".regionlint.yaml"));
        copy(ROOT.resolve("samples/cdk-app/cdk.out"), app.resolve("cdk.out"));
        Run written = cli("baseline", "cdk-app", "--output", "baseline.json");
        assertEquals(0, written.code(), written.toString());
        List<String> fingerprints = fingerprints(MAPPER.readTree(tmp.resolve("baseline.json").toFile()));

        // a fresh synthesis writes every template anew; compact JSON moves every line
        try (Stream<Path> files = Files.walk(app.resolve("cdk.out"))) {
            for (Path template : files.filter(p -> p.toString().endsWith(".template.json")).toList()) {
                Files.writeString(template, MAPPER.writeValueAsString(MAPPER.readTree(template.toFile())));
            }
        }
        JsonNode again = check("cdk-app");
        assertEquals(0, again.at("/baseline/new").intValue(), again.get("baseline").toString());
        assertEquals(fingerprints.size(), again.at("/baseline/unchanged").intValue());
        assertEquals(0, again.at("/baseline/fixed").size());

        // a baseline entry no finding matches any more is listed as fixed
        String baseline = Files.readString(tmp.resolve("baseline.json"), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("baseline.json"), baseline.replace("\"findings\": [", "\"findings\": [\n"
                + "    {\"ruleId\": \"RL2001\", \"fingerprint\": \"00000000000000000000000000000000\", \"hint\": \"gone\"},"),
                StandardCharsets.UTF_8);
        JsonNode fixed = check("cdk-app");
        assertEquals(1, fixed.at("/baseline/fixed").size());
        assertEquals("gone", fixed.at("/baseline/fixed/0/hint").asText());
    }

    private static List<String> fingerprints(JsonNode baseline) {
        return java.util.stream.StreamSupport.stream(baseline.get("findings").spliterator(), false)
                .map(e -> e.get("fingerprint").asText()).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
