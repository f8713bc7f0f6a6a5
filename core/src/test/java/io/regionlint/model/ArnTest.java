package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ARNs as AWS writes them for the services the model links (real shapes from the AWS docs and Config items). */
class ArnTest {

    @Test
    void readsTheFivePartsAndTheResourceOfEachService() {
        Arn role = Arn.parse("arn:aws:iam::111122223333:role/service-role/s3-replication").orElseThrow();
        assertEquals("iam", role.service());
        assertEquals("", role.region());
        assertEquals("111122223333", role.account());
        assertEquals("role", role.resourceType());
        assertEquals("service-role/s3-replication", role.resourceId());
        assertEquals("s3-replication", role.name());
        assertTrue(role.is("iam", "role"));

        Arn cluster = Arn.parse("arn:aws:rds:us-west-2:111122223333:cluster:acme-ledger-us-west-2").orElseThrow();
        assertEquals("cluster", cluster.resourceType());
        assertEquals("acme-ledger-us-west-2", cluster.name());
        assertEquals("us-west-2", cluster.region());

        Arn object = Arn.parse("arn:aws-cn:s3:::acme-assets/reports/*").orElseThrow();
        assertEquals("aws-cn", object.partition());
        assertEquals("", object.resourceType());
        assertEquals("acme-assets", object.resourceId());

        Arn key = Arn.parse("arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab").orElseThrow();
        assertTrue(key.is("kms", "key"));
        assertEquals("mrk-1234abcd12ab34cd56ef1234567890ab", key.name());

        Arn secret = Arn.parse("arn:aws:secretsmanager:eu-west-1:111122223333:secret:acme/db-AbCdEf").orElseThrow();
        assertEquals("secret", secret.resourceType());
        assertEquals("acme/db-AbCdEf", secret.resourceId());

        assertEquals("arn:aws:dynamodb:us-east-1:111122223333:table/acme-orders",
                Arn.parse("arn:aws:dynamodb:us-east-1:111122223333:table/acme-orders").orElseThrow().toString());
    }

    @Test
    void textThatIsNoArnIsNone() {
        assertEquals(Optional.empty(), Arn.parse("acme-assets"));
        assertEquals(Optional.empty(), Arn.parse("arn:aws:s3"));
        assertEquals(Optional.empty(), Arn.parse("arn:azure:s3:::bucket"));
        assertEquals(Optional.empty(), Arn.parse("arn:aws:s3:::"));
        assertEquals(Optional.empty(), Arn.parse("arn:aws:rds:${AWS::Region}:111122223333:cluster:x"), "a token");
        assertEquals(Optional.empty(), Arn.parse("arn:aws:kms:*:111122223333:key/*"), "a wildcard Region");
        assertEquals(Optional.empty(), Arn.parse("arn:aws:iam::1:role/x", "s3"), "another service");
    }
}
