package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.model.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding or related place at a whole observed resource points at that resource's own
 * configuration item, in its own snapshot file: the Regions' snapshots of samples/deployed are
 * two files, and the second file's resources must not be placed in the first.
 */
class ObservedSiteTest {

    @Test
    void anObservedResourceIsPlacedInItsOwnSnapshotFile() throws Exception {
        Path config = Path.of("../samples/deployed/config").toAbsolutePath().normalize();
        RuleRegistry none = new RuleRegistry(List.of());
        LintResult result = new Linter(none).run(LintRequest.builder(config).deployed(List.of(config))
                .regions(List.of("us-east-1", "us-west-2")).build(none));
        Resource west = result.topology().resources().stream()
                .filter(r -> r.physicalName().equals("acme-assets-us-west-2")).findFirst().orElseThrow();
        Site site = Site.of(west);
        assertEquals(west.observed().orElseThrow().range(), site.range());
        assertEquals(true, site.range().file().contains("us-west-2"), site.range().file());
    }
}
