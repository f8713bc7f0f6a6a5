package io.regionlint.rules.routing;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class RoutingRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL6001", "RL6002", "RL6003", "RL6004", "RL6005", "RL6006", "RL6007", "RL6008",
                "RL6009", "RL6010");
    }
}
