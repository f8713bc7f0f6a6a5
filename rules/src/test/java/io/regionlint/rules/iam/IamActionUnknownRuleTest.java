package io.regionlint.rules.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.rules.facts.IamActions;
import io.regionlint.testing.FixtureHarness;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IamActionUnknownRuleTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureHarness.forRules("RL5009");
    }

    @Test
    void replicationActionsExistAndTheCommonMisspellingDoesNot() {
        for (String action : ReplicationRoleInsufficientRule.SOURCE_BUCKET_ACTIONS) {
            assertEquals(Optional.of(true), IamActions.exists(action), action);
        }
        for (String action : ReplicationRoleInsufficientRule.SOURCE_OBJECT_ACTIONS) {
            assertEquals(Optional.of(true), IamActions.exists(action), action);
        }
        for (String action : ReplicationRoleInsufficientRule.DESTINATION_OBJECT_ACTIONS) {
            assertEquals(Optional.of(true), IamActions.exists(action), action);
        }
        assertEquals(Optional.of(true), IamActions.exists("kms:Decrypt"));
        assertEquals(Optional.of(true), IamActions.exists("KMS:encrypt"));
        assertEquals(Optional.of(false), IamActions.exists("s3:ReplicationTags"));
        assertEquals(Optional.of("s3:ReplicateTags"), IamActions.nearest("s3:ReplicationTags"));
    }

    @Test
    void servicesWithoutAListCannotBeJudged() {
        assertEquals(Optional.empty(), IamActions.exists("ec2:DescribeNothingReal"));
        assertEquals(Optional.empty(), IamActions.exists("*"));
        assertEquals(Optional.empty(), IamActions.nearest("ec2:DescribeInstance"));
    }

    @Test
    void farFromEveryActionSuggestsNothing() {
        assertEquals(Optional.empty(), IamActions.nearest("s3:CompletelyUnrelatedThing"));
    }
}
