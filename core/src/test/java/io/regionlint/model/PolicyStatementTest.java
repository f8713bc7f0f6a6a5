package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyStatementTest {

    private static final String TEMPLATE = """
            Parameters:
              Alias:
                Type: String
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: replicate
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: kms:Encrypt
                            Resource: "*"
                            Condition:
                              StringEquals: {kms:RequestAlias: [alias/a, alias/b]}
                              "ForAnyValue:StringLikeIfExists": {kms:ResourceAliases: !Ref Alias}
                          - Effect: Deny
                            Action: s3:DeleteObject
                            Resource: !Sub "arn:aws:s3:::logs-${AWS::AccountId}/*"
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}]}'
              Topic:
                Type: AWS::SNS::Topic
            """;

    private static Topology topology() {
        Document doc = new DocumentLoader().parse(TEMPLATE, Path.of("t.yaml"), "t.yaml").document().orElseThrow();
        return TopologyBuilder.build(List.of(new StackSpec("app", doc, Optional.of("us-east-1"), Optional.empty(),
                Map.of())), Map.of()).topology();
    }

    private static Resource resource(Topology t, String logicalId) {
        return t.resources().stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    @Test
    void everyDocumentAResourceDeclaresIsRead() {
        Topology t = topology();
        assertEquals(3, PolicyStatement.declaredBy(resource(t, "Role")).size(), "two inline statements and the trust");
        List<PolicyStatement> key = PolicyStatement.declaredBy(resource(t, "Key"));
        assertEquals(List.of("kms:Decrypt"), key.get(0).actions(), "a key policy given as a JSON string");
        assertEquals(List.of(), PolicyStatement.declaredBy(resource(t, "Topic")));
    }

    @Test
    void conditionsAreParsedWithTheirQualifiersAndUnknownValues() {
        PolicyStatement allow = PolicyStatement.declaredBy(resource(topology(), "Role")).get(0);
        List<PolicyCondition> conditions = allow.conditions();
        assertEquals(2, conditions.size());
        PolicyCondition alias = conditions.get(0);
        assertEquals("StringEquals", alias.baseOperator());
        assertTrue(alias.isKey("KMS:requestalias"), "condition keys are case-insensitive");
        assertEquals(List.of("alias/a", "alias/b"), alias.values());
        assertTrue(alias.known());
        PolicyCondition resourceAliases = conditions.get(1);
        assertEquals("ForAnyValue", resourceAliases.setQualifier());
        assertEquals("StringLike", resourceAliases.baseOperator());
        assertTrue(resourceAliases.ifExists());
        assertFalse(resourceAliases.known(), "a parameter without a value");
        assertTrue(allow.conditionsKnown());
    }

    @Test
    void actionsCanBeKnownWhereResourcesAreNot() {
        Topology t = topology();
        PolicyStatement deny = PolicyStatement.declaredBy(resource(t, "Role")).get(1);
        assertTrue(deny.deny());
        assertFalse(deny.known(), "the account id is not given");
        assertTrue(deny.actionsKnown());
        RolePermissions permissions = t.permissions(resource(t, "Role")).orElseThrow();
        assertFalse(permissions.complete());
        assertTrue(permissions.actionsComplete());
    }
}
