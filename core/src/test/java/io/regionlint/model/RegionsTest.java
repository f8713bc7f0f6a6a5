package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void theListHoldsEveryDocumentedPartition() {
        assertEquals("aws", Regions.partition("mx-central-1"));
        assertEquals("aws", Regions.partition("ap-southeast-7"));
        assertEquals("aws-cn", Regions.partition("cn-northwest-1"));
        assertEquals("aws-us-gov", Regions.partition("us-gov-east-1"));
        assertEquals("aws-iso-b", Regions.partition("us-isob-east-1"), "the prefix alone would say aws");
        assertEquals("aws-eusc", Regions.partition("eusc-de-east-1"));
        assertTrue(Regions.known().containsAll(List.of("us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1")));
        assertFalse(Regions.known().contains("aws-global"), "an SDK pseudo-Region, not somewhere to deploy");
        assertTrue(Regions.verified().matches("\\d{4}-\\d{2}-\\d{2}"), Regions.verified());
    }

    @Test
    void everyListedCodeIsShapedLikeARegionCode() {
        Regions.known().forEach(code -> assertTrue(Regions.isRegionCode(code), code));
    }

    @Test
    void anUnknownCodeGetsTheNearestKnownOnes() {
        assertFalse(Regions.isKnown("eu-wst-1"));
        assertEquals(List.of("eu-west-1"), Regions.suggestions("eu-wst-1"));
        assertEquals("unknown Region 'eu-wst-1': did you mean eu-west-1?", Regions.unknownMessage("eu-wst-1"));
        // a transposition is two edits; every code at the smallest distance is offered
        assertEquals(List.of("us-east-1"), Regions.suggestions("us-eats-1"));
        assertEquals(List.of("eu-west-1", "eu-west-2", "eu-west-3"), Regions.suggestions("eu-west-9"));
        assertEquals("unknown Region 'eu-west-9': did you mean eu-west-1, eu-west-2 or eu-west-3?",
                Regions.unknownMessage("eu-west-9"));
        assertEquals(List.of(), Regions.suggestions("zz-nowhere-1"));
        assertTrue(Regions.unknownMessage("zz-nowhere-1").startsWith("unknown Region 'zz-nowhere-1' (not an AWS Region"));
        // a partition-less prefix still falls back to the commercial partition, as before
        assertEquals("aws", Regions.partition("xx-new-1"));
        assertEquals("aws-cn", Regions.partition("cn-south-9"));
    }
}
