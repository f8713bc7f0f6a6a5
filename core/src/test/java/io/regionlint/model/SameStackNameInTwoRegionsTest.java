package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stack names are unique per account and Region only: a deploy script that runs
 * {@code aws cloudformation deploy --stack-name app} in each Region gives two stacks named
 * {@code app}. Every reference in one of them must reach that Region's resources.
 */
class SameStackNameInTwoRegionsTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final Optional<String> ACCOUNT = Optional.of("111122223333");

    /** Deployed as 'network' in both Regions; both export the same name, as exports are per Region. */
    private static final String NETWORK = """
            Resources:
              Key:
                Type: AWS::KMS::Key
            Outputs:
              KeyArn:
                Value: !GetAtt Key.Arn
                Export:
                  Name: network-key-arn
            """;

    /** Deployed as 'app' in both Regions, replicating to the other Region's bucket. */
    private static final String APP = """
            Mappings:
              Peer:
                us-east-1: {Region: us-west-2}
                us-west-2: {Region: us-east-1}
            Resources:
              Key:
                Type: AWS::KMS::Key
              Queues:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: queues.yaml
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "acme-data-${AWS::Region}"
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: !Ref Key
                  ReplicationConfiguration:
                    Role: !GetAtt Role.Arn
                    Rules:
                      - Status: Enabled
                        Destination:
                          Bucket: !Sub
                            - "arn:aws:s3:::acme-data-${Peer}"
                            - Peer: !FindInMap [Peer, !Ref "AWS::Region", Region]
                          EncryptionConfiguration:
                            ReplicaKmsKeyID:
                              Fn::GetStackOutput:
                                StackName: app
                                OutputName: KeyArn
                                Region: !FindInMap [Peer, !Ref "AWS::Region", Region]
              Role:
                Type: AWS::IAM::Role
              Reader:
                Type: AWS::IAM::Policy
                Properties:
                  Roles: [!Ref Role]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [kms:Decrypt, sqs:ReceiveMessage]
                        Resource:
                          - !ImportValue network-key-arn
                          - !GetAtt Queues.Outputs.QueueArn
            Outputs:
              KeyArn:
                Value: !GetAtt Key.Arn
            """;

    /** The nested stack of each 'app': both are named 'app-Queues', each in its parent's Region. */
    private static final String QUEUES = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            Outputs:
              QueueArn:
                Value: !GetAtt Queue.Arn
            """;

    private static Document doc(String name, String text) {
        return new DocumentLoader().parse(text, Path.of(name), name).document().orElseThrow();
    }

    private static Topology build() {
        Document network = doc("network.yaml", NETWORK);
        Document app = doc("app.yaml", APP);
        Document queues = doc("queues.yaml", QUEUES);
        List<StackSpec> specs = new ArrayList<>();
        for (String region : List.of(EAST, WEST)) {
            specs.add(new StackSpec("network", network, Optional.of(region), ACCOUNT, Map.of()));
            specs.add(new StackSpec("app", app, Optional.of(region), ACCOUNT, Map.of()));
            specs.add(StackSpec.nested("app-Queues", "app/Queues", queues, Optional.of(region), ACCOUNT,
                    new StackSpec.NestedIn("app", "Queues")));
        }
        return TopologyBuilder.build(specs, Map.of(EAST, RegionRole.ACTIVE, WEST, RegionRole.ACTIVE)).topology();
    }

    private static Resource resource(Topology t, String stack, String region, String logicalId) {
        return t.resource(Resource.key(new StackId(ACCOUNT, Optional.of(region), stack), logicalId))
                .orElseThrow(() -> new AssertionError(stack + " " + region + " " + logicalId));
    }

    /** The resource a value's token names. */
    private static Resource named(Topology t, Value value) {
        String text = value.text().orElseThrow(() -> new AssertionError("not known: " + value));
        return Tokens.resourceKey(text).flatMap(t::resource).orElseThrow(() -> new AssertionError(text));
    }

    /** The resource's key and Region: what tells two namesakes apart, in a readable failure. */
    private static String where(Resource r) {
        return r.key() + " in " + r.region().orElse("?");
    }

    private static String other(String region) {
        return region.equals(EAST) ? WEST : EAST;
    }

    @Test
    void eachInstanceHasItsOwnResourcesAndTokens() {
        Topology t = build();
        assertEquals(6, t.stacks().size());
        assertEquals(2 * (1 + 5 + 1), t.resources().size(), "no resource hides its namesake in the other Region");
        assertNotEquals(resource(t, "app", EAST, "Key").physicalName(), resource(t, "app", WEST, "Key").physicalName(),
                "the tokens of two stacks named 'app' differ");
        assertEquals("Key", Tokens.display(resource(t, "app", WEST, "Key").physicalName()), "messages never change");
    }

    @Test
    void refAndGetAttNameTheKeyOfTheirOwnRegion() {
        Topology t = build();
        for (String region : List.of(EAST, WEST)) {
            Resource bucket = resource(t, "app", region, "Data");
            Value key = bucket.properties().at("BucketEncryption", "ServerSideEncryptionConfiguration").map(v ->
                    ((ListValue) v).items().get(0)).flatMap(v -> v.at("ServerSideEncryptionByDefault",
                    "KMSMasterKeyID")).orElseThrow();
            KeyLocation location = t.keyLocation(key, bucket, bucket.region());
            assertEquals(Optional.of(region), location.region(), "the bucket's key is in its own Region");
            assertEquals(where(resource(t, "app", region, "Key")), where(location.key().orElseThrow()));
            List<KeyUse> uses = t.keyUses().stream().filter(u -> u.owner().equals(bucket)).toList();
            assertEquals(List.of(true), uses.stream().map(u -> u.location().region().equals(u.copyRegion())).distinct()
                    .toList(), "every copy's key is in the copy's Region: " + uses);
        }
    }

    @Test
    void getStackOutputReadsTheStackOfThatNameInTheRegionItNames() {
        Topology t = build();
        for (String region : List.of(EAST, WEST)) {
            ReplicationRule rule = t.replicationRulesFrom(resource(t, "app", region, "Data")).get(0);
            assertEquals(where(resource(t, "app", other(region), "Data")), where(rule.destination().orElseThrow()));
            Value replicaKey = rule.rule().at("Destination", "EncryptionConfiguration", "ReplicaKmsKeyID")
                    .orElseThrow();
            assertEquals(where(resource(t, "app", other(region), "Key")), where(named(t, replicaKey)),
                    "the output of 'app' in the Region the function names");
        }
    }

    @Test
    void importsAndNestedOutputsStayInTheirOwnRegion() {
        Topology t = build();
        for (String region : List.of(EAST, WEST)) {
            Resource reader = resource(t, "app", region, "Reader");
            List<Value> granted = ((ListValue) reader.properties().at("PolicyDocument", "Statement")
                    .map(s -> ((ListValue) s).items().get(0)).flatMap(s -> s.at("Resource")).orElseThrow()).items();
            assertEquals(where(resource(t, "network", region, "Key")), where(named(t, granted.get(0))),
                    "an import reads the export of its own account and Region");
            assertEquals(where(resource(t, "app-Queues", region, "Queue")), where(named(t, granted.get(1))),
                    "a parent reads the outputs of its own nested stack");
            RolePermissions permissions = t.permissions(resource(t, "app", region, "Role")).orElseThrow();
            assertEquals(1, permissions.statements().size(), "the policy attaches to its own Region's role");
        }
    }

    @Test
    void aSecondStackOfOneNameInOneRegionIsAnInputErrorNotASilentMerge() {
        Document app = doc("app.yaml", NETWORK);
        TopologyBuilder.Result result = TopologyBuilder.build(List.of(
                new StackSpec("network", app, Optional.of(EAST), ACCOUNT, Map.of()),
                new StackSpec("network", app, Optional.of(EAST), ACCOUNT, Map.of()),
                new StackSpec("network", app, Optional.of(EAST), Optional.of("444455556666"), Map.of())), Map.of());
        assertEquals(2, result.topology().stacks().size(), "one per account and Region");
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertEquals("stack 'network' is deployed twice to us-east-1 in account 111122223333; stack names are unique"
                + " per account and Region, so only the first is linted: give this one another stack name (stackName)"
                + " or Region", result.errors().get(0).message());
    }
}
