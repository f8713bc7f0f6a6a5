package io.regionlint.rules.secrets;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SecretRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL5007", "RL5008");
    }
}
