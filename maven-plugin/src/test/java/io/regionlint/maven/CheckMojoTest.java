package io.regionlint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojo in-process, with the built-in rules on the samples (the invoker builds under src/it
 * run it inside real Maven builds). The counts a message must give are read from the JSON report
 * the mojo wrote beside the SARIF, so the tests follow the sample as it grows.
 */
class CheckMojoTest {

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    private final RecordingLog log = new RecordingLog();

    @Test
    void findingsFailTheBuildSayingHowManyAndWhereTheReportIs(@TempDir Path tmp) throws IOException {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        Path sarif = mojo.outputDirectory.toPath().resolve("regionlint.sarif");
        int errors = summary(mojo, "error");
        assertTrue(errors > 0);
        assertEquals("regionlint: " + errors + " findings at or above error (failOn=error); the report is " + sarif,
                e.getMessage());
        assertEquals(errors, log.lines("error").size(), log.toString());
        assertEquals(summary(mojo, "warning"), log.lines("warn").size(), log.toString());
        String media = tmp.resolve("templates/media.yaml").toString();
        assertTrue(log.lines("error").stream().anyMatch(l -> l.startsWith(media + ":61:25: ")
                && l.endsWith(" [RL2001 s3-replication-not-bidirectional]")), log.toString());
        assertTrue(Files.readString(sarif).contains("\"RL2001\""));
        assertTrue(Files.isRegularFile(mojo.outputDirectory.toPath().resolve("regionlint.json")));
    }

    @Test
    void failOnViolationFalseOnlyWarns(@TempDir Path tmp) throws Exception {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.failOnViolation = false;
        mojo.execute();
        int errors = summary(mojo, "error");
        assertTrue(log.lines("warn").stream().anyMatch(l -> l.startsWith("regionlint: " + errors
                + " findings at or above error")
                && l.endsWith("(failOnViolation is false: the build goes on)")), log.toString());
    }

    @Test
    void failOnWarningCountsTheWarningToo(@TempDir Path tmp) throws IOException {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.failOn = "WARNING";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        int atLeastWarning = summary(mojo, "error") + summary(mojo, "warning");
        assertTrue(summary(mojo, "warning") > 0);
        assertTrue(e.getMessage().startsWith("regionlint: " + atLeastWarning
                + " findings at or above warning (failOn=warning)"), e.getMessage());
    }

    @Test
    void rulesAndLevelsSelectLikeTheCommandLine(@TempDir Path tmp) throws Exception {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.rules = List.of("RL2", "RL5");
        mojo.severities = Map.of("RL2", "off");
        mojo.skipRules = List.of("rl5");
        mojo.execute();
        assertTrue(log.lines("error").isEmpty(), log.toString());
        assertTrue(log.lines("info").stream().anyMatch(l -> l.contains(": 0 errors, 0 warnings")), log.toString());
    }

    @Test
    void aModuleWithoutItsOwnProjectFileIsSkippedNeverTheParentsLinted(@TempDir Path tmp) throws Exception {
        sample("two-region-app", tmp);
        Path child = Files.createDirectories(tmp.resolve("child"));
        CheckMojo mojo = mojo(child);
        mojo.execute();
        assertEquals(List.of("regionlint: skipped: no .regionlint.yaml in " + child
                + " (set <inputs> or <configFile> to lint templates elsewhere)"), log.lines("info"));
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));

        // named explicitly, the parent's project is linted
        mojo.configFile = new File("../.regionlint.yaml");
        assertThrows(MojoFailureException.class, mojo::execute);
    }

    @Test
    void skipLintsNothing(@TempDir Path tmp) throws Exception {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("info regionlint: skipped (regionlint.skip)"), log.all);
    }

    @Test
    void wrongParametersAreConfigurationErrorsNamingTheParameter(@TempDir Path tmp) throws IOException {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.rules = List.of("RL2099");
        mojo.severities = Map.of("RL2005", "fatal");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("regionlint: <rules> RL2099: no rule id starts with RL2099"), e.getMessage());
        assertTrue(e.getMessage().contains("<severities> fatal: 'fatal' is not a level for RL2005 (expected one of: "
                + "error, warning, note, off)"), e.getMessage());

        CheckMojo threshold = mojo(tmp);
        threshold.failOn = "sometimes";
        assertEquals("regionlint: <failOn> 'sometimes' is not a threshold (expected one of: error, warning, note, never)",
                assertThrows(MojoExecutionException.class, threshold::execute).getMessage());

        CheckMojo format = mojo(tmp);
        format.formats = List.of("xml");
        assertTrue(assertThrows(MojoExecutionException.class, format::execute).getMessage()
                .contains("<formats> 'xml' is not a report format"));
    }

    @Test
    void reportsAreNeverWrittenInsideACloudAssembly(@TempDir Path tmp) throws IOException {
        CheckMojo mojo = mojo(sample("two-region-app", tmp));
        mojo.outputDirectory = tmp.resolve("cdk.out/regionlint").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("it is inside the cloud assembly " + tmp.resolve("cdk.out")), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cdk.out")));
    }

    /** The plugin only translates parameters for the core: the command line's code is not even on its class path. */
    @Test
    void nothingFromTheCommandLineModule() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.regionlint.cli.Main"));
    }

    private CheckMojo mojo(Path basedir) {
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(log);
        mojo.basedir = basedir.toFile();
        mojo.outputDirectory = basedir.resolve("target/regionlint").toFile();
        return mojo;
    }

    /** Copies a sample's project file and templates into the folder. */
    private static Path sample(String name, Path to) throws IOException {
        Path from = SAMPLES.resolve(name);
        for (String part : List.of(".regionlint.yaml", "templates")) {
            try (Stream<Path> files = Files.walk(from.resolve(part))) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return to;
    }

    /** A Maven log that keeps every line with its level. */
    private static final class RecordingLog implements Log {
        final List<String> all = new ArrayList<>();

        List<String> lines(String level) {
            return all.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1))
                    .toList();
        }

        @Override
        public String toString() {
            return String.join("\n", all);
        }

        private void add(String level, CharSequence content) {
            all.add(level + " " + content);
        }

        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(CharSequence content) { add("debug", content); }
        @Override public void debug(CharSequence content, Throwable error) { add("debug", content); }
        @Override public void debug(Throwable error) { add("debug", error.toString()); }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(CharSequence content) { add("info", content); }
        @Override public void info(CharSequence content, Throwable error) { add("info", content); }
        @Override public void info(Throwable error) { add("info", error.toString()); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence content) { add("warn", content); }
        @Override public void warn(CharSequence content, Throwable error) { add("warn", content); }
        @Override public void warn(Throwable error) { add("warn", error.toString()); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence content) { add("error", content); }
        @Override public void error(CharSequence content, Throwable error) { add("error", content); }
        @Override public void error(Throwable error) { add("error", error.toString()); }
    }

    /** A count of the summary of the JSON report the mojo wrote ("error", "warning", "note"). */
    private static int summary(CheckMojo mojo, String severity) throws IOException {
        String json = Files.readString(mojo.outputDirectory.toPath().resolve("regionlint.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"summary\"[^}]*?\"" + severity
                + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), "no summary." + severity + " in " + json);
        return Integer.parseInt(m.group(1));
    }
}
