package io.regionlint.report;

import io.regionlint.config.ProjectFileLoader;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.load.CloudAssemblyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files for the CLI and the Maven plugin alike. Each report is written to a
 * temporary file in the target's folder and renamed over the target, so a reader (or a second
 * run writing the same file at the same time) sees the old report or the new one, never half of
 * one. A target that would destroy what the user has is refused: an input the run read, the
 * project file, or a file inside a cloud assembly (which {@code cdk synth} owns and regionlint
 * reads).
 */
public final class ReportWriter {

    /** Writes one report body to a writer; the default is {@link Reporter}. */
    @FunctionalInterface
    public interface Body {
        void write(ReportFormat format, LintResult result, ReportContext context, Writer out) throws IOException;
    }

    private static final String PROJECT_FILE = "the project file";

    private final Body body;

    /** A writer of the reports exactly as {@link Reporter} writes them. */
    public ReportWriter() {
        this(new Reporter()::write);
    }

    /** A writer whose bodies come from elsewhere (the CLI's text report without its summary line). */
    public ReportWriter(Body body) {
        this.body = body;
    }

    /**
     * What is wrong with the targets before anything is linted: two reports to one file, a
     * folder, an input or the project file named in the request, a file inside a cloud assembly.
     * Empty when all can be written (as far as can be known before the run).
     */
    public static List<String> check(List<ReportTarget> targets, LintRequest request) {
        Map<Path, String> named = new LinkedHashMap<>();
        for (Path input : request.inputs()) {
            named.put(input, describe(input));
            if (Files.isDirectory(input)) {
                named.put(input.resolve(ProjectFileLoader.FILE_NAME), PROJECT_FILE);
            }
        }
        request.configFile().ifPresent(config -> named.put(config, PROJECT_FILE));
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (ReportTarget target : targets) {
            if (!seen.add(target.file())) {
                problems.add("two reports would be written to " + target.file() + "; write each report to its own file");
                continue;
            }
            if (Files.isDirectory(target.file())) {
                problems.add(target.file() + " is a folder; give a file name for the " + target.format().label()
                        + " report, e.g. " + target.file().resolve("regionlint." + target.format().fileExtension()));
                continue;
            }
            refusal(target, named).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Writes every report that can be written; returns what went wrong with the others (one
     * message each), so one unwritable report does not cost the rest.
     */
    public List<String> write(LintResult result, ReportContext context, List<ReportTarget> targets) {
        Map<Path, String> read = new LinkedHashMap<>();
        result.inputFiles().forEach(f -> read.put(f, describe(f)));
        List<String> problems = new ArrayList<>();
        for (ReportTarget target : targets) {
            Optional<String> refused = refusal(target, read);
            if (refused.isPresent()) {
                problems.add(refused.get());
                continue;
            }
            try {
                writeAtomically(target, result, context);
            } catch (IOException | UncheckedIOException e) {
                problems.add("cannot write " + target.describe() + ": " + reason(e));
            }
        }
        return problems;
    }

    /** @param inputs what must not be overwritten, each with what it is ("the project file") */
    private static Optional<String> refusal(ReportTarget target, Map<Path, String> inputs) {
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            if (same(target.file(), input.getKey())) {
                return Optional.of("refusing to write " + target.describe() + ": it is " + input.getValue()
                        + " and would be overwritten; write the report to another file");
            }
        }
        return assemblyAround(target.file()).map(assembly -> "refusing to write " + target.describe()
                + ": it is inside the cloud assembly " + assembly + ", which 'cdk synth' owns and regionlint "
                + "reads; write the report outside it");
    }

    private static String describe(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals(ProjectFileLoader.FILE_NAME)
                ? PROJECT_FILE : "an input of this run";
    }

    private static boolean same(Path a, Path b) {
        Path left = a.toAbsolutePath().normalize();
        Path right = b.toAbsolutePath().normalize();
        if (left.equals(right)) {
            return true;
        }
        try {
            // a symbolic link or another spelling of the same file
            return Files.exists(left) && Files.exists(right) && Files.isSameFile(left, right);
        } catch (IOException e) {
            return false;
        }
    }

    /** The cloud assembly folder the file would sit in, if any ({@code cdk.out} or one with a manifest). */
    private static Optional<Path> assemblyAround(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Path name = dir.getFileName();
            if ((name != null && name.toString().equals("cdk.out")) || CloudAssemblyReader.isAssembly(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * A temporary file in the target's own folder (a rename across file systems is a copy, not
     * atomic), renamed over the target; the temporary file never outlives the call.
     */
    private void writeAtomically(ReportTarget target, LintResult result, ReportContext context) throws IOException {
        Path folder = target.file().getParent();
        Files.createDirectories(folder);
        // a fresh name per call, created new: two runs never share a temporary file
        Path temporary = folder.resolve("." + target.file().getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(target.format(), result, context, out);
            }
            try {
                Files.move(temporary, target.file(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target.file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** What the file system said, without Java's exception class names. */
    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(cause.getMessage());
    }
}
