package io.regionlint.rules.s3;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class S3MrapRuleTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL2009");
    }
}
