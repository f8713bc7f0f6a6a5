package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code Transform: AWS::LanguageExtensions} as CloudFormation expands it, per stack instance, on
 * the documented {@code Fn::ForEach} examples; what cannot be expanded becomes a diagnostic,
 * never a silent absence.
 */
class LanguageExtensionsTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @Test
    void loopOverAParameterExpandsPerStackInstance() {
        Topology topology = build("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: {Type: CommaDelimitedList, Default: "orders,invoices"}
                Resources:
                  Fn::ForEach::Buckets:
                    - Name
                    - !Ref Names
                    - ${Name}Bucket:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: !Sub "acme-${Name}-${AWS::Region}"
                          Tags: [{Key: name, Value: !Ref Name}]
                """, Map.of(WEST, Map.of("Names", "orders")), EAST, WEST);
        assertEquals(List.of("app-us-east-1/ordersBucket", "app-us-east-1/invoicesBucket", "app-us-west-2/ordersBucket"),
                keys(topology));
        Resource invoices = resource(topology, "app-us-east-1", "invoicesBucket");
        assertEquals("acme-invoices-us-east-1", invoices.physicalName());
        assertEquals(Optional.of("invoices"), invoices.properties().at("Tags").map(t -> ((ListValue) t).items().get(0))
                .flatMap(t -> t.textAt("Value")));
        assertEquals(8, invoices.declaredAt().line(), "the logical id points at the loop's output key");
        assertEquals(List.of(), topology.diagnostics());
    }

    @Test
    void nestedLoopsRefsToFunctionsAndAmpersandKeys() {
        Topology topology = build("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::SubnetResources:
                    - Prefix
                    - [Transit, Public]
                    - Nacl${Prefix}:
                        Type: AWS::EC2::NetworkAcl
                      Fn::ForEach::LoopInner:
                        - Cidr
                        - [10.0.1.0/24, 10.0.2.0/24]
                        - ${Prefix}Subnet&{Cidr}:
                            Type: AWS::EC2::Subnet
                            Properties:
                              CidrBlock: !Ref Cidr
                              NetworkAclId: !Ref
                                Fn::Sub: Nacl${Prefix}
                Outputs:
                  Fn::ForEach::AclOutputs:
                    - Prefix
                    - [Transit, Public]
                    - ${Prefix}Acl:
                        Value: !Ref
                          Fn::Sub: Nacl${Prefix}
                        Export: {Name: !Sub "acl-${Prefix}"}
                """, Map.of(), EAST);
        assertEquals(List.of("app-us-east-1/NaclTransit", "app-us-east-1/TransitSubnet1001024",
                "app-us-east-1/TransitSubnet1002024", "app-us-east-1/NaclPublic", "app-us-east-1/PublicSubnet1001024",
                "app-us-east-1/PublicSubnet1002024"), keys(topology));
        Resource subnet = resource(topology, "app-us-east-1", "PublicSubnet1002024");
        assertEquals(Optional.of("10.0.2.0/24"), subnet.properties().textAt("CidrBlock"));
        assertEquals(Optional.of(Tokens.ref(subnet.stack().id(), "NaclPublic")), subnet.properties().textAt("NetworkAclId"));
        assertEquals(List.of(), topology.diagnostics());
    }

    @Test
    void conditionsLoopsAndConditionsGivenByFindInMapWithDefault() {
        Topology topology = build("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  ParamA: {Type: String, Default: "true"}
                  ParamB: {Type: String, Default: "false"}
                Mappings:
                  Gateways:
                    Condition: {B: IsParamBEnabled}
                Conditions:
                  Fn::ForEach::CheckTrue:
                    - Identifier
                    - [A, B]
                    - IsParam${Identifier}Enabled: !Equals [!Ref {Fn::Sub: "Param${Identifier}"}, "true"]
                Resources:
                  Fn::ForEach::Queues:
                    - Id
                    - [A, B]
                    - Queue${Id}:
                        Type: AWS::SQS::Queue
                        Condition: !FindInMap [Gateways, Condition, !Ref Id, {DefaultValue: !Ref "AWS::NoValue"}]
                        Properties:
                          DelaySeconds: !Length [a, b, c]
                          Tags: [{Key: json, Value: !ToJsonString {id: !Ref Id, n: 1}}]
                """, Map.of(), EAST);
        assertEquals(List.of("app-us-east-1/QueueA"), keys(topology), "QueueB's condition is false");
        MapValue a = resource(topology, "app-us-east-1", "QueueA").properties();
        assertEquals(Optional.of("3"), a.textAt("DelaySeconds"));
        assertEquals(Optional.of("{\"id\":\"A\",\"n\":1}"),
                ((ListValue) a.at("Tags").orElseThrow()).items().get(0).textAt("Value"));
        assertEquals(List.of(), topology.diagnostics());
    }

    @Test
    void loopInsidePropertiesGeneratesPropertiesFromMappingsWithDefaults() {
        Topology topology = build("""
                Transform: AWS::LanguageExtensions
                Mappings:
                  InstanceA:
                    Properties: {ImageId: ami-id1, InstanceType: m5.xlarge}
                  InstanceB:
                    Properties: {ImageId: ami-id2}
                Resources:
                  Fn::ForEach::Instances:
                    - InstanceLogicalId
                    - [InstanceA, InstanceB]
                    - ${InstanceLogicalId}:
                        Type: AWS::EC2::Instance
                        Properties:
                          DisableApiTermination: true
                          Fn::ForEach::Properties:
                            - PropertyName
                            - [ImageId, InstanceType]
                            - ${PropertyName}: !FindInMap [!Ref InstanceLogicalId, Properties, !Ref PropertyName,
                                                           {DefaultValue: !Ref "AWS::NoValue"}]
                """, Map.of(), EAST);
        MapValue a = resource(topology, "app-us-east-1", "InstanceA").properties();
        MapValue b = resource(topology, "app-us-east-1", "InstanceB").properties();
        assertEquals(Optional.of("m5.xlarge"), a.textAt("InstanceType"));
        assertEquals(Optional.of("ami-id2"), b.textAt("ImageId"));
        assertTrue(b.get("InstanceType").isEmpty(), "DefaultValue AWS::NoValue leaves the property out");
        assertEquals(List.of(), topology.diagnostics());
    }

    @Test
    void loopWithUnknownCollectionIsANoteAndReferencesIntoItAreNotErrors() {
        Topology topology = build("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: {Type: CommaDelimitedList}
                Resources:
                  Fn::ForEach::Buckets:
                    - Name
                    - !Ref Names
                    - ${Name}Bucket:
                        Type: AWS::S3::Bucket
                  Reader:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref ordersBucket
                """, Map.of(), EAST);
        assertEquals(List.of("app-us-east-1/Reader"), keys(topology));
        assertEquals(List.of(ModelDiagnostic.Kind.NOT_CHECKED), kinds(topology));
        ModelDiagnostic note = topology.diagnostics().get(0);
        assertTrue(note.message().contains("Loop 'Fn::ForEach::Buckets' was not expanded"), note.message());
        assertEquals(5, note.range().line());
        UnknownValue name = assertInstanceOf(UnknownValue.class, resource(topology, "app-us-east-1", "Reader")
                .properties().get("QueueName").orElseThrow());
        assertTrue(name.reason().contains("not modelled"), name.reason());
    }

    @Test
    void loopsWithoutTheTransformAreRejectedNotSilentlyDropped() {
        Topology topology = build("""
                Resources:
                  Fn::ForEach::Buckets:
                    - Name
                    - [a, b]
                    - ${Name}Bucket: {Type: AWS::S3::Bucket}
                """, Map.of(), EAST);
        assertEquals(List.of(), keys(topology));
        assertEquals(List.of(ModelDiagnostic.Kind.INTRINSIC_INVALID), kinds(topology));
        assertTrue(topology.diagnostics().get(0).message().contains("needs Transform: AWS::LanguageExtensions"));
    }

    @Test
    void referenceCycleLeavesNamesUnknownAndNeverJoinsABucketToItself() {
        Topology topology = build("""
                Resources:
                  Source:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "${Replica}-source"
                      VersioningConfiguration: {Status: Enabled}
                      ReplicationConfiguration:
                        Role: arn:aws:iam::111122223333:role/replication
                        Rules:
                          - {Status: Enabled, Destination: {Bucket: !GetAtt Replica.Arn}}
                  Replica:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "${Source}-replica"
                """, Map.of(), EAST);
        Resource source = resource(topology, "app-us-east-1", "Source");
        List<ReplicationRule> rules = topology.replicationRulesFrom(source);
        assertEquals(1, rules.size());
        assertTrue(rules.get(0).destination().isEmpty(), "destination must stay unknown: " + rules.get(0).destination());
        assertTrue(source.properties().get("BucketName").orElseThrow().isUnknown());
        assertTrue(resource(topology, "app-us-east-1", "Replica").properties().get("BucketName").orElseThrow()
                .isUnknown());
        assertEquals(List.of(ModelDiagnostic.Kind.INTRINSIC_INVALID), kinds(topology));
        assertTrue(topology.diagnostics().get(0).message().contains("(Replica -> Source -> Replica)"),
                topology.diagnostics().get(0).message());
    }

    @Test
    void samSimpleTablesAndFunctionRolesAreModelledAndTheRestIsNotedOncePerPlace() {
        Topology topology = build("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      PrimaryKey: {Name: orderId, Type: Number}
                      Tags: {team: orders}
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Policies:
                        - AmazonS3ReadOnlyAccess
                        - Statement: [{Effect: Allow, Action: "dynamodb:GetItem", Resource: !GetAtt Orders.Arn}]
                        - S3ReadPolicy: {BucketName: data}
                  Api:
                    Type: AWS::Serverless::Api
                  Alarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      AlarmActions: [!GetAtt HandlerRole.Arn]
                """, Map.of(), EAST, WEST);
        Resource table = resource(topology, "app-us-east-1", "Orders");
        assertEquals("AWS::DynamoDB::Table", table.type());
        assertEquals(Optional.of("N"), ((ListValue) table.properties().at("AttributeDefinitions").orElseThrow())
                .items().get(0).textAt("AttributeType"));
        assertEquals(Optional.of("PAY_PER_REQUEST"), table.properties().textAt("BillingMode"));
        Resource function = resource(topology, "app-us-east-1", "Handler");
        assertEquals("AWS::Lambda::Function", function.type());
        assertEquals(Optional.of(Tokens.attribute(function.stack().id(), "HandlerRole", "Arn")),
                function.properties().textAt("Role"));
        Resource role = resource(topology, "app-us-east-1", "HandlerRole");
        assertEquals("AWS::IAM::Role", role.type());
        assertEquals(List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), ((ListValue) role.properties()
                .at("ManagedPolicyArns").orElseThrow()).items().stream().map(v -> v.text().orElseThrow()).toList());
        assertEquals(Optional.of("HandlerRolePolicy0"), ((ListValue) role.properties().at("Policies").orElseThrow())
                .items().get(0).textAt("PolicyName"));
        assertEquals(List.of(ModelDiagnostic.Kind.NOT_CHECKED, ModelDiagnostic.Kind.NOT_CHECKED), kinds(topology),
                "one per stack instance; the rule reports them as one");
        assertEquals(topology.diagnostics().get(0).site(), topology.diagnostics().get(1).site());
        String note = topology.diagnostics().get(0).message();
        assertTrue(note.contains("Api (AWS::Serverless::Api)") && note.contains("S3ReadPolicy of 'Handler'"), note);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Topology build(String yaml, Map<String, Map<String, String>> parametersByRegion, String... regions) {
        DocumentLoader.Result loaded = new DocumentLoader().parse(yaml, Path.of("app.yaml"), "app.yaml");
        if (loaded.error().isPresent()) {
            fail("template does not load: " + loaded.error().get());
        }
        Document doc = loaded.document().orElseThrow();
        List<StackSpec> specs = new ArrayList<>();
        for (String region : regions) {
            specs.add(new StackSpec("app-" + region, doc, Optional.of(region), Optional.of("111122223333"),
                    parametersByRegion.getOrDefault(region, Map.of())));
        }
        TopologyBuilder.Result result = TopologyBuilder.build(specs, Map.of());
        assertEquals(List.of(), result.errors());
        return result.topology();
    }

    private static List<String> keys(Topology topology) {
        return topology.resources().stream().map(r -> r.stack().name() + "/" + r.logicalId()).toList();
    }

    private static List<ModelDiagnostic.Kind> kinds(Topology topology) {
        return topology.diagnostics().stream().map(ModelDiagnostic::kind).toList();
    }

    private static Resource resource(Topology topology, String stack, String logicalId) {
        return topology.resources().stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals(stack + "/" + logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + stack + "/" + logicalId));
    }
}
