package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project file's {@code topology.twins}: the stack instances an entry names become one stack
 * group (twins, as the instances of one stack in several Regions are), and a name that is no
 * stack instance of the project is an input error at the entry, not a silent no-op.
 */
class ProjectTwinsTest {

    private static final String TABLE = """
            Resources:
              Carts:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "carts-${AWS::Region}"
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
            """;

    @TempDir
    Path dir;

    @Test
    void namedInstancesBecomeOneGroupAndAnUnknownNameIsAnInputError() throws IOException {
        Files.writeString(dir.resolve("east.yaml"), TABLE);
        Files.writeString(dir.resolve("west.yaml"), TABLE);
        Files.writeString(dir.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active, us-west-2: active }
                  accounts: { default: "111122223333" }
                  stacks:
                    - name: checkout-east
                      stackName: shop-east
                      template: east.yaml
                      regions: [us-east-1]
                    - name: checkout-west
                      stackName: shop-west
                      template: west.yaml
                      regions: [us-west-2]
                  twins:
                    - [shop-east, shop-west]
                    - [shop-east, shop-north]
                """);
        LintResult result = new Linter(RuleRegistry.load()).run(LintRequest.of(List.of(dir), dir));
        Map<String, String> groups = result.topologies().stream().flatMap(t -> t.stacks().stream())
                .collect(Collectors.toMap(StackInstance::name, StackInstance::group));
        assertEquals(Map.of("shop-east", "checkout-east", "shop-west", "checkout-east"), groups);
        assertEquals(1, result.errors().size(), result.errors()::toString);
        assertEquals(16, result.errors().get(0).line(), result.errors()::toString);
        assertTrue(result.errors().get(0).message().contains("twins names stack 'shop-north'"),
                result.errors()::toString);
    }
}
