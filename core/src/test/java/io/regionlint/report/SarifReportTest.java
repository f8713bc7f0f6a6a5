package io.regionlint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.Related;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Where {@code npm install --prefix /tmp/sarif @microsoft/sarif-multitool} puts the tool;
     * {@code -Dregionlint.multitoolHome=DIR} points elsewhere.
     */
    private static final Path MULTITOOL_HOME = Path.of(System.getProperty("regionlint.multitoolHome",
            "/tmp/sarif/node_modules/@microsoft"));

    private static JsonNode sarif(Path base) throws IOException {
        return MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, SampleResults.mixed(),
                new ReportContext("1.2.3", false, base)));
    }

    @Test
    void runDescribesToolAndEveryRuleThatRan() throws IOException {
        JsonNode root = sarif(Path.of("/work/repo"));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", root.get("$schema").asText());
        assertEquals("2.1.0", root.get("version").asText());
        assertEquals(1, root.get("runs").size());
        JsonNode run = root.at("/runs/0");

        JsonNode driver = run.at("/tool/driver");
        assertEquals("regionlint", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        assertEquals("1.2.3", driver.get("semanticVersion").asText());
        assertEquals("https://github.com/regionlint/regionlint", driver.get("informationUri").asText());

        JsonNode rules = driver.get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("RL1001", "RL1002", "RL2001", "RL2005"), ids, "every rule that ran, in order");

        JsonNode rl2001 = rules.get(2);
        assertEquals("S3ReplicationNotBidirectional", rl2001.get("name").asText());
        assertEquals("S3 replication to another active Region is not replicated back.",
                rl2001.at("/shortDescription/text").asText());
        assertEquals("Reports a bucket that replicates into a bucket in another active Region which replicates "
                + "nothing back.", rl2001.at("/fullDescription/text").asText());
        String help = rl2001.at("/help/markdown").asText();
        assertTrue(help.startsWith("Reports a bucket") && help.contains("## How to fix"), help);
        assertFalse(help.contains("# RL2001"), "the title is shown by code scanning already");
        assertEquals(help, rl2001.at("/help/text").asText());
        assertEquals("https://github.com/regionlint/regionlint/blob/main/docs/rules/RL2001.md",
                rl2001.get("helpUri").asText());
        assertEquals("error", rl2001.at("/defaultConfiguration/level").asText());
        assertEquals("[\"s3\"]", rl2001.at("/properties/tags").toString());
        assertEquals("very-high", rl2001.at("/properties/precision").asText());
        assertEquals("error", rl2001.at("/properties/problem.severity").asText());

        JsonNode rl2005 = rules.get(3);
        assertEquals("Delete markers are not replicated between active Regions.",
                rl2005.at("/fullDescription/text").asText(), "no explanation: the summary stands in");
        assertEquals("warning", rl2005.at("/defaultConfiguration/level").asText());
        assertEquals("recommendation", rules.get(1).at("/properties/problem.severity").asText());
        assertEquals("note", rules.get(1).at("/defaultConfiguration/level").asText());

        assertEquals("file:///work/repo/", run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    }

    @Test
    void resultsCarryLocationsFingerprintsAndSuppressions() throws IOException {
        JsonNode run = sarif(Path.of("/work/repo")).at("/runs/0");
        JsonNode results = run.get("results");
        assertEquals(3, results.size());

        JsonNode first = results.get(0);
        assertEquals("RL2001", first.get("ruleId").asText());
        assertEquals(2, first.get("ruleIndex").intValue());
        assertEquals("error", first.get("level").asText());
        assertTrue(first.at("/message/text").asText().endsWith("destination 'orders-us-east-1'. See [the destination"
                + " bucket, which has no replication rule](1)."), "the related place is a link in GitHub");
        JsonNode location = first.at("/locations/0");
        assertEquals("templates/app.yaml", location.at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", location.at("/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals("{\"startLine\":12,\"startColumn\":7,\"endLine\":20,\"endColumn\":1}",
                location.at("/physicalLocation/region").toString());
        JsonNode logical = location.get("logicalLocations");
        assertEquals(2, logical.size());
        assertEquals("App/Data/Resource", logical.at("/0/fullyQualifiedName").asText());
        assertEquals("Data", logical.at("/0/name").asText());
        assertEquals("resource", logical.at("/0/kind").asText());
        assertEquals("arn:aws:s3:::orders-us-east-1", logical.at("/1/fullyQualifiedName").asText());
        JsonNode related = first.at("/relatedLocations/0");
        assertEquals(1, related.get("id").intValue());
        assertEquals("the destination bucket, which has no replication rule.", related.at("/message/text").asText());
        assertEquals("templates/app.yaml", related.at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals(4, related.at("/physicalLocation/region/startLine").intValue());
        assertEquals("app-eu-west-1/Data", related.at("/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals(SampleResults.PRIMARY_FINGERPRINT,
                first.at("/partialFingerprints/regionlintFingerprint~1v1").asText());
        assertTrue(first.get("suppressions") == null);
        assertEquals("[\"eu-west-1\",\"us-east-1\"]", first.at("/properties/regions").toString());

        JsonNode suppressed = results.get(1);
        assertEquals(3, suppressed.get("ruleIndex").intValue());
        assertEquals("warning", suppressed.get("level").asText());
        assertEquals("app-us-east-1/Logs", suppressed.at("/locations/0/logicalLocations/0/fullyQualifiedName")
                .asText(), "no construct path: stack/logicalId");
        assertEquals(1, suppressed.at("/locations/0/logicalLocations").size(), "no ARN");
        assertEquals("{\"startLine\":30,\"startColumn\":9,\"endLine\":30,\"endColumn\":10}",
                suppressed.at("/locations/0/physicalLocation/region").toString(), "end after start");
        assertEquals("external", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("access logs stay in their Region by design",
                suppressed.at("/suppressions/0/justification").asText());
        assertTrue(suppressed.get("relatedLocations") == null);

        JsonNode input = results.get(2);
        assertEquals(0, input.get("ruleIndex").intValue());
        assertTrue(input.at("/locations/0/logicalLocations").isMissingNode());

        JsonNode invocation = run.at("/invocations/0");
        assertTrue(invocation.get("executionSuccessful").booleanValue());
        JsonNode notifications = invocation.get("toolExecutionNotifications");
        assertEquals(2, notifications.size(), "every input error, also those an RL1001 result shows");
        assertEquals("error", notifications.at("/0/level").asText());
        assertEquals("templates/broken.yaml: mapping values are not allowed here.",
                notifications.at("/0/message/text").asText());
        assertEquals("templates/big%20dir/huge.json",
                notifications.at("/1/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("RL1001", notifications.at("/0/associatedRule/id").asText());
        assertEquals(0, notifications.at("/0/associatedRule/index").intValue());
    }

    @Test
    void lineHashesComeFromTheFingerprintSoAlertsSurviveLineMovesAndStayPerRegion(@TempDir Path dir)
            throws IOException {
        String template = """
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub orders-${AWS::Region}
                """;
        Map<String, String> before = lineHashes(dir, template);
        assertEquals(2, before.size(), "one alert per Region for the same template line: " + before);
        assertEquals(2, new java.util.HashSet<>(before.values()).size(), before.toString());
        Map<String, String> moved = lineHashes(dir, "# a comment\n# and another\n\n" + template);
        assertEquals(before, moved, "moving the lines keeps every alert's identity");
    }

    /** Stack resource to primaryLocationLineHash of a real engine run over the template in two Regions. */
    private static Map<String, String> lineHashes(Path dir, String template) throws IOException {
        Files.writeString(dir.resolve("app.yaml"), template);
        LintResult result = new Linter(new RuleRegistry(List.of(new EndToEndReportTest.EveryBucketRule())))
                .run(LintRequest.of(List.of(dir.resolve("app.yaml")), dir).withRegions(List.of("us-east-1",
                        "eu-west-1")));
        JsonNode results = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, result,
                new ReportContext("1.2.3", false, dir))).at("/runs/0/results");
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : results) {
            String hash = r.at("/partialFingerprints/primaryLocationLineHash").asText();
            assertEquals(r.at("/partialFingerprints/regionlintFingerprint~1v1").asText() + ":1", hash);
            out.put(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText(), hash);
        }
        return out;
    }

    @Test
    void equalFingerprintsStillGiveDistinctLineHashes() throws IOException {
        LintResult twice = SampleResults.sameFingerprintTwice();
        JsonNode results = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, twice,
                new ReportContext("1.2.3", false, Path.of("/work/repo")))).at("/runs/0/results");
        assertEquals("abcdabcdabcdabcdabcdabcdabcdabcd:1", results.at("/0/partialFingerprints/primaryLocationLineHash")
                .asText());
        assertEquals("abcdabcdabcdabcdabcdabcdabcdabcd:2", results.at("/1/partialFingerprints/primaryLocationLineHash")
                .asText());
    }

    @Test
    void oneRunPerFileAndNoAutomationDetailsSoUploadSarifAppliesTheCategory() throws IOException {
        JsonNode root = sarif(Path.of("/work/repo"));
        assertEquals(1, root.get("runs").size());
        assertTrue(root.at("/runs/0/automationDetails").isMissingNode());
    }

    @Test
    void relatedPlacesAreLinksInTheMessageAndBracketsOfTheTextAreEscaped() {
        Finding f = SampleResults.mixed().findings().get(0);
        Finding bracketed = new Finding(f.ruleId(), f.ruleName(), f.severity(), "Role [admin] may write to *",
                f.location(), f.resource(), List.of(f.related().get(0), new Related("the policy [inline]",
                f.location(), Optional.empty())), f.regions(), f.fingerprint(), Optional.empty());
        assertEquals("Role \\[admin\\] may write to *. See [the destination bucket, which has no replication rule](1);"
                + " [the policy \\[inline\\]](2).", SarifReport.message(bracketed));
    }

    @Test
    void suppressionsSayWhereTheyAreDeclaredAndBaselinedResultsCarryTheirState() throws IOException {
        JsonNode results = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, SampleResults.baselined(),
                new ReportContext("1.2.3", false, Path.of("/work/repo")))).at("/runs/0/results");
        JsonNode fresh = results.get(0);
        assertEquals("new", fresh.get("baselineState").asText());
        assertTrue(fresh.get("suppressions") == null, "a new finding counts");

        JsonNode known = results.get(1);
        assertEquals("unchanged", known.get("baselineState").asText());
        assertEquals("external", known.at("/suppressions/0/kind").asText());
        assertEquals("accepted", known.at("/suppressions/0/status").asText());
        assertEquals("in the baseline .regionlint-baseline.json", known.at("/suppressions/0/justification").asText());
        assertTrue(known.at("/suppressions/0/location").isMissingNode());

        JsonNode accepted = results.get(2);
        assertEquals("external", accepted.at("/suppressions/0/kind").asText());
        assertEquals("logs stay in their Region (until 2027-06-30)", accepted.at("/suppressions/0/justification")
                .asText());
        assertEquals(".regionlint.yaml", accepted.at("/suppressions/0/location/physicalLocation/artifactLocation/uri")
                .asText());
        assertEquals(14, accepted.at("/suppressions/0/location/physicalLocation/region/startLine").intValue());
        assertTrue(accepted.at("/suppressions/0/state").isMissingNode(), "GitHub's word; the schema has none");

        JsonNode inSource = results.get(3);
        assertEquals("inSource", inSource.at("/suppressions/0/kind").asText());
        assertEquals(40, inSource.at("/suppressions/0/location/physicalLocation/region/startLine").intValue());
        assertEquals("unchanged", inSource.get("baselineState").asText());
    }

    @Test
    void warnsAboveWhatGitHubKeepsAndRefusesWhatItWouldReject() throws IOException {
        assertEquals(List.of(), new Reporter().warnings(ReportFormat.SARIF, SampleResults.many(5_000)));
        LintResult over = SampleResults.many(5_001);
        List<String> warnings = new Reporter().warnings(ReportFormat.SARIF, over);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("5,001 results") && warnings.get(0).contains("only the 5,000 most severe"),
                warnings.get(0));
        assertEquals(List.of(), new Reporter().warnings(ReportFormat.JSON, over));
        JsonNode notification = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, over,
                new ReportContext("1.2.3", false, Path.of("/work/repo")))).at("/runs/0/invocations/0"
                + "/toolExecutionNotifications/0");
        assertEquals("warning", notification.get("level").asText(), "the log says so too");

        StringWriter out = new StringWriter();
        IOException refused = assertThrows(IOException.class, () -> new Reporter().write(ReportFormat.SARIF,
                SampleResults.many(25_001), new ReportContext("1.2.3", false, Path.of("/work/repo")), out));
        assertTrue(refused.getMessage().startsWith("25,001 results exceed GitHub code scanning's limit of 25,000"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("regionlint baseline"), "says what to do: " + refused.getMessage());
        assertEquals("", out.toString(), "nothing half-written");

        SarifReport.checkGzippedSize(10L * 1024 * 1024);
        IOException tooLarge = assertThrows(IOException.class, () -> SarifReport.checkGzippedSize(10L * 1024 * 1024
                + 1));
        assertTrue(tooLarge.getMessage().contains("10,485,761 bytes gzip-compressed")
                && tooLarge.getMessage().contains("(10 MB)"), tooLarge.getMessage());
        String repetitive = "x".repeat(100_000);
        long gzipped = SarifReport.gzippedSize(repetitive);
        assertTrue(gzipped > 0 && gzipped < 1_000, "gzip-compressed size, not raw: " + gzipped);
    }

    @Test
    void cleanRunHasNoResultsAndNoNotifications() throws IOException {
        JsonNode run = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF, SampleResults.clean(),
                new ReportContext("1.2.3", false, Path.of("/work/repo")))).at("/runs/0");
        assertEquals(0, run.get("results").size());
        assertEquals(1, run.at("/tool/driver/rules").size());
        assertTrue(run.at("/invocations/0/toolExecutionNotifications").isMissingNode());
    }

    @Test
    void regionsAlwaysEndAfterTheyStart() {
        assertArrayEquals(new int[] {3, 5, 3, 6}, SarifReport.region(3, 5, 3, 5));
        assertArrayEquals(new int[] {3, 5, 3, 6}, SarifReport.region(3, 5, 3, 2));
        assertArrayEquals(new int[] {3, 5, 4, 1}, SarifReport.region(3, 5, 4, 1));
        assertArrayEquals(new int[] {1, 1, 1, 2}, SarifReport.region(0, 0, 0, 0));
        assertArrayEquals(new int[] {7, 2, 7, 9}, SarifReport.region(7, 2, 5, 9));
    }

    @Test
    void urisAreRelativeEncodedAndNeverLookLikeASchemeTag() {
        assertEquals("a%20b/%C3%A9t%C3%A9.yaml", SarifReport.encodePath("a b/été.yaml"));
        assertEquals("templates/app%23prod.yaml", SarifReport.encodePath("templates/app#prod.yaml"));
    }

    @Test
    void awkwardInputsStillGiveValidLocationsAndRuleIndexes() throws IOException {
        JsonNode run = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF,
                SampleResults.awkward("/elsewhere/app.yaml"), new ReportContext("1.2.3", false,
                        Path.of("/work/repo")))).at("/runs/0");
        JsonNode outside = run.at("/results/0/locations/0/physicalLocation");
        assertEquals("file:///elsewhere/app.yaml", outside.at("/artifactLocation/uri").asText());
        assertTrue(outside.at("/artifactLocation/uriBaseId").isMissingNode());
        assertEquals("{\"startLine\":1,\"startColumn\":1,\"endLine\":1,\"endColumn\":2}",
                outside.get("region").toString());
        JsonNode custom = run.at("/results/1");
        assertEquals("stacks/prod%20eu/%C3%A9t%C3%A9.yaml",
                custom.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("Tag 'owner' is missing!", custom.at("/message/text").asText());
        assertEquals("inSource", custom.at("/suppressions/0/kind").asText());
        assertEquals(1, custom.get("ruleIndex").intValue());
        assertEquals("RL9001", run.at("/tool/driver/rules/1/id").asText(), "a stand-in for the unlisted rule");
        assertEquals("CustomTagCheck", run.at("/tool/driver/rules/1/name").asText());
        JsonNode notification = run.at("/invocations/0/toolExecutionNotifications/0");
        assertTrue(notification.get("locations") == null, "no file in particular");
        assertTrue(notification.get("associatedRule") == null, "RL1001 did not run");
        // an absolute path inside the base folder is made relative
        JsonNode inside = MAPPER.readTree(ReporterTest.render(ReportFormat.SARIF,
                SampleResults.awkward("/work/repo/templates/app.yaml"), new ReportContext("1.2.3", false,
                        Path.of("/work/repo")))).at("/runs/0/results/0/locations/0/physicalLocation");
        assertEquals("templates/app.yaml", inside.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", inside.at("/artifactLocation/uriBaseId").asText());
    }

    @Test
    void baselinedAndSuppressedResultsPassTheSarifMultitool(@TempDir Path dir) throws Exception {
        assumeMultitool();
        Path baselined = dir.resolve("baselined.sarif");
        Files.writeString(baselined, ReporterTest.render(ReportFormat.SARIF, SampleResults.baselined(),
                new ReportContext(ReportContext.currentVersion(), false, dir)), StandardCharsets.UTF_8);
        assertValid(dir, baselined);
    }

    @Test
    void passesTheSarifMultitoolWithGhasRules(@TempDir Path dir) throws Exception {
        assumeMultitool();
        ReportContext context = new ReportContext(ReportContext.currentVersion(), false, dir);
        Path mixed = dir.resolve("mixed.sarif");
        Files.writeString(mixed, ReporterTest.render(ReportFormat.SARIF, SampleResults.mixed(), context),
                StandardCharsets.UTF_8);
        Path awkward = dir.resolve("awkward.sarif");
        Files.writeString(awkward, ReporterTest.render(ReportFormat.SARIF,
                SampleResults.awkward(dir.resolve("sub/inside.yaml").toString()), context), StandardCharsets.UTF_8);
        Path clean = dir.resolve("clean.sarif");
        Files.writeString(clean, ReporterTest.render(ReportFormat.SARIF, SampleResults.clean(), context),
                StandardCharsets.UTF_8);
        assertValid(dir, mixed, awkward, clean);
    }

    /**
     * Skips the calling test where the multitool is not installed. Where its path is given
     * ({@code -Dregionlint.sarifMultitool=PATH} or {@code REGIONLINT_SARIF_MULTITOOL=PATH}, as
     * {@code .ci/run} does), a missing tool fails the test instead: CI must not skip it silently.
     */
    static void assumeMultitool() {
        Path tool = multitool();
        if (givenMultitool().isPresent()) {
            assertTrue(Files.isExecutable(tool), "the SARIF multitool given is not an executable file: " + tool);
            return;
        }
        Assumptions.assumeTrue(Files.isExecutable(tool), "SARIF multitool not installed at " + tool
                + " (npm install --prefix /tmp/sarif @microsoft/sarif-multitool@5.7.0, or give its native binary"
                + " with -Dregionlint.sarifMultitool=PATH); CI validates the sample");
    }

    private static java.util.Optional<Path> givenMultitool() {
        String given = System.getProperty("regionlint.sarifMultitool", System.getenv("REGIONLINT_SARIF_MULTITOOL"));
        return given == null || given.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(given));
    }

    /**
     * Runs {@code sarif-multitool validate --rule-kind "Sarif;Ghas"} and fails on any error or
     * warning. Reads the tool's log, not its exit code, which is 0 even for an invalid file.
     */
    static void assertValid(Path workDir, Path... files) throws IOException, InterruptedException {
        Path log = workDir.resolve("validation.sarif");
        Path console = workDir.resolve("multitool.out");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(multitool().toString(), "validate", "--rule-kind",
                "Sarif;Ghas", "--level", "Error;Warning;Note", "--output", log.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        // the .NET tool needs ICU unless told to do without; machines here may lack libicu
        builder.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sarif-multitool timed out");
        }
        String output = Files.readString(console);
        assertTrue(Files.exists(log), output);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode run : MAPPER.readTree(log.toFile()).get("runs")) {
            for (JsonNode r : run.path("results")) {
                // the validation log leaves out the default level, "warning"
                String level = r.has("level") ? r.get("level").asText() : "warning";
                String line = level + " " + r.path("ruleId").asText() + " "
                        + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText() + ": "
                        + r.at("/message/text").asText() + r.at("/message/arguments").toString();
                (level.equals("error") || level.equals("warning") ? problems : notes).add(line);
            }
            for (JsonNode n : run.at("/invocations/0/toolExecutionNotifications")) {
                if (n.path("level").asText().toLowerCase(Locale.ROOT).equals("error")) {
                    problems.add("tool: " + n.at("/message/text").asText());
                }
            }
        }
        // notes are advice that does not apply here (snippets, version control details, unreachable URLs offline)
        System.out.println("sarif-multitool: " + problems.size() + " errors and warnings, " + notes.size()
                + " notes in " + files.length + " files");
        assertEquals(List.of(), problems, output);
        assertEquals(0, process.exitValue(), output);
    }

    private static Path multitool() {
        if (givenMultitool().isPresent()) {
            return givenMultitool().get();
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String platform = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        String binary = platform.equals("win32") ? "Sarif.Multitool.exe" : "Sarif.Multitool";
        return MULTITOOL_HOME.resolve("sarif-multitool-" + platform).resolve(binary);
    }
}
