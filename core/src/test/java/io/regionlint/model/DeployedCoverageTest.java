package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot bundle's coverage lines, as docs/snapshot-bundle.md defines them. */
class DeployedCoverageTest {

    @TempDir
    Path dir;

    @Test
    void eachLineSaysHowOneTypeWasPulledInOneAccountAndRegion() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), """
                {"format": "regionlint-snapshot-bundle", "version": 1, "mode": "aggregator", "coverage": [
                  {"account": "111122223333", "region": "us-east-1", "resourceType": "AWS::S3::Bucket", "status": "complete", "items": 0},
                  {"account": "444455556666", "region": "us-east-1", "resourceType": "AWS::S3::Bucket", "status": "failed", "items": 0},
                  {"account": "111122223333", "region": "eu-west-1", "resourceType": "AWS::S3::Bucket", "status": "not-recorded", "items": 0},
                  {"account": "111122223333", "region": "eu-west-1", "resourceType": "AWS::IAM::Role", "status": "partial"}
                ]}
                """);
        List<InputError> errors = new ArrayList<>();
        DeployedCoverage coverage = DeployedCoverage.read(List.of(manifest), dir, errors);
        String bucket = "AWS::S3::Bucket";
        assertEquals(Optional.of(DeployedCoverage.Status.COMPLETE), coverage.of(Optional.of("111122223333"), "us-east-1", bucket));
        assertEquals(Optional.of(DeployedCoverage.Status.FAILED), coverage.of(Optional.of("444455556666"), "us-east-1", bucket));
        assertEquals(Optional.of(DeployedCoverage.Status.COMPLETE), coverage.of(Optional.empty(), "us-east-1", bucket),
                "an account that is not known: complete where any account's pull was");
        assertEquals(Optional.of(DeployedCoverage.Status.NOT_RECORDED), coverage.of(Optional.empty(), "eu-west-1", bucket));
        assertEquals(Optional.empty(), coverage.of(Optional.of("111122223333"), "us-west-2", bucket), "no line: no word");
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("manifest.json", errors.get(0).file());
        assertEquals(5, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("status is 'partial'"), errors.get(0).message());
    }

    @Test
    void withoutABundleNothingIsSaid() {
        List<InputError> errors = new ArrayList<>();
        assertTrue(DeployedCoverage.read(List.of(), dir, errors).isEmpty());
        assertTrue(errors.isEmpty());
    }
}
