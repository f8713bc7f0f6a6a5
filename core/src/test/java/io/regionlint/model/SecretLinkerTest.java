package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretLinkerTest {

    private static final String GLOBAL = """
            Resources:
              DbSecret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: orders/db
                  ReplicaRegions:
                    - Region: eu-west-1
            """;

    private static final String APP = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      PASSWORD: "{{resolve:secretsmanager:orders/db:SecretString:password}}"
                      SECRET_ARN: !Sub "arn:aws:secretsmanager:${AWS::Region}:111122223333:secret:orders/db-AbCdEf"
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: secretsmanager:GetSecretValue
                        Resource: "{{resolve:secretsmanager:orders/db}}"
            """;

    @Test
    void findsReadsAndTheRegionsEachSecretExistsIn() {
        DocumentLoader loader = new DocumentLoader();
        Document global = loader.parse(GLOBAL, Path.of("g.yaml"), "g.yaml").document().orElseThrow();
        Document app = loader.parse(APP, Path.of("a.yaml"), "a.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        Topology t = TopologyBuilder.build(List.of(
                new StackSpec("global-us-east-1", global, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-us-east-1", app, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-ap-south-1", app, Optional.of("ap-south-1"), account, Map.of())),
                Map.of()).topology();
        Resource secret = t.resources(SecretLinker.SECRET).get(0);
        assertEquals(Optional.of(Set.of("us-east-1", "eu-west-1")), t.secretRegions(secret));
        List<SecretUse> uses = t.secretUses();
        assertEquals(4, uses.size(), "two reads per Lambda, none from the IAM policy: " + uses);
        assertEquals(List.of("111122223333:us-east-1:app-us-east-1/Fn", "111122223333:us-east-1:app-us-east-1/Fn",
                        "111122223333:ap-south-1:app-ap-south-1/Fn", "111122223333:ap-south-1:app-ap-south-1/Fn"),
                uses.stream().map(u -> u.user().key()).toList());
        uses.forEach(u -> assertEquals("111122223333:us-east-1:global-us-east-1/DbSecret",
                u.secret().orElseThrow().key()));
        assertEquals(7, uses.get(0).at().range().line());
    }
}
