package io.regionlint.model;

import io.regionlint.load.ConfigSnapshotReader;
import io.regionlint.load.InputError;
import io.regionlint.load.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and reads the AWS Config snapshot files of {@code --deployed} and {@code topology.deployed}:
 * a file, or a folder walked recursively for {@code *.json} and {@code *.json.gz}. A snapshot
 * bundle's {@code manifest.json} ({@code "format": "regionlint-snapshot-bundle"}) and everything
 * under a {@code cloudformation/} folder are not configuration items: they are skipped without
 * a word, and the manifests are remembered for what reads a bundle's coverage.
 */
final class DeployedInputs {

    static final String BUNDLE_FORMAT = "regionlint-snapshot-bundle";
    private static final Pattern BUNDLE = Pattern.compile("\"format\"\\s*:\\s*\"" + BUNDLE_FORMAT + "\"");

    /** What reading gave: the snapshot files read, in order, and their errors. */
    record Read(List<Path> files, List<InputError> errors) {
    }

    private final Function<Path, String> display;
    private final ConfigSnapshotReader reader = new ConfigSnapshotReader();
    private final Set<Path> manifests = new LinkedHashSet<>();

    DeployedInputs(Function<Path, String> display) {
        this.display = display;
    }

    List<Path> manifests() {
        return List.copyOf(manifests);
    }

    /** Reads every snapshot the paths name into {@code sink}, item by item. */
    Read read(List<Map.Entry<Path, Optional<SourceRange>>> paths, ObservedStacks sink) {
        List<Path> files = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (Map.Entry<Path, Optional<SourceRange>> given : paths) {
            Path path = given.getKey();
            if (!Files.exists(path)) {
                String message = "deployed: '" + display.apply(path) + "' does not exist (expected an AWS Config"
                        + " snapshot file or a folder of them)";
                errors.add(given.getValue().map(r -> InputError.at(r, message))
                        .orElseGet(() -> InputError.atFile(display.apply(path), message)));
                continue;
            }
            for (Path file : snapshots(path, errors)) {
                Path abs = file.toAbsolutePath().normalize();
                if (!seen.add(abs)) {
                    continue;
                }
                if (isBundleManifest(file)) {
                    manifests.add(abs);
                    continue;
                }
                ConfigSnapshotReader.Result result = reader.read(file, display.apply(file), sink::add);
                errors.addAll(result.errors());
                files.add(file);
            }
        }
        return new Read(files, errors);
    }

    /** The file itself, or a folder's snapshot files in path order (none under {@code cloudformation/}). */
    private List<Path> snapshots(Path path, List<InputError> errors) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !path.relativize(f).toString().replace('\\', '/').matches("(.*/)?cloudformation/.*"))
                    .filter(ConfigSnapshotReader::looksLikeSnapshot)
                    .filter(f -> !f.getFileName().toString().endsWith(".gz") || f.getFileName().toString()
                            .endsWith(".json.gz"))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(InputError.atFile(display.apply(path), "deployed: cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isBundleManifest(Path file) {
        if (!file.getFileName().toString().equals("manifest.json")) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            return BUNDLE.matcher(head).find();
        } catch (IOException e) {
            return false; // read as a snapshot, which reports why it cannot be read
        }
    }
}
