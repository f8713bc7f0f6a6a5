package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.regionlint.testing.TestFiles;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real assemblies under {@code src/test/resources/cdk/} (synthesised by aws-cdk-lib 2.276.0). */
class CloudAssemblyReaderTest {

    static Path assembly(String app) throws URISyntaxException {
        return Path.of(CloudAssemblyReaderTest.class.getResource("/cdk/" + app + "/cdk.out").toURI());
    }

    private static CloudAssembly read(Path folder) {
        Path base = folder.getParent();
        return CloudAssemblyReader.read(folder, p -> base.relativize(p.toAbsolutePath().normalize()).toString());
    }

    @Test
    void readsExplicitEnvironmentsInManifestOrder() throws Exception {
        CloudAssembly a = read(assembly("cross-region"));
        assertEquals(List.of(), a.errors());
        assertEquals(List.of("ReplicaStack", "SourceStack"), a.stacks().stream().map(CloudAssembly.Stack::stackName)
                .toList());
        CloudAssembly.Stack replica = a.stacks().get(0);
        assertEquals(Optional.of("us-west-2"), replica.region());
        assertEquals(Optional.of("111122223333"), replica.account());
        assertEquals("ReplicaStack", replica.constructPath());
        assertEquals("", replica.stagePath());
        assertEquals("ReplicaStack", replica.pathInStage());
        assertEquals("cdk.out/ReplicaStack.template.json", replica.template().displayPath());
        assertEquals(Optional.of("us-east-1"), a.stacks().get(1).region());
        assertTrue(a.stacks().stream().allMatch(s -> s.nested().isEmpty()));
    }

    @Test
    void recursesIntoStagesAndFollowsNestedStacks() throws Exception {
        CloudAssembly a = read(assembly("stages"));
        assertEquals(List.of(), a.errors());
        assertEquals(2, a.stacks().size());
        CloudAssembly.Stack east = a.stacks().get(0);
        CloudAssembly.Stack west = a.stacks().get(1);
        assertEquals("Prod-us-east-1-App", east.stackName());
        assertEquals("Prod-us-east-1/App", east.constructPath());
        assertEquals("Prod-us-east-1", east.stagePath());
        assertEquals(Optional.of("us-east-1"), east.region());
        assertEquals(Optional.of("eu-west-1"), west.region());
        assertEquals("App", east.pathInStage());
        assertEquals(east.pathInStage(), west.pathInStage(), "the Regional copies of one stack share a path in stage");
        assertEquals(1, east.nested().size());
        CloudAssembly.NestedStack tables = east.nested().get(0);
        assertEquals("TablesNestedStackTablesNestedStackResource7FF045E1", tables.logicalId());
        assertTrue(tables.template().displayPath().endsWith("assembly-Prod-us-east-1/Produseast1AppTablesE622F7B0"
                + ".nested.template.json"), tables.template().displayPath());
        assertEquals(tables.logicalId(), west.nested().get(0).logicalId());
    }

    @Test
    void recursesIntoStagesWithinStages() throws Exception {
        CloudAssembly a = read(assembly("nested-stages"));
        assertEquals(List.of(), a.errors());
        assertEquals(List.of("Pipeline/Blue", "Pipeline/Green"), a.stacks().stream().map(CloudAssembly.Stack::stagePath)
                .toList());
        assertEquals(List.of("App", "App"), a.stacks().stream().map(CloudAssembly.Stack::pathInStage).toList());
        assertEquals(List.of(Optional.of("us-east-1"), Optional.of("us-west-2")),
                a.stacks().stream().map(CloudAssembly.Stack::region).toList());
    }

    @Test
    void environmentAgnosticStacksHaveNoRegionOrAccount() throws Exception {
        CloudAssembly a = read(assembly("env-agnostic"));
        assertEquals(List.of(), a.errors());
        assertEquals(1, a.stacks().size());
        assertEquals(Optional.empty(), a.stacks().get(0).region());
        assertEquals(Optional.empty(), a.stacks().get(0).account());
        assertEquals("Logs", a.stacks().get(0).constructPath());
        assertEquals(List.of("AuditNestedStackAuditNestedStackResourceF69BD105"),
                a.stacks().get(0).nested().stream().map(CloudAssembly.NestedStack::logicalId).toList());
    }

    @Test
    void recognisesAssemblies(@TempDir Path temp) throws Exception {
        assertTrue(CloudAssemblyReader.isAssembly(assembly("stages")));
        assertTrue(CloudAssemblyReader.isAssembly(assembly("stages").resolve("assembly-Prod-us-east-1")));
        assertFalse(CloudAssemblyReader.isAssembly(assembly("stages").getParent()));
        Path other = Files.createDirectory(temp.resolve("out"));
        Files.writeString(other.resolve("manifest.json"), "{\"name\": \"a web app manifest\"}");
        assertFalse(CloudAssemblyReader.isAssembly(other));
        Files.writeString(other.resolve("manifest.json"), "{\"version\": \"21.0.0\", \"artifacts\": {}}");
        assertTrue(CloudAssemblyReader.isAssembly(other), "a manifest listing artifacts, whatever the folder's name");
    }

