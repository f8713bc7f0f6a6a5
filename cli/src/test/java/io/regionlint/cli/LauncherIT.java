package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./regionlint} launcher against the packaged jar (run after {@code package}, by the
 * {@code launcher} surefire execution). Each test copies the script and the jar into a fresh
 * checkout-shaped folder, so the archive it records never touches the real one.
 */
class LauncherIT {

    private static final Path SCRIPT = Path.of("..", "regionlint").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "regionlint.jar").toAbsolutePath();

    @TempDir
    Path checkout;

    @TempDir
    Path elsewhere;

    private Path launcher;
    private Path archive;
    private Path stamp;
    private Path template;

    @BeforeEach
    void copyCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        assumeTrue(Files.isRegularFile(JAR), "run after package: " + JAR);
        launcher = checkout.resolve("regionlint");
        Files.copy(SCRIPT, launcher);
        launcher.toFile().setExecutable(true);
        Path target = Files.createDirectories(checkout.resolve("cli/target"));
        Files.copy(JAR, target.resolve("regionlint.jar"));
        archive = target.resolve("regionlint.jsa");
        stamp = target.resolve("regionlint.jsa.stamp");
        template = Path.of("src/test/resources/io/regionlint/cli/templates/one-way-replication.yaml").toAbsolutePath();
    }

    @Test
    void runsFromAnyFolderAndThroughASymlink() throws Exception {
        Result direct = run(launcher.toString(), "--version");
        assertEquals(0, direct.exitCode, direct::toString);
        assertTrue(direct.out.startsWith("regionlint "), direct::toString);
        Path link = elsewhere.resolve("rl");
        Files.createSymbolicLink(link, launcher);
        assertEquals(direct.out, run(link.toString(), "--version").out);
        assertFalse(Files.exists(archive), "only check records an archive");
    }

    @Test
    void theFirstCheckRecordsAnArchiveThatLaterRunsUse() throws Exception {
        Result first = check();
        assertEquals(1, first.exitCode, first::toString);
        new ObjectMapper().readTree(first.out); // nothing but the report on stdout
        assertEquals("", first.err, first::toString);
        assertTrue(Files.size(archive) > 0, "archive recorded");
        assertTrue(Files.isRegularFile(stamp));
        assertTrue(listTarget().stream().noneMatch(n -> n.endsWith(".tmp")), listTarget()::toString);
        Result second = check();
        assertEquals(first, second);
    }

    @Test
    void aTruncatedArchiveIsReplacedNotUsed() throws Exception {
        Result clean = check();
        long size = Files.size(archive);
        byte[] head = new byte[(int) Math.min(size / 3, 100_000)];
        System.arraycopy(Files.readAllBytes(archive), 0, head, 0, head.length);
        Files.write(archive, head); // JDK 17 dies of SIGBUS mapping such a file
        assertEquals(clean, check());
        assertTrue(Files.size(archive) > head.length, "recorded again");
        assertEquals(Long.toString(Files.size(archive)), Files.readAllLines(stamp).get(0), "stamp of the new archive");
        assertTrue(listTarget().stream().noneMatch(n -> n.startsWith("hs_err")), listTarget()::toString);
    }

    @Test
    void aCorruptedArchiveWithAMatchingStampIsIgnoredByTheJvm() throws Exception {
        Result clean = check();
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] ^= (byte) 0xff; // refused by -XX:+VerifySharedSpaces
        }
        Files.write(archive, bytes);
        assertEquals(clean, check());
        new Random(1).nextBytes(bytes); // no archive header at all
        Files.write(archive, bytes);
        assertEquals(clean, check());
    }

    @Test
    void anArchiveOlderThanTheJarIsRecordedAgain() throws Exception {
        Result clean = check();
        FileTime jarTime = Files.getLastModifiedTime(checkout.resolve("cli/target/regionlint.jar"));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis() - 60_000));
        assertEquals(clean, check());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(jarTime) > 0, "recorded again");
    }

    @Test
    void cdsCanBeTurnedOff() throws Exception {
        Result run = run(List.of("REGIONLINT_CDS=0"), launcher.toString(), "check", template.toString(), "--regions",
                "us-east-1,eu-west-1", "--format", "json");
        assertEquals(1, run.exitCode, run::toString);
        assertFalse(Files.exists(archive));
    }

    @Test
    void aFailedFirstBuildExitsFiveWithItsOwnMessageAndNoColourCodes() throws Exception {
        Files.delete(checkout.resolve("cli/target/regionlint.jar"));
        // Maven without network: an error line wrapped in the colour codes Maven 3.8 prints even with -B
        Path bin = Files.createDirectories(elsewhere.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/bash\necho \"$*\" > \"" + elsewhere.resolve("mvn-args") + "\"\n"
                + "printf '\\033[0m\\033[0m[ERROR] Could not transfer artifact: Unknown host repo.maven.apache.org"
                + "\\033[0m\\n'\nexit 1\n");
        mvn.toFile().setExecutable(true);
        Result run = run(List.of("PATH=" + bin + ":" + System.getenv("PATH")), launcher.toString(), "check", ".");
        assertEquals(5, run.exitCode, run::toString);
        assertTrue(run.err.contains("[ERROR] Could not transfer artifact"), run::toString);
        assertTrue(run.err.contains("could not build"), run::toString);
        assertTrue(run.err.contains("Maven exited 1"), run::toString);
        assertTrue(run.err.contains("network"), run::toString);
        assertFalse(run.err.contains("\u001b"), run::toString);
        assertEquals("", run.out, run::toString);
        String args = Files.readString(elsewhere.resolve("mvn-args"));
        assertTrue(args.contains("-B") && args.contains("--no-transfer-progress")
                && args.contains("-Dstyle.color=never"), args);
    }

    @Test
    void theHeapIsSizedFromTheMachineAndJavaOptsOverrideIt() throws Exception {
        Result defaults = run(List.of("JAVA_OPTS=-XX:+PrintFlagsFinal"), launcher.toString(), "--version");
        assertEquals(0, defaults.exitCode, defaults::toString);
        assertTrue(defaults.out.lines().anyMatch(l -> l.contains(" MaxRAMPercentage ") && l.contains("= 50.0")
                && l.contains("{command line}")), defaults.out);
        Result small = run(List.of("JAVA_OPTS=-Xmx64m -XX:+PrintFlagsFinal"), launcher.toString(), "--version");
        assertTrue(small.out.lines().anyMatch(l -> l.contains(" MaxHeapSize ") && l.contains("= 67108864 ")),
                small.out);
    }

    private Result check() throws Exception {
        return run(launcher.toString(), "check", template.toString(), "--regions", "us-east-1,eu-west-1", "--format",
                "json");
    }

    private List<String> listTarget() throws IOException {
        try (var files = Files.list(archive.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Result run(String... command) throws Exception {
        return run(List.of(), command);
    }

    private Result run(List<String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(elsewhere.toFile());
        builder.environment().remove("JAVA_OPTS");
        for (String assignment : env) {
            String[] kv = assignment.split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        }
        Path out = Files.createTempFile(elsewhere, "out", ".txt");
        Path err = Files.createTempFile(elsewhere, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exitCode = process.waitFor();
        Result result = new Result(exitCode, Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    private record Result(int exitCode, String out, String err) {
    }
}
