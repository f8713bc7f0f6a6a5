package io.regionlint.rules.dynamodb;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class DynamoDbRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL3001", "RL3002", "RL3003", "RL3004", "RL3005", "RL3006", "RL3007", "RL3008",
                "RL3009", "RL3010");
    }
}
