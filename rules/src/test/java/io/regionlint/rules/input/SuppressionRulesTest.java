package io.regionlint.rules.input;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RL1010 and RL1011 fixtures: project folders (and a template) whose suppressions are audited. */
class SuppressionRulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL1010", "RL1011");
    }
}
