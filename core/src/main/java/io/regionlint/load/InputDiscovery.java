package io.regionlint.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds candidate template files below a folder: {@code .yaml}, {@code .yml}, {@code .json} and
 * {@code .template}, in a stable order. Skips dependency and build folders that never hold the
 * user's templates ({@code node_modules}, {@code .git}, {@code target}) and CDK output
 * ({@code cdk.out}, read through its manifest instead).
 */
public final class InputDiscovery {

    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", ".git", "target", "cdk.out",
            ".aws-sam", ".terraform");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");

    private InputDiscovery() {
    }

    public static boolean isCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith) && !name.equals(".regionlint.yaml");
    }

    /** The candidates below a folder; a folder or file that cannot be read is left out silently. */
    public static List<Path> candidates(Path folder) throws IOException {
        return discover(folder, Path::toString).files();
    }

    /**
     * What a folder holds: its candidate files, and what could not be read below it.
     *
     * @param files candidate files in a stable order (symbolic links to files are followed and
     *     listed under the link's path)
     * @param problems a folder or candidate that could not be read, or a link to nothing, each
     *     worded for a CI log
     */
    public record Discovery(List<Path> files, List<InputError> problems) {

        public Discovery {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Walks a folder, following symbolic links (templates are often linked in from a shared
     * checkout). A link back to a folder above it is a loop the walk notices and does not enter
     * twice; nothing is reported for it, as its files are read once already.
     */
    public static Discovery discover(Path folder, Function<Path, String> display) {
        List<Path> out = new ArrayList<>();
        List<InputError> problems = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(folder) && SKIPPED_FOLDERS.contains(name) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isCandidate(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        out.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        // with FOLLOW_LINKS, a link is only reported as a link when its target is missing
                        problems.add(InputError.atFile(display.apply(file), "symbolic link to a file that does not"
                                + " exist (" + linkTarget(file) + "), so it was not linted; fix or remove the link"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failure(file, folder, e, display).ifPresent(problems::add);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failure(folder, folder, e, display).ifPresent(problems::add);
        }
        out.sort(null);
        return new Discovery(out, problems);
    }

    /**
     * How a path the walk could not read is reported: a folder (or the input itself) always, a
     * file only when it would have been a candidate, a loop through a link never.
     */
    static Optional<InputError> failure(Path path, Path input, IOException e, Function<Path, String> display) {
        if (e instanceof FileSystemLoopException) {
            return Optional.empty();
        }
        boolean folder = path.equals(input) || Files.isDirectory(path);
        if (!folder && !isCandidate(path)) {
            return Optional.empty();
        }
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "it does not exist"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String what = folder ? "folder" : "file";
        String consequence = folder ? "nothing in it was linted; give the user running regionlint read and"
                + " execute permission on it, or leave it out of the inputs"
                : "it was not linted; give the user running regionlint read permission on it";
        return Optional.of(InputError.atFile(display.apply(path), "cannot read " + what + " '" + display.apply(path)
                + "' (" + why + "), so " + consequence));
    }

    private static String linkTarget(Path link) {
        try {
            return "it points to " + Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return "its target cannot be read";
        }
    }

    /** True when a loaded document looks like a CloudFormation template. */
    public static boolean isTemplate(Document document) {
        return document.root() instanceof MapNode map
                && (map.get("Resources").isPresent() || map.get("AWSTemplateFormatVersion").isPresent());
    }
}
