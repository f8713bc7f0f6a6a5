package io.regionlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are replaced in one step and never overwrite what the run read. */
class ReportWriterTest {

    private static final String TEMPLATE = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";

    private final ReportContext context = new ReportContext("1.2.3", false, Path.of("/work"));

    @Test
    void writesEachReportAndCreatesFolders(@TempDir Path tmp) throws IOException {
        List<ReportTarget> targets = List.of(new ReportTarget(ReportFormat.JSON, tmp.resolve("a/b/out.json")),
                new ReportTarget(ReportFormat.SARIF, tmp.resolve("out.sarif")));
        assertEquals(List.of(), new ReportWriter().write(SampleResults.mixed(), context, targets));
        assertTrue(Files.readString(tmp.resolve("a/b/out.json")).contains("\"schemaVersion\""));
        assertTrue(Files.readString(tmp.resolve("out.sarif")).contains("\"2.1.0\""));
        assertEquals(List.of(), temporaryFiles(tmp));
    }

    @Test
    void aFailedWriteLeavesThePreviousReportWholeAndNoTemporaryFile(@TempDir Path tmp) throws IOException {
        Path target = Files.writeString(tmp.resolve("regionlint.json"), "{\"previous\": true}\n");
        ReportWriter failing = new ReportWriter((format, result, ctx, out) -> {
            out.write("{\"findings\": [");
            out.flush();
            throw new IOException("disk full");
        });
        List<String> problems = failing.write(SampleResults.mixed(), context,
                List.of(new ReportTarget(ReportFormat.JSON, target)));
        assertEquals(List.of("cannot write the json report to " + target + ": disk full"), problems);
        assertEquals("{\"previous\": true}\n", Files.readString(target));
        assertEquals(List.of(), temporaryFiles(tmp));
    }

    /**
     * Writers replace the file over and over while a reader reads it: every read is a whole
     * report. Written in place (truncate, then write), a reader would see a cut-off document.
     */
    @Test
    void concurrentWritersNeverLeaveHalfAReport(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("shared.json");
        LintResult big = SampleResults.mixed();
        ObjectMapper json = new ObjectMapper();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        bad.addAll(new ReportWriter(ReportWriterTest::inSmallPieces).write(big, context,
                                List.of(new ReportTarget(ReportFormat.JSON, target))));
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    try {
                        json.readTree(Files.readString(target));
                    } catch (NoSuchFileException e) {
                        // not written yet
                    } catch (IOException e) {
                        bad.add("half a report: " + e.getMessage());
                    }
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), bad);
        json.readTree(Files.readString(target));
        assertEquals(List.of(), temporaryFiles(tmp));
    }

    @Test
    void beforeTheRunTargetsThatClashOrNameWhatIsReadAreRefused(@TempDir Path tmp) throws IOException {
        Path template = Files.writeString(tmp.resolve("app.yaml"), TEMPLATE);
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve(".regionlint.yaml"), "version: 1\n");
        Path config = Files.writeString(tmp.resolve("other.yaml"), "version: 1\n");
        Path assembly = Files.createDirectories(tmp.resolve("cdk.out"));
        LintRequest request = LintRequest.of(List.of(template, project), tmp).withConfig(Optional.of(config),
                java.util.Map.of());
        List<String> problems = ReportWriter.check(List.of(
                new ReportTarget(ReportFormat.JSON, tmp.resolve("ok.json")),
                new ReportTarget(ReportFormat.SARIF, tmp.resolve("ok.json")),
                new ReportTarget(ReportFormat.TEXT, project),
                new ReportTarget(ReportFormat.JSON, template),
                new ReportTarget(ReportFormat.JSON, project.resolve(".regionlint.yaml")),
                new ReportTarget(ReportFormat.JSON, config),
                new ReportTarget(ReportFormat.SARIF, assembly.resolve("reports/regionlint.sarif"))), request);
        assertEquals(List.of(
                "two reports would be written to " + tmp.resolve("ok.json") + "; write each report to its own file",
                project + " is a folder; give a file name for the text report, e.g. " + project.resolve("regionlint.txt"),
                "refusing to write the json report to " + template + ": it is an input of this run and would be "
                        + "overwritten; write the report to another file",
                "refusing to write the json report to " + project.resolve(".regionlint.yaml") + ": it is the project "
                        + "file and would be overwritten; write the report to another file",
                "refusing to write the json report to " + config + ": it is the project file and would be "
                        + "overwritten; write the report to another file",
                "refusing to write the sarif report to " + assembly.resolve("reports/regionlint.sarif") + ": it is "
                        + "inside the cloud assembly " + assembly + ", which 'cdk synth' owns and regionlint reads; "
                        + "write the report outside it"), problems);
    }

    /** A template found by searching a folder is known only after the run: the writer checks again. */
    @Test
    void aTemplateFoundInAFolderIsNeverOverwritten(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("templates"));
        Path template = Files.writeString(folder.resolve("app.yaml"), TEMPLATE);
        LintRequest request = LintRequest.of(List.of(folder), tmp).withRegions(List.of("us-east-1"));
        ReportTarget onTemplate = new ReportTarget(ReportFormat.JSON, template);
        ReportTarget beside = new ReportTarget(ReportFormat.JSON, folder.resolve("regionlint.json"));
        assertEquals(List.of(), ReportWriter.check(List.of(onTemplate, beside), request));
        LintResult result = new Linter(new RuleRegistry(List.of())).run(request);
        List<String> problems = new ReportWriter().write(result, context, List.of(onTemplate, beside));
        assertEquals(List.of("refusing to write the json report to " + template + ": it is an input of this run "
                + "and would be overwritten; write the report to another file"), problems);
        assertEquals(TEMPLATE, Files.readString(template));
        // a report beside the templates is fine, and the next run skips it (it is no template)
        assertTrue(Files.readString(folder.resolve("regionlint.json")).contains("\"findings\""));
        assertEquals(List.of(), new ReportWriter().write(new Linter(new RuleRegistry(List.of())).run(request),
                context, List.of(beside)));
    }

    /** The real report, handed over in small flushed pieces, as a slow disk or a large report would. */
    private static void inSmallPieces(ReportFormat format, LintResult result, ReportContext context,
                                      java.io.Writer out) throws IOException {
        java.io.StringWriter whole = new java.io.StringWriter();
        new Reporter().write(format, result, context, whole);
        String text = whole.toString();
        for (int i = 0; i < text.length(); i += 64) {
            out.write(text, i, Math.min(64, text.length() - i));
            out.flush();
            Thread.yield();
        }
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
