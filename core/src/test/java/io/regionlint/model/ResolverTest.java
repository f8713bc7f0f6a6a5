package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Per-Region resolution, seen from the outside: templates go through
 * {@link TopologyBuilder#build}, and each stack instance's resolved properties are checked.
 * What a template cannot tell must come out as {@link UnknownValue}, never as a guess.
 */
class ResolverTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @Test
    void refToParametersUsesGivenValuesThenDefaults() {
        Topology topology = build("""
                Parameters:
                  Env: {Type: String, Default: dev}
                  Team: {Type: String, Default: storage}
                  Zones: {Type: CommaDelimitedList, Default: "a, b"}
                  Ids: {Type: "List<AWS::EC2::Subnet::Id>"}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Env: !Ref Env
                      Team: !Ref Team
                      Zones: !Ref Zones
                      Ids: !Ref Ids
                """, Map.of("Env", "prod", "Ids", "subnet-1,subnet-2"), EAST);
        MapValue p = properties(topology, "app-" + EAST, "Thing");
        assertEquals("prod", text(p, "Env"));
        assertEquals("storage", text(p, "Team"));
        assertEquals(List.of("a", "b"), texts(p.get("Zones").orElseThrow()));
        assertEquals(List.of("subnet-1", "subnet-2"), texts(p.get("Ids").orElseThrow()));
        assertEquals(List.of(), topology.stacks().get(0).unknownParameters());
    }

    @Test
    void pseudoParametersFollowTheStackInstance() {
        String template = """
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Region: !Ref AWS::Region
                      Account: !Ref AWS::AccountId
                      Partition: !Ref AWS::Partition
                      Suffix: !Ref AWS::URLSuffix
                      Stack: !Ref AWS::StackName
                      StackId: !Ref AWS::StackId
                """;
        Document doc = parse(template);
        List<StackSpec> specs = List.of(
                new StackSpec("app-us-east-1", doc, Optional.of(EAST), Optional.of("111122223333"), Map.of()),
                new StackSpec("app-cn-north-1", doc, Optional.of("cn-north-1"), Optional.empty(), Map.of()),
                new StackSpec("app", doc, Optional.empty(), Optional.empty(), Map.of()));
        Topology topology = TopologyBuilder.build(specs, Map.of()).topology();
        MapValue east = properties(topology, "app-us-east-1", "Thing");
        assertEquals(EAST, text(east, "Region"));
        assertEquals("111122223333", text(east, "Account"));
        assertEquals("aws", text(east, "Partition"));
        assertEquals("amazonaws.com", text(east, "Suffix"));
        assertEquals("app-us-east-1", text(east, "Stack"));
        assertUnknown(east.get("StackId"), "deploy time");
        MapValue china = properties(topology, "app-cn-north-1", "Thing");
        assertEquals("aws-cn", text(china, "Partition"));
        assertEquals("amazonaws.com.cn", text(china, "Suffix"));
        assertUnknown(china.get("Account"), "account is not known");
        MapValue nowhere = properties(topology, "app", "Thing");
        assertUnknown(nowhere.get("Region"), "Region is not known");
    }

    @Test
    void subResolvesBothFormsAndKeepsEscapedLiterals() {
        Topology topology = build("""
                Parameters:
                  Env: {Type: String, Default: prod}
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "data-${Env}-${AWS::Region}"
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Plain: !Sub "no variables"
                      Literal: !Sub "${!Literal} and ${!AWS::Region} stay, ${AWS::Region} goes"
                      Attribute: !Sub "${Data.Arn}/*"
                      RefToResource: !Sub "${Data}"
                      Listed:
                        Fn::Sub:
                          - "${Name}.${Zone}.${AWS::AccountId}"
                          - Name: !Ref Env
                            Zone: example.com
                """, Map.of(), EAST);
        assertEquals("data-prod-us-east-1", text(properties(topology, "app-" + EAST, "Data"), "BucketName"));
        MapValue p = properties(topology, "app-" + EAST, "Thing");
        assertEquals("no variables", text(p, "Plain"));
        assertEquals("${Literal} and ${AWS::Region} stay, us-east-1 goes", text(p, "Literal"));
        assertEquals("arn:aws:s3:::data-prod-us-east-1/*", text(p, "Attribute"));
        assertEquals("data-prod-us-east-1", text(p, "RefToResource"));
        assertEquals("prod.example.com.111122223333", text(p, "Listed"));
    }

    @Test
    void joinSelectAndSplitCompose() {
        Topology topology = build("""
                Parameters:
                  Csv: {Type: String, Default: "alpha,beta,gamma"}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Joined: !Join ["-", [app, !Ref AWS::Region, !Select [1, !Split [",", !Ref Csv]]]]
                      Empty: !Join ["", []]
                      Split: !Split ["/", "a/b//c"]
                      Selected: !Select [2, [x, y, z]]
                      OutOfRange: !Select [3, [x, y, z]]
                      JoinOfUnknown: !Join [",", [a, !ImportValue Shared]]
                """, Map.of(), WEST);
        MapValue p = properties(topology, "app-" + WEST, "Thing");
        assertEquals("app-us-west-2-beta", text(p, "Joined"));
        assertEquals("", text(p, "Empty"));
        assertEquals(List.of("a", "b", "", "c"), texts(p.get("Split").orElseThrow()));
        assertEquals("z", text(p, "Selected"));
        assertUnknown(p.get("OutOfRange"), "outside the list");
        assertUnknown(p.get("JoinOfUnknown"), "Fn::ImportValue 'Shared'");
    }

    @Test
    void findInMapKeyedByRegionDiffersPerRegion() {
        String template = """
                Mappings:
                  RegionMap:
                    us-east-1: {Peer: us-west-2, Size: 3}
                    us-west-2: {Peer: us-east-1}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Peer: !FindInMap [RegionMap, !Ref AWS::Region, Peer]
                      Size: !FindInMap [RegionMap, !Ref AWS::Region, Size, {DefaultValue: 1}]
                      Missing: !FindInMap [RegionMap, !Ref AWS::Region, Nope]
                """;
        Topology topology = build(template, Map.of(), EAST, WEST);
        MapValue east = properties(topology, "app-" + EAST, "Thing");
        MapValue west = properties(topology, "app-" + WEST, "Thing");
        assertEquals(WEST, text(east, "Peer"));
        assertEquals(EAST, text(west, "Peer"));
        assertEquals("3", text(east, "Size"));
        assertEquals("1", text(west, "Size"), "DefaultValue applies where the mapping has no entry");
        assertUnknown(east.get("Missing"), "Mappings has no RegionMap/us-east-1/Nope");
    }

    @Test
    void conditionsIfAndNoValueDifferBetweenRegions() {
        String template = """
                Conditions:
                  IsPrimary: !Equals [!Ref AWS::Region, us-east-1]
                  IsSecondary: !Not [!Condition IsPrimary]
                  Both: !And [!Condition IsPrimary, !Or [!Equals [a, b], !Equals [x, x]]]
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !If [IsPrimary, primary, secondary]
                      ReplicationConfiguration: !If [IsPrimary, {Role: r}, !Ref AWS::NoValue]
                      Tags:
                        - {Key: a, Value: "1"}
                        - !If [IsSecondary, {Key: b, Value: "2"}, !Ref AWS::NoValue]
                      Flag: !If [Both, first, second]
                """;
        Topology topology = build(template, Map.of(), EAST, WEST);
        MapValue east = properties(topology, "app-" + EAST, "Data");
        MapValue west = properties(topology, "app-" + WEST, "Data");
        assertEquals("primary", text(east, "BucketName"));
        assertEquals("secondary", text(west, "BucketName"));
        assertTrue(east.has("ReplicationConfiguration"));
        assertFalse(west.has("ReplicationConfiguration"), "AWS::NoValue removes the property");
        assertEquals(1, ((ListValue) east.get("Tags").orElseThrow()).items().size());
        assertEquals(2, ((ListValue) west.get("Tags").orElseThrow()).items().size(),
                "AWS::NoValue removes a list item");
        assertEquals("first", text(east, "Flag"));
        assertEquals("second", text(west, "Flag"));
    }

    @Test
    void resourceWhoseConditionIsFalseExistsOnlyInTheOtherRegion() {
        Topology topology = build("""
                Conditions:
                  IsPrimary: !Equals [!Ref AWS::Region, us-east-1]
                Resources:
                  Always:
                    Type: Test::Thing
                  PrimaryOnly:
                    Type: Test::Thing
                    Condition: IsPrimary
                """, Map.of(), EAST, WEST);
        assertEquals(List.of("111122223333:us-east-1:app-us-east-1/Always", "111122223333:us-east-1:app-us-east-1/PrimaryOnly",
                        "111122223333:us-west-2:app-us-west-2/Always"),
                topology.resources().stream().map(Resource::key).toList());
        assertFalse(resource(topology, "app-" + EAST, "PrimaryOnly").conditionUnknown());
    }

    @Test
    void conditionThatCannotBeDecidedKeepsTheResourceAndMarksIt() {
        Topology topology = build("""
                Parameters:
                  Mode: {Type: String}
                Conditions:
                  ModeOn: !Equals [!Ref Mode, enabled]
                Resources:
                  Maybe:
                    Type: Test::Thing
                    Condition: ModeOn
                    Properties:
                      Value: !If [ModeOn, a, b]
                """, Map.of(), EAST);
        Resource maybe = resource(topology, "app-" + EAST, "Maybe");
        assertTrue(maybe.conditionUnknown());
        assertUnknown(maybe.properties().get("Value"), "condition 'ModeOn' cannot be decided");
    }

    @Test
    void lookupKeepsAnUnknownStepWhereAtLosesIt() {
        Topology topology = build("""
                Parameters:
                  Spec: {Type: String}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Known: {Inner: {Flag: true}}
                      Unknown: !Ref Spec
                """, Map.of(), EAST);
        MapValue p = properties(topology, "app-" + EAST, "Thing");
        assertEquals("true", p.lookup("Known", "Inner", "Flag").flatMap(Value::text).orElseThrow());
        assertTrue(p.lookup("Known", "Missing", "Flag").isEmpty());
        assertTrue(p.lookup("Absent").isEmpty());
        assertInstanceOf(UnknownValue.class, p.lookup("Unknown", "Inner", "Flag").orElseThrow());
        assertTrue(p.at("Unknown", "Inner", "Flag").isEmpty(), "at() cannot tell unknown from absent");
    }

    @Test
    void getAttOfABucketArnUsesItsNameOrAToken() {
        Topology topology = build("""
                Resources:
                  Named:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "named-${AWS::Region}"
                  Unnamed:
                    Type: AWS::S3::Bucket
                  Thing:
                    Type: Test::Thing
                    Properties:
                      NamedArn: !GetAtt Named.Arn
                      NamedArnLong: {"Fn::GetAtt": [Named, Arn]}
                      NamedRef: !Ref Named
                      UnnamedArn: !GetAtt Unnamed.Arn
                      UnnamedRef: !Ref Unnamed
                      Other: !GetAtt Unnamed.RegionalDomainName
                      Undefined: !GetAtt Nobody.Arn
                """, Map.of(), WEST);
        MapValue p = properties(topology, "app-" + WEST, "Thing");
        assertEquals("arn:aws:s3:::named-us-west-2", text(p, "NamedArn"));
        assertEquals("arn:aws:s3:::named-us-west-2", text(p, "NamedArnLong"));
        assertEquals("named-us-west-2", text(p, "NamedRef"));
        String unnamedArn = text(p, "UnnamedArn");
        assertTrue(unnamedArn.startsWith("arn:aws:s3:::") && Tokens.containsToken(unnamedArn), unnamedArn);
        assertEquals("arn:aws:s3:::Unnamed", Tokens.display(unnamedArn));
        assertEquals(Optional.of("111122223333:us-west-2:app-us-west-2/Unnamed"),
                Tokens.resourceKey(text(p, "UnnamedRef")));
        assertEquals("Unnamed.RegionalDomainName", Tokens.display(text(p, "Other")));
        assertUnknown(p.get("Undefined"), "does not define");
    }

    @Test
    void parameterWithoutValueOrDefaultIsUnknownAndListed() {
        Topology topology = build("""
                Parameters:
                  Given: {Type: String}
                  Missing: {Type: String}
                  AlsoMissing: {Type: Number}
                  Defaulted: {Type: String, Default: x}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Given: !Ref Given
                      Missing: !Ref Missing
                      Built: !Sub "prefix-${Missing}"
                      Undeclared: !Ref NotAParameter
                """, Map.of("Given", "g"), EAST);
        MapValue p = properties(topology, "app-" + EAST, "Thing");
        assertEquals("g", text(p, "Given"));
        assertUnknown(p.get("Missing"), "parameter 'Missing' has no value and no default");
        assertUnknown(p.get("Built"), "parameter 'Missing'");
        assertUnknown(p.get("Undeclared"), "does not define");
        assertEquals(List.of("Missing", "AlsoMissing"), topology.stacks().get(0).unknownParameters());
    }

    @Test
    void importsDynamicReferencesAndSsmParametersAreUnknown() {
        Topology topology = build("""
                Parameters:
                  FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /app/name}
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Imported: !ImportValue SharedBucketArn
                      ImportedSub: !ImportValue {"Fn::Sub": "${AWS::Region}-bucket"}
                      Dynamic: "{{resolve:ssm:/app/bucket}}"
                      DynamicInSub: !Sub "arn:aws:s3:::{{resolve:ssm:/app/${AWS::Region}/bucket}}"
                      Secret: "{{resolve:secretsmanager:db:SecretString:password}}"
                      Ssm: !Ref FromSsm
                      Azs: !GetAZs ""
                """, Map.of(), EAST);
        MapValue p = properties(topology, "app-" + EAST, "Thing");
        assertUnknown(p.get("Imported"), "Fn::ImportValue 'SharedBucketArn'");
        assertUnknown(p.get("ImportedSub"), "Fn::ImportValue 'us-east-1-bucket'");
        assertUnknown(p.get("Dynamic"), "dynamic reference {{resolve:ssm:/app/bucket}}");
        assertUnknown(p.get("DynamicInSub"), "{{resolve:ssm:/app/us-east-1/bucket}}");
        assertUnknown(p.get("Secret"), "dynamic reference");
        assertUnknown(p.get("Ssm"), "SSM");
        assertUnknown(p.get("Azs"), "Availability Zones");
    }

    @Test
    void unknownValuesKeepTheirSourceNode() {
        Topology topology = build("""
                Resources:
                  Thing:
                    Type: Test::Thing
                    Properties:
                      Imported: !ImportValue Shared
                """, Map.of(), EAST);
        Value imported = properties(topology, "app-" + EAST, "Thing").get("Imported").orElseThrow();
        assertEquals("/Resources/Thing/Properties/Imported", imported.pointer());
        assertEquals(5, imported.range().line());
    }

    @Test
    void linkerJoinsReplicationAcrossStackInstancesByRegionBuiltNames() {
        String template = """
                Mappings:
                  Peers:
                    us-east-1: {Region: us-west-2}
                    us-west-2: {Region: us-east-1}
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "orders-${AWS::Region}"
                      VersioningConfiguration: {Status: Enabled}
                      ReplicationConfiguration:
                        Role: !GetAtt ReplicationRole.Arn
                        Rules:
                          - Id: to-peer
                            Status: Enabled
                            Destination:
                              Bucket: !Sub
                                - "arn:${AWS::Partition}:s3:::orders-${Peer}"
                                - Peer: !FindInMap [Peers, !Ref AWS::Region, Region]
                  ReplicationRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - {Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: "sts:AssumeRole"}
                """;
        Topology topology = build(template, Map.of(), EAST, WEST);
        Resource east = resource(topology, "app-" + EAST, "Data");
        Resource west = resource(topology, "app-" + WEST, "Data");
        List<ReplicationRule> fromEast = topology.replicationRulesFrom(east);
        assertEquals(1, fromEast.size());
        ReplicationRule rule = fromEast.get(0);
        assertEquals(Optional.of(west), rule.destination());
        assertTrue(rule.crossRegion());
        assertEquals(Optional.of(resource(topology, "app-" + EAST, "ReplicationRole")), rule.role());
        assertEquals(List.of(rule), topology.replicationRulesInto(west));
        assertEquals(Optional.of(east), topology.replicationRulesFrom(west).get(0).destination());
        assertEquals(List.of(), topology.unresolvedPeers());
        assertTrue(topology.isActive(Optional.of(EAST)));
    }

    @Test
    void linkerKeepsADestinationOutsideTheLoadedTemplatesAsAnUnresolvedPeer() {
        Topology topology = build("""
                Parameters:
                  DestinationArn: {Type: String}
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      ReplicationConfiguration:
                        Role: arn:aws:iam::111122223333:role/elsewhere
                        Rules:
                          - {Status: Enabled, Destination: {Bucket: "arn:aws:s3:::somebody-elses"}}
                          - {Status: Enabled, Destination: {Bucket: !Ref DestinationArn}}
                          - {Status: Disabled, Destination: {Bucket: "arn:aws:s3:::ignored-while-disabled"}}
                """, Map.of(), EAST);
        List<String> peers = new ArrayList<>();
        for (UnresolvedPeer peer : topology.unresolvedPeers()) {
            peers.add(peer.kind() + ": " + peer.reason());
        }
        assertEquals(List.of(
                "replication role: role 'arn:aws:iam::111122223333:role/elsewhere' is not among the loaded templates",
                "replication destination bucket: bucket 'arn:aws:s3:::somebody-elses' is not among the loaded templates",
                "replication destination bucket: parameter 'DestinationArn' has no value and no default"), peers);
        assertTrue(topology.unresolvedPeers().get(2).at().isUnknown());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Document parse(String yaml) {
        DocumentLoader.Result result = new DocumentLoader().parse(yaml, Path.of("app.yaml"), "app.yaml");
        if (result.error().isPresent()) {
            fail("template does not load: " + result.error().get());
        }
        return result.document().orElseThrow();
    }

    /** The template deployed as {@code app-<region>} to each Region, all active, in account 111122223333. */
    private static Topology build(String yaml, Map<String, String> parameters, String... regions) {
        Document doc = parse(yaml);
        List<StackSpec> specs = new ArrayList<>();
        Map<String, RegionRole> roles = new java.util.LinkedHashMap<>();
        for (String region : regions) {
            specs.add(new StackSpec("app-" + region, doc, Optional.of(region), Optional.of("111122223333"),
                    parameters));
            roles.put(region, RegionRole.ACTIVE);
        }
        TopologyBuilder.Result result = TopologyBuilder.build(specs, roles);
        assertEquals(List.of(), result.errors());
        return result.topology();
    }

    private static Resource resource(Topology topology, String stack, String logicalId) {
        return topology.resources().stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals(stack + "/" + logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + stack + "/" + logicalId));
    }

    private static MapValue properties(Topology topology, String stack, String logicalId) {
        return resource(topology, stack, logicalId).properties();
    }

    private static String text(MapValue map, String key) {
        Value v = map.get(key).orElseThrow(() -> new AssertionError("no property " + key));
        return v.text().orElseThrow(() -> new AssertionError(key + " is not a known scalar: " + v));
    }

    private static List<String> texts(Value list) {
        return assertInstanceOf(ListValue.class, list).items().stream().map(v -> v.text().orElseThrow()).toList();
    }

    private static void assertUnknown(Optional<Value> value, String reasonFragment) {
        UnknownValue unknown = assertInstanceOf(UnknownValue.class, value.orElseThrow(
                () -> new AssertionError("value is absent, expected unknown")));
        assertTrue(unknown.reason().contains(reasonFragment), "reason '" + unknown.reason() + "' lacks '"
                + reasonFragment + "'");
    }
}
