package io.regionlint.rules.input;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class InputRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL1001", "RL1002", "RL1003", "RL1004", "RL1005", "RL1007",
                "RL1008");
    }
}
