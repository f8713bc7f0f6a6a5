package io.regionlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The project file is configuration, held to a stricter standard than templates: a date the
 * calendar does not have would make a suppression that never expires, and a repeated key leaves
 * unclear which setting was meant. Both are errors with their line (exit code 3).
 */
class ProjectFileLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-02-30|February 2026 has 28 days",
        "2028-02-30|February 2028 has 29 days",
        "2025-13-01|there is no month 13",
        "2025-00-10|there is no month 0",
        "2027-04-31|April 2027 has 30 days",
        "2027-06-00|June 2027 has 30 days",
    })
    void suppressionDatesTheCalendarDoesNotHaveAreErrorsWithTheirLine(String date, String why) throws IOException {
        ProjectFileLoader.Result result = load("""
                version: 1
                suppressions:
                  - rule: RL2003
                    reason: logs stay local
                    expires: 2027-06-30
                  - rule: RL2005
                    reason: audit keeps deletes local
                    expires: %s
                """.formatted(date));
        assertEquals(Optional.empty(), result.project());
        assertEquals(List.of(new InputError(".regionlint.yaml", 8, 14, "project file: suppressions[1].expires: '"
                + date + "' is not a date: " + why + " (write YYYY-MM-DD)")), result.errors());
    }

    @Test
    void realDatesStillLoadAndExpire() throws IOException {
        ProjectFileLoader.Result result = load("""
                version: 1
                suppressions:
                  - rule: RL2003
                    reason: logs stay local
                    expires: 2028-02-29
                  - rule: RL2005
                    reason: quoted dates work too
                    expires: "2027-12-31"
                """);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(Optional.of(LocalDate.of(2028, 2, 29)), Optional.of(LocalDate.of(2027, 12, 31))),
                result.project().orElseThrow().suppressions().stream().map(ProjectFile.SuppressionDecl::expires)
                        .toList());
    }

    @Test
    void aRepeatedKeyInTheProjectFileIsAnErrorNamingBothPlaces() throws IOException {
        ProjectFileLoader.Result result = load("""
                version: 1
                rules:
                  RL2005: { severity: note }
                  RL2005: off
                """);
        assertEquals(Optional.empty(), result.project());
        assertEquals(List.of(new InputError(".regionlint.yaml", 4, 3, "project file: key 'RL2005' appears twice"
                + " (first at line 3, column 3); keep one")), result.errors());
    }

    private ProjectFileLoader.Result load(String text) throws IOException {
        Path file = dir.resolve(ProjectFileLoader.FILE_NAME);
        Files.writeString(file, text);
        ProjectFileLoader.Result result = ProjectFileLoader.load(file, ProjectFileLoader.FILE_NAME, new DocumentLoader());
        assertTrue(result.project().isPresent() != !result.errors().isEmpty(), "exactly one of project and errors");
        return result;
    }
}
