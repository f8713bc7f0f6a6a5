package io.regionlint.rules.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The patch-level table read from aws-facts.properties, at its boundaries. */
class EngineVersionTest {

    private static boolean mayDiffer(String engine, String version) {
        return EngineVersion.parse(version).orElseThrow().patchMayDiffer(engine);
    }

    @Test
    void auroraPostgresqlPatchLevelsMayDifferFromThePublishedMinorVersions() {
        assertTrue(mayDiffer("aurora-postgresql", "15.2"));
        assertTrue(mayDiffer("aurora-postgresql", "17.4"));
        assertTrue(mayDiffer("aurora-postgresql", "14.5"));
        assertFalse(mayDiffer("aurora-postgresql", "14.4"));
        assertTrue(mayDiffer("aurora-postgresql", "13.8"));
        assertFalse(mayDiffer("aurora-postgresql", "13.7"));
        assertTrue(mayDiffer("aurora-postgresql", "12.12"));
        assertFalse(mayDiffer("aurora-postgresql", "12.9"));
        assertTrue(mayDiffer("aurora-postgresql", "11.17"));
        assertFalse(mayDiffer("aurora-postgresql", "11.16"));
        assertFalse(mayDiffer("aurora-postgresql", "10.21"));
    }

    @Test
    void noAuroraMysqlVersionAllowsDifferentPatchLevels() {
        assertFalse(mayDiffer("aurora-mysql", "8.0.mysql_aurora.3.08.0"));
        assertFalse(mayDiffer("aurora", "5.6.10a"));
        assertFalse(mayDiffer("some-future-engine", "1.0"));
    }

    @Test
    void auroraMysqlVersionsCompareByTheirAuroraPart() {
        EngineVersion a = EngineVersion.parse("8.0.mysql_aurora.3.04.0").orElseThrow();
        EngineVersion b = EngineVersion.parse("8.0.mysql_aurora.3.4.1").orElseThrow();
        assertTrue(a.sameMajorAndMinor(b));
        assertTrue(a.patchDiffers(b));
        assertEquals("3.04", a.majorAndMinor());
        assertFalse(a.comparableWith(EngineVersion.parse("5.7.12").orElseThrow()));
        assertEquals(Optional.empty(), EngineVersion.parse("16"));
    }
}
