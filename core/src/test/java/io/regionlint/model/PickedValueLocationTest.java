package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values picked from Mappings or lists are reported where the picking function stands. */
class PickedValueLocationTest {

    private static final String TEMPLATE = """
            Mappings:
              Peer:
                us-east-1: { Bucket: "arn:aws:s3:::data-eu-west-1" }
            Conditions:
              On: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  Destination: !FindInMap [Peer, !Ref "AWS::Region", Bucket]
                  Second: !Select [1, [a, b, c]]
                  Flag: !If [On, "yes", "no"]
            """;

    @Test
    void pickedScalarsAreLocatedAtTheFunction() {
        Document doc = new DocumentLoader().parse(TEMPLATE, Path.of("t.yaml"), "t.yaml").document().orElseThrow();
        Topology t = TopologyBuilder.build(List.of(new StackSpec("t-us-east-1", doc, Optional.of("us-east-1"),
                Optional.empty(), Map.of())), Map.of()).topology();
        MapValue p = t.resources().get(0).properties();
        assertEquals(10, p.get("Destination").orElseThrow().range().line());
        assertEquals(11, p.get("Second").orElseThrow().range().line());
        assertEquals(Optional.of("b"), p.textAt("Second"));
        // a condition named On keeps its name, and "yes" stays text (YAML 1.2 booleans only)
        assertEquals(Optional.of("yes"), p.textAt("Flag"));
    }
}
