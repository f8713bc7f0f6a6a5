package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the walk reports what it could not read. The failures are handed in directly, as the
 * tests may run as a user (root in containers) whom no permission stops.
 */
class InputDiscoveryTest {

    @Test
    void anUnreadableFolderSaysWhatWasNotLintedAndWhatToDo(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("templates"));
        Optional<InputError> error = InputDiscovery.failure(folder, folder,
                new AccessDeniedException(folder.toString()), p -> dir.relativize(p).toString());
        assertEquals(Optional.of(InputError.atFile("templates", "cannot read folder 'templates' (permission denied),"
                + " so nothing in it was linted; give the user running regionlint read and execute permission on"
                + " it, or leave it out of the inputs")), error);
    }

    @Test
    void anUnreadableTemplateIsReportedAndOtherFilesAreNot(@TempDir Path dir) {
        Path template = dir.resolve("orders.yaml");
        assertEquals(Optional.of(InputError.atFile("orders.yaml", "cannot read file 'orders.yaml' (permission"
                + " denied), so it was not linted; give the user running regionlint read permission on it")),
                InputDiscovery.failure(template, dir, new AccessDeniedException(template.toString()),
                        p -> dir.relativize(p).toString()));
        Path notes = dir.resolve("notes.txt");
        assertEquals(Optional.empty(), InputDiscovery.failure(notes, dir, new AccessDeniedException(notes.toString()),
                p -> dir.relativize(p).toString()));
    }

    @Test
    void aLoopThroughALinkIsNotAnError(@TempDir Path dir) {
        Path loop = dir.resolve("again");
        assertEquals(Optional.empty(), InputDiscovery.failure(loop, dir, new FileSystemLoopException(loop.toString()),
                p -> dir.relativize(p).toString()));
    }
}
