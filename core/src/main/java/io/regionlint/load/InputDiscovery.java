package io.regionlint.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    public static List<Path> candidates(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(folder) && SKIPPED_FOLDERS.contains(name) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isCandidate(file)) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** True when a loaded document looks like a CloudFormation template. */
    public static boolean isTemplate(Document document) {
        return document.root() instanceof MapNode map
                && (map.get("Resources").isPresent() || map.get("AWSTemplateFormatVersion").isPresent());
    }
}
