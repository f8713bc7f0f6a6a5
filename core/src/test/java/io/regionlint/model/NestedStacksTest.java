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

/**
 * Nested stacks in the model: the parent's parameters flow down, outputs flow up, values between
 * siblings go through the parent, and a nested stack exists only where its parent creates it.
 * (The real CDK shapes are tested on synthesised assemblies in {@code CdkAssemblyLintTest}.)
 */
class NestedStacksTest {

    private static final String PARENT = """
            Conditions:
              IsPrimary: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub data-${AWS::Region}
              First:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://example.invalid/first.json
                  Parameters:
                    DataName: !Ref Data
                    Imported: !ImportValue nobody-exports-this
              Second:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://example.invalid/second.json
                  Parameters:
                    FromSibling: !GetAtt First.Outputs.LogsName
              PrimaryOnly:
                Type: AWS::CloudFormation::Stack
                Condition: IsPrimary
                Properties:
                  TemplateURL: https://example.invalid/first.json
              Reader:
                Type: AWS::IAM::Role
                Properties:
                  Description: !GetAtt Second.Outputs.Echo
            """;

    private static final String FIRST = """
            Parameters:
              DataName: { Type: String }
              Imported: { Type: String }
            Resources:
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${DataName}-logs"
                  Tags:
                    - Key: imported
                      Value: !Ref Imported
            Outputs:
              LogsName:
                Value: !Ref Logs
            """;

    private static final String SECOND = """
            Parameters:
              FromSibling: { Type: String }
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${FromSibling}-queue"
            Outputs:
              Echo:
                Value: !Sub "echo-${FromSibling}"
            """;

    private static Document doc(String name, String text) {
        return new DocumentLoader().parse(text, Path.of(name), name).document().orElseThrow();
    }

    private static Topology build(String region) {
        Optional<String> account = Optional.of("111122223333");
        Optional<String> in = Optional.of(region);
        String p = "app-" + region;
        List<StackSpec> specs = List.of(
                new StackSpec(p, "app", doc("parent.yaml", PARENT), in, account, Map.of()),
                StackSpec.nested(p + "-First", "app/First", doc("first.yaml", FIRST), in, account,
                        new StackSpec.NestedIn(p, "First")),
                StackSpec.nested(p + "-Second", "app/Second", doc("second.yaml", SECOND), in, account,
                        new StackSpec.NestedIn(p, "Second")),
                StackSpec.nested(p + "-PrimaryOnly", "app/PrimaryOnly", doc("first.yaml", FIRST), in, account,
                        new StackSpec.NestedIn(p, "PrimaryOnly")));
        return TopologyBuilder.build(specs, Map.of()).topology();
    }

    private static Resource resource(Topology t, String key) {
        return t.resources().stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key));
    }

    @Test
    void parametersFlowDownAndOutputsFlowUp() {
        Topology t = build("us-east-1");
        Resource logs = resource(t, "app-us-east-1-First/Logs");
        assertEquals("data-us-east-1-logs", logs.physicalName());
        // a sibling's output reaches the second nested stack through the parent
        assertEquals(Optional.of("data-us-east-1-logs-queue"),
                resource(t, "app-us-east-1-Second/Queue").properties().textAt("QueueName"));
        // and the second one's output reaches the parent
        assertEquals(Optional.of("echo-data-us-east-1-logs"),
                resource(t, "app-us-east-1/Reader").properties().textAt("Description"));
        StackInstance first = t.stacks().stream().filter(s -> s.name().equals("app-us-east-1-First")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("DataName", "data-us-east-1"), first.parameters());
        assertEquals(List.of(), first.unknownParameters(), "a parameter the parent passes is never 'unknown'");
    }

    @Test
    void aParameterPassedAsAnUnknownValueStaysUnknownWithTheReason() {
        Topology t = build("us-east-1");
        Value tag = resource(t, "app-us-east-1-First/Logs").properties().at("Tags").map(v -> ((ListValue) v).items()
                .get(0)).flatMap(v -> v.at("Value")).orElseThrow();
        assertTrue(tag instanceof UnknownValue u && u.reason().contains("passed by the parent stack")
                && u.reason().contains("nobody-exports-this"), tag.toString());
    }

    @Test
    void aNestedStackExistsOnlyWhereItsParentCreatesIt() {
        assertTrue(build("us-east-1").stacks().stream().anyMatch(s -> s.name().equals("app-us-east-1-PrimaryOnly")));
        Topology west = build("us-west-2");
        assertTrue(west.stacks().stream().noneMatch(s -> s.name().equals("app-us-west-2-PrimaryOnly")));
        assertEquals(3, west.stacks().size());
    }

    @Test
    void outputsOfANestedStackWhoseTemplateIsNotGivenAreUnknown() {
        Document parent = doc("parent.yaml", PARENT);
        Topology t = TopologyBuilder.build(List.of(new StackSpec("app", parent, Optional.of("us-east-1"),
                Optional.empty(), Map.of())), Map.of()).topology();
        Value description = resource(t, "app/Reader").properties().get("Description").orElseThrow();
        assertTrue(description instanceof UnknownValue u && u.reason().contains("nested stack 'Second'"),
                description.toString());
    }
}
