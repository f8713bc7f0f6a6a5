package io.regionlint.rules.s3;

import io.regionlint.testing.FixtureHarness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class S3RulesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL2001", "RL2002", "RL2003", "RL2004", "RL2005", "RL2006", "RL2007", "RL2008");
    }
}
