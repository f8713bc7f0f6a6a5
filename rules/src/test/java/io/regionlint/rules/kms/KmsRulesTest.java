package io.regionlint.rules.kms;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class KmsRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL5001", "RL5002", "RL5003", "RL5004");
    }
}
