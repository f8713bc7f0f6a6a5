package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.InputError;
import io.regionlint.load.Limits;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployed state through the planner: a folder of real-shaped snapshots (a delivered snapshot and
 * a history file) becomes pseudo stacks per account and Region that the same linkers join; a
 * pull bundle's manifest and CloudFormation files are skipped; a broken snapshot is an input
 * error at its line while the rest is still planned.
 */
class DeployedInputsTest {

    @TempDir
    Path tmp;

    private static Path config(String name) throws URISyntaxException {
        return Path.of(DeployedInputsTest.class.getResource("/config/" + name).toURI());
    }

    private InputPlan plan(List<Path> deployed) {
        return InputPlanner.plan(new InputPlanner.Request(List.of(), Optional.empty(), List.of(), Map.of(),
                Optional.empty(), tmp, Limits.DEFAULT, deployed));
    }

    @Test
    void aBundleFolderIsReadWithoutItsManifestAndCloudFormationFiles() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("config/111122223333/us-east-1"));
        Files.createDirectories(bundle.resolve("cloudformation/111122223333/us-east-1"));
        Files.copy(config("delivered-snapshot.json"), bundle.resolve("config/111122223333/us-east-1/items.json"));
        Files.writeString(bundle.resolve("cloudformation/111122223333/us-east-1/stacks.json"), "{\"Stacks\": [}");
        Files.writeString(bundle.resolve("manifest.json"), "{\"format\": \"regionlint-snapshot-bundle\", \"version\": 1}");
        InputPlan plan = plan(List.of(bundle));
        assertEquals(List.of(), plan.errors());
        assertEquals(List.of(bundle.resolve("manifest.json").toAbsolutePath().normalize()), plan.bundleManifests());
        assertEquals(1, plan.files().size(), "only the snapshot is read: " + plan.files());
        InputPlan.TopologyPlan topology = plan.topologies().get(0);
        assertTrue(topology.stacks().stream().allMatch(s -> s.observed().isPresent()));
        Topology built = TopologyBuilder.build(topology).topology();
        Resource bucket = built.resources().stream().filter(r -> r.physicalName().equals("acme-media-us-east-1"))
                .findFirst().orElseThrow();
        Provenance.Observed observed = (Provenance.Observed) bucket.provenance();
        assertEquals("arn:aws:s3:::acme-media-us-east-1", observed.arn());
        assertEquals(Optional.of("2026-11-30T07:29:16.288Z"), observed.captureTime());
        assertTrue(observed.range().line() > 1);
        // the replication role is recorded in Region global and still joins the bucket's rule
        assertTrue(built.replicationRules().stream().anyMatch(r -> r.source() == bucket && r.role().isPresent()),
                "the global role joins by ARN: " + built.replicationRules());
    }

    @Test
    void aBrokenSnapshotIsAnInputErrorAtItsLineAndTheOthersAreRead() throws Exception {
        Path folder = tmp.resolve("snapshots");
        Files.createDirectories(folder);
        Files.copy(config("broken-items.json"), folder.resolve("a-broken.json"));
        Files.copy(config("delivered-snapshot.json"), folder.resolve("b-good.json"));
        InputPlan plan = plan(List.of(folder));
        List<InputError> errors = plan.errors();
        assertTrue(errors.stream().anyMatch(e -> e.file().endsWith("a-broken.json") && e.line() > 1), errors.toString());
        assertEquals(2, plan.files().size());
        assertTrue(plan.topologies().get(0).stacks().stream().anyMatch(s -> s.region().equals(Optional.of("us-east-1"))));
    }
}
