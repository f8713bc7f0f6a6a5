package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A literal name shared by the copies of one template in several Regions (CDK's old
 * CDKReplicationRole) must join each policy to the role of its own stack, not to the first one.
 */
class SharedPhysicalNameTest {

    private static final String TEMPLATE = """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: CDKReplicationRole
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: sts:AssumeRole }]
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: replication
                  Roles: [!Ref Role]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:ReplicateObject
                        Resource: !Sub "arn:aws:s3:::data-${AWS::Region}/*"
            """;

    @Test
    void namesJoinWithinTheReferringStackFirst() {
        Document doc = new DocumentLoader().parse(TEMPLATE, Path.of("t.yaml"), "t.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        Topology t = TopologyBuilder.build(List.of(
                new StackSpec("app-us-east-1", doc, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-eu-west-1", doc, Optional.of("eu-west-1"), account, Map.of())), Map.of())
                .topology();
        for (Resource role : t.resources("AWS::IAM::Role")) {
            RolePermissions p = t.permissions(role).orElseThrow();
            assertEquals(1, p.statements().size(), role.key());
            assertEquals(List.of("arn:aws:s3:::data-" + role.region().orElseThrow() + "/*"),
                    p.statements().get(0).resources(), role.key());
        }
    }
}
