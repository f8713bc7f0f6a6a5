package io.regionlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import io.regionlint.load.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Region codes in a project file are checked against the partitions' list of Regions. */
class ProjectFileRegionsTest {

    private static final String PROJECT = """
            version: 1
            topology:
              regions:
                us-east-1: active
                eu-wst-1: active
              stacks:
                - name: app
                  template: app.yaml
                  regions: [us-east-1, us-wset-2]
                  regionParameters:
                    ap-southeast-9: { Primary: "false" }
            """;

    private static ProjectFileLoader.Result load(Path dir, String text) throws IOException {
        Path file = dir.resolve(ProjectFileLoader.FILE_NAME);
        Files.writeString(file, text);
        return ProjectFileLoader.load(file, ProjectFileLoader.FILE_NAME, new DocumentLoader(Limits.DEFAULT));
    }

    @Test
    void unknownRegionsAreInputErrorsAtTheirLineWithASuggestion(@TempDir Path dir) throws IOException {
        ProjectFileLoader.Result result = load(dir, PROJECT);
        assertTrue(result.project().isEmpty(), "a typo must not deploy stacks to a Region that does not exist");
        List<InputError> errors = result.errors();
        assertEquals(3, errors.size(), errors.toString());
        InputError role = errors.get(0);
        assertEquals(5, role.line(), errors.toString());
        assertEquals(5, role.column(), errors.toString());
        assertTrue(role.message().contains("unknown Region 'eu-wst-1': did you mean eu-west-1?"), role.message());
        assertTrue(role.message().contains("topology.allowUnknownRegions: true"), role.message());
        assertEquals(9, errors.get(1).line(), errors.toString());
        assertEquals(28, errors.get(1).column(), errors.toString());
        assertTrue(errors.get(1).message().contains("'us-wset-2': did you mean us-west-2?"), errors.toString());
        assertEquals(11, errors.get(2).line(), errors.toString());
        assertTrue(errors.get(2).message().contains("'ap-southeast-9'"), errors.toString());
    }

    @Test
    void allowUnknownRegionsAcceptsRegionsNewerThanTheList(@TempDir Path dir) throws IOException {
        ProjectFileLoader.Result result = load(dir, PROJECT.replace("topology:\n",
                "topology:\n  allowUnknownRegions: true\n"));
        assertEquals(List.of(), result.errors());
        ProjectFile project = result.project().orElseThrow();
        assertEquals(List.of("us-east-1", "eu-wst-1"), List.copyOf(project.regions().keySet()));
        assertEquals(List.of("us-east-1", "us-wset-2"), project.stacks().get(0).regions());
    }

    @Test
    void knownRegionsOfEveryPartitionPass(@TempDir Path dir) throws IOException {
        ProjectFileLoader.Result result = load(dir, """
                version: 1
                topology:
                  regions: { us-east-1: active, mx-central-1: standby, cn-north-1: active, us-gov-west-1: witness }
                  allowUnknownRegions: false
                """);
        assertEquals(List.of(), result.errors());
    }
}
