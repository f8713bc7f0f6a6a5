package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a template keeps once modelled ({@link Document#keepOutline}): the keys
 * and places rules read after the build (parameter declarations, logical ids, the sections'
 * keys), {@code Metadata} whole, and nothing below the sections' entries.
 */
class DocumentOutlineTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Metadata:
              regionlint:
                suppress:
                  - rule: RL2001
                    reason: one-way on purpose
            Parameters:
              Env:
                Type: String
                Default: prod
            Resources:
              Orders:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub orders-${AWS::Region}
              Queue:
                Type: AWS::SQS::Queue
            Outputs:
              Name:
                Value: !Ref Orders
            """;

    private final Document document = new DocumentLoader()
            .parse(TEMPLATE, Path.of("app.yaml"), "app.yaml").document().orElseThrow();

    @Test
    void keepsEverySectionsKeysAtTheirPlacesButNothingBelowThem() {
        MapNode full = (MapNode) document.root();
        document.keepOutline();
        MapNode outline = (MapNode) document.root();
        assertEquals(full.entries().keySet(), outline.entries().keySet());
        for (String section : List.of("Parameters", "Resources", "Outputs")) {
            MapNode was = (MapNode) full.get(section).orElseThrow();
            MapNode is = (MapNode) outline.get(section).orElseThrow();
            assertEquals(was.entries().keySet(), is.entries().keySet(), section);
            assertEquals(was.range(), is.range(), section);
            int i = 0;
            for (String key : was.entries().keySet()) {
                assertEquals(was.keyRange(i), is.keyRange(i), section + "." + key + " key");
                Node entry = is.get(key).orElseThrow();
                assertEquals(was.get(key).orElseThrow().range(), entry.range(), section + "." + key);
                assertEquals(was.get(key).orElseThrow().pointer(), entry.pointer(), section + "." + key);
                assertTrue(((MapNode) entry).entries().isEmpty(), section + "." + key + " keeps no children");
                i++;
            }
        }
        assertEquals("/Resources/Orders", ((MapNode) outline.get("Resources").orElseThrow()).get("Orders")
                .orElseThrow().pointer());
        assertEquals(16, ((MapNode) outline.get("Resources").orElseThrow()).keyRange("Queue").line());
    }

    @Test
    void keepsMetadataWholeAndTheFileAndDefectsAndIsIdempotent() {
        Node metadata = ((MapNode) document.root()).get("Metadata").orElseThrow();
        List<Defect> defects = document.defects();
        document.keepOutline();
        Node outline = document.root();
        assertSame(metadata, ((MapNode) outline).get("Metadata").orElseThrow());
        assertEquals(Path.of("app.yaml"), document.path());
        assertEquals("app.yaml", document.displayPath());
        assertEquals(defects, document.defects());
        assertInstanceOf(ScalarNode.class, ((MapNode) outline).get("AWSTemplateFormatVersion").orElseThrow());
        document.keepOutline();
        assertSame(outline, document.root(), "a second call changes nothing");
    }

    @Test
    void aNodeShellKeepsItsPlaceAndAScalarIsItsOwnShell() {
        MapNode orders = (MapNode) ((MapNode) ((MapNode) document.root()).get("Resources").orElseThrow())
                .get("Orders").orElseThrow();
        MapNode shell = orders.shell();
        assertEquals(orders.range(), shell.range());
        assertEquals("/Resources/Orders", shell.pointer());
        assertTrue(shell.entries().isEmpty());
        ScalarNode type = (ScalarNode) orders.get("Type").orElseThrow();
        assertSame(type, type.shell());
    }
}