    @Test
    void missingManifestIsAnInputError(@TempDir Path temp) {
        CloudAssembly a = read(temp);
        assertEquals(1, a.errors().size());
        assertTrue(a.errors().get(0).message().contains("no manifest.json"), a.errors().get(0).message());
        assertEquals(List.of(), a.stacks());
    }

    @Test
    void brokenManifestIsAnInputErrorWithItsLine(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{\n  \"version\": \"36.0.0\",\n  \"artifacts\": {\n    \"A\": \n}\n");
        CloudAssembly a = read(temp);
        assertEquals(1, a.errors().size());
        assertEquals(5, a.errors().get(0).line(), a.errors().get(0).toString());
    }

    @Test
    void missingTemplateIsReportedAtItsManifestLineAndTheRestIsRead(@TempDir Path temp) throws Exception {
        Path copy = TestFiles.copyTree(assembly("cross-region"), temp.resolve("cdk.out"));
        Files.delete(copy.resolve("ReplicaStack.template.json"));
        CloudAssembly a = read(copy);
        assertEquals(List.of("SourceStack"), a.stacks().stream().map(CloudAssembly.Stack::stackName).toList());
        assertEquals(1, a.errors().size());
        InputError error = a.errors().get(0);
        assertEquals("cdk.out/manifest.json", error.file());
        List<String> lines = Files.readAllLines(copy.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(lines.get(error.line() - 1).contains("\"templateFile\": \"ReplicaStack.template.json\""),
                error.toString());
        assertTrue(error.message().contains("does not exist"), error.message());
    }

    @Test
    void aManifestNamingATemplateOutsideTheAssemblyIsRefusedAtItsLine(@TempDir Path temp) throws Exception {
        Path copy = TestFiles.copyTree(assembly("cross-region"), temp.resolve("cdk.out"));
        // the file exists, outside the assembly: reading it would leak whatever the manifest names
        Files.move(copy.resolve("ReplicaStack.template.json"), temp.resolve("ReplicaStack.template.json"));
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"templateFile\": \"ReplicaStack.template.json\"",
                "\"templateFile\": \"../ReplicaStack.template.json\""));
        CloudAssembly a = read(copy);
        assertEquals(List.of("SourceStack"), a.stacks().stream().map(CloudAssembly.Stack::stackName).toList());
        assertEquals(1, a.errors().size(), a.errors().toString());
        InputError error = a.errors().get(0);
        assertEquals("cdk.out/manifest.json", error.file());
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        assertTrue(lines.get(error.line() - 1).contains("\"templateFile\": \"../ReplicaStack.template.json\""),
                error.toString());
        assertTrue(error.message().contains("template '../ReplicaStack.template.json' of stack 'ReplicaStack' lies"
                + " outside the cloud assembly folder, so it was not read"), error.message());
        assertFalse(a.files().contains(temp.resolve("ReplicaStack.template.json")), "never read");
    }

    @Test
    void missingNestedTemplateIsReportedAtItsAssetPath(@TempDir Path temp) throws Exception {
        Path copy = TestFiles.copyTree(assembly("stages"), temp.resolve("cdk.out"));
        Files.delete(copy.resolve("assembly-Prod-eu-west-1/Prodeuwest1AppTablesD97609BB.nested.template.json"));
        CloudAssembly a = read(copy);
        assertEquals(2, a.stacks().size());
        assertEquals(1, a.errors().size());
        assertTrue(a.errors().get(0).file().endsWith("Prodeuwest1AppE17122C0.template.json"), a.errors().toString());
        assertTrue(a.errors().get(0).message().contains("is not in the cloud assembly"), a.errors().toString());
    }

    @Test
    void olderManifestsWithoutDisplayNamesUseTheirMetadataKeys(@TempDir Path temp) throws Exception {
        // the shape of schema 20.x-30.x manifests: inline metadata keyed by construct path, no displayName
        Path dir = Files.createDirectory(temp.resolve("cdk.out"));
        Files.copy(assembly("env-agnostic").resolve("Logs.template.json"), dir.resolve("Logs.template.json"));
        Files.copy(assembly("env-agnostic").resolve("LogsAudit08E3B60C.nested.template.json"),
                dir.resolve("LogsAudit08E3B60C.nested.template.json"));
        Files.writeString(dir.resolve("manifest.json"), """
                {
                  "version": "20.0.0",
                  "artifacts": {
                    "Logs": {
                      "type": "aws:cloudformation:stack",
                      "environment": "aws://unknown-account/eu-central-1",
                      "properties": { "templateFile": "Logs.template.json" },
                      "metadata": {
                        "/Logs/Logs/Resource": [ { "type": "aws:cdk:logicalId", "data": "Logs6819BB44" } ],
                        "/Logs": [ { "type": "aws:cdk:stack-tags", "data": [] } ]
                      }
                    },
                    "Tree": { "type": "cdk:tree", "properties": { "file": "tree.json" } }
                  }
                }
                """);
        CloudAssembly a = read(dir);
        assertEquals(List.of(), a.errors());
        assertEquals("Logs", a.stacks().get(0).constructPath());
        assertEquals(Optional.of("eu-central-1"), a.stacks().get(0).region());
        assertEquals(Optional.empty(), a.stacks().get(0).account());
    }
}
