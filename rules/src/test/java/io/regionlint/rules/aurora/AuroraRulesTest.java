package io.regionlint.rules.aurora;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AuroraRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL4001", "RL4002", "RL4003", "RL4004", "RL4005", "RL4006", "RL4007");
    }
}
