package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossStackExportsTest {

    private static final String NETWORK = """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  MultiRegion: true
            Outputs:
              KeyArn:
                Value: !GetAtt Key.Arn
                Export:
                  Name: !Sub "${AWS::StackName}-key-arn"
              BucketPrefix:
                Value: !Sub "data-${AWS::Region}"
                Export:
                  Name: shared-bucket-prefix
            """;

    private static final String APP = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Join ["-", [!ImportValue shared-bucket-prefix, "app"]]
                  KeyRef: !ImportValue network-us-east-1-key-arn
                  Missing: !ImportValue nobody-exports-this
            """;

    private static Document doc(String name, String text) {
        return new DocumentLoader().parse(text, Path.of(name), name).document().orElseThrow();
    }

    /**
     * Templates keep only their outlines as soon as their last stack is built (DocumentUses): a
     * stack that imports is resolved again in a later round, so its template must stay whole
     * until then, and the values come out as from a build that keeps every template.
     */
    @Test
    void templatesKeepTheirOutlinesOnceBuiltAndImportersStillResolveInLaterRounds() {
        Optional<String> account = Optional.of("111122223333");
        Map<String, String> whole = names(TopologyBuilder.build(specs(account), Map.of()).topology());
        List<StackSpec> specs = specs(account);
        InputPlan.TopologyPlan plan = new InputPlan.TopologyPlan(specs, Map.of(), Optional.empty());
        DocumentUses uses = DocumentUses.of(List.of(plan));
        Topology outlined = TopologyBuilder.build(plan, uses).topology();
        assertEquals(whole, names(outlined));
        assertEquals("data-us-east-1-app", whole.get("app-us-east-1/Bucket"));
        for (StackSpec spec : specs) {
            io.regionlint.load.MapNode resources = (io.regionlint.load.MapNode)
                    ((io.regionlint.load.MapNode) spec.template().root()).get("Resources").orElseThrow();
            resources.entries().values().forEach(r -> assertTrue(((io.regionlint.load.MapNode) r).entries().isEmpty(),
                    spec.name() + ": the built template keeps only its outline"));
        }
    }

    private static List<StackSpec> specs(Optional<String> account) {
        Document network = doc("network.yaml", NETWORK);
        Document app = doc("app.yaml", APP);
        return List.of(
                new StackSpec("network-us-east-1", network, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-us-east-1", app, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-eu-west-1", app, Optional.of("eu-west-1"), account, Map.of()));
    }

    /** Each resource's physical name and properties' texts, by stack and logical id. */
    private static Map<String, String> names(Topology topology) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Resource r : topology.resources()) {
            out.put(r.stack().name() + "/" + r.logicalId(), r.physicalName());
            r.properties().entries().forEach((k, v) -> out.put(r.stack().name() + "/" + r.logicalId() + "/" + k,
                    v.text().orElse(v.isUnknown() ? "unknown" : v.getClass().getSimpleName())));
        }
        return out;
    }

    @Test
    void importsReadExportsOfTheSameAccountAndRegionOnly() {
        Document network = doc("network.yaml", NETWORK);
        Document app = doc("app.yaml", APP);
        Optional<String> account = Optional.of("111122223333");
        List<StackSpec> specs = List.of(
                new StackSpec("network-us-east-1", network, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-us-east-1", app, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-eu-west-1", app, Optional.of("eu-west-1"), account, Map.of()));
        Topology topology = TopologyBuilder.build(specs, Map.of()).topology();
        Resource east = topology.resources().stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals("app-us-east-1/Bucket"))
                .findFirst().orElseThrow();
        assertEquals("data-us-east-1-app", east.physicalName());
        String keyRef = east.properties().textAt("KeyRef").orElseThrow();
        assertEquals(Optional.of("111122223333:us-east-1:network-us-east-1/Key"), Tokens.resourceKey(keyRef), "the import joins the key");
        assertTrue(east.properties().get("Missing").orElseThrow().isUnknown());
        assertEquals(6, east.properties().get("KeyRef").orElseThrow().range().line(),
                "an imported value is located at the import");

        Resource west = topology.resources().stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals("app-eu-west-1/Bucket"))
                .findFirst().orElseThrow();
        assertTrue(west.properties().get("KeyRef").orElseThrow().isUnknown(),
                "nothing in eu-west-1 exports the key: imports never cross Regions");
        assertTrue(((UnknownValue) west.properties().get("KeyRef").orElseThrow()).reason().contains("eu-west-1"));
    }

    private static final String PRODUCER = """
            Resources:
              Replica:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "replica-${AWS::Region}"
            Outputs:
              ReplicaArn:
                Value: !GetAtt Replica.Arn
            """;

    private static final String CONSUMER = """
            Resources:
              Source:
                Type: AWS::S3::Bucket
                Properties:
                  Destination: !GetStackOutput
                    StackName: producer-eu-west-1
                    OutputName: ReplicaArn
                    Region: eu-west-1
                  SameRegion:
                    Fn::GetStackOutput: { StackName: producer-eu-west-1, OutputName: ReplicaArn }
                  OtherAccount:
                    Fn::GetStackOutput:
                      StackName: producer-eu-west-1
                      OutputName: ReplicaArn
                      Region: eu-west-1
                      RoleArn: arn:aws:iam::444455556666:role/reader
            """;

    @Test
    void getStackOutputReadsOutputsOfLoadedStacksInTheNamedRegion() {
        Optional<String> account = Optional.of("111122223333");
        Topology topology = TopologyBuilder.build(List.of(
                new StackSpec("producer-eu-west-1", doc("producer.yaml", PRODUCER), Optional.of("eu-west-1"), account,
                        Map.of()),
                new StackSpec("consumer-us-east-1", doc("consumer.yaml", CONSUMER), Optional.of("us-east-1"), account,
                        Map.of())), Map.of()).topology();
        Resource source = topology.resources().stream().filter(r -> r.logicalId().equals("Source")).findFirst()
                .orElseThrow();
        assertEquals(Optional.of("arn:aws:s3:::replica-eu-west-1"), source.properties().textAt("Destination"));
        assertEquals(5, source.properties().get("Destination").orElseThrow().range().line());
        assertTrue(source.properties().get("SameRegion").orElseThrow().isUnknown(),
                "without Region the reader's own Region is searched, and no producer is loaded there");
        assertTrue(source.properties().get("OtherAccount").orElseThrow().isUnknown(), "another account: not told");
    }
}
