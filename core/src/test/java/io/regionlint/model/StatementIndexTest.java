package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.Located;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index behind {@link RolePermissions#allows} and {@link RolePermissions#deniesUnconditionally}
 * gives the answer of trying every statement, on statements shaped like replication roles'
 * (exact bucket ARNs, object patterns, wildcards first, {@code NotResource}, {@code ?}).
 */
class StatementIndexTest {

    private static final List<String> ACTIONS = List.of("s3:GetReplicationConfiguration", "s3:ListBucket",
            "s3:GetObjectVersionForReplication", "s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags",
            "kms:Decrypt", "kms:Encrypt");
    private static final List<String> ACTION_PATTERNS = List.of("s3:GetReplicationConfiguration", "s3:ListBucket",
            "s3:GetObjectVersion*", "s3:Replicate*", "s3:*", "*", "kms:Decrypt", "kms:Encrypt", "S3:replicateobject",
            "s3:Get*Configuration");

    /** Where the generated statements stand: nowhere in particular. */
    private static final Located AT = new ScalarNode("", SourceRange.fileStart("policy.json"), "");

    @Test
    void answersAsTryingEveryStatementDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            // odd rounds: roles small enough to be tried statement by statement, not indexed
            int size = round % 2 == 0 ? 60 : 1 + random.nextInt(StatementIndex.INDEXED);
            List<PolicyStatement> statements = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                statements.add(statement(random));
            }
            RolePermissions permissions = new RolePermissions(null, statements, List.of(), true, true);
            for (int q = 0; q < 300; q++) {
                String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
                String arn = arn(random);
                boolean allowed = statements.stream().anyMatch(s -> s.allow() && s.known() && s.coversAction(action)
                        && s.coversResource(arn));
                boolean denied = statements.stream().anyMatch(s -> s.deny() && s.known()
                        && !s.statement().has("Condition") && s.coversAction(action) && s.coversResource(arn));
                assertEquals(allowed, permissions.allows(action, arn), action + " on " + arn + " in round " + round);
                assertEquals(denied, permissions.deniesUnconditionally(action, arn),
                        "deny " + action + " on " + arn + " in round " + round);
            }
        }
    }

    @Test
    void aRingOfBucketsFindsEachBucketsOwnStatement() {
        List<PolicyStatement> statements = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            statements.add(allow(List.of("s3:ReplicateObject", "s3:ReplicateDelete"),
                    List.of("arn:aws:s3:::ring-" + i + "/*"), false));
        }
        RolePermissions permissions = new RolePermissions(null, statements, List.of(), true, true);
        assertTrue(permissions.allows("s3:ReplicateObject", "arn:aws:s3:::ring-2999/x"));
        assertTrue(permissions.allows("s3:ReplicateDelete", "arn:aws:s3:::ring-0/a/b"));
        assertFalse(permissions.allows("s3:ReplicateTags", "arn:aws:s3:::ring-7/x"));
        assertFalse(permissions.allows("s3:ReplicateObject", "arn:aws:s3:::ring-3000/x"));
        assertFalse(permissions.allows("s3:ReplicateObject", "arn:aws:s3:::ring-1"));
    }

    private static PolicyStatement statement(Random random) {
        int n = 1 + random.nextInt(3);
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actions.add(ACTION_PATTERNS.get(random.nextInt(ACTION_PATTERNS.size())));
        }
        List<String> resources = new ArrayList<>();
        int m = 1 + random.nextInt(3);
        for (int i = 0; i < m; i++) {
            resources.add(switch (random.nextInt(7)) {
                case 0 -> "*";
                case 1 -> "arn:aws:s3:::b" + random.nextInt(5);
                case 2 -> "arn:aws:s3:::b" + random.nextInt(5) + "/*";
                case 3 -> "arn:aws:s3:::b?/logs/*";
                case 4 -> "*/logs/*";
                case 5 -> "arn:aws:kms:us-east-1:111122223333:key/*";
                default -> "arn:aws:s3:::b" + random.nextInt(5) + "/data/*";
            });
        }
        boolean deny = random.nextInt(5) == 0;
        Map<String, Value> map = new LinkedHashMap<>();
        map.put("Effect", new ScalarValue(deny ? "Deny" : "Allow", AT));
        if (random.nextInt(6) == 0) {
            map.put("Condition", new MapValue(Map.of(), AT));
        }
        return new PolicyStatement(null, new MapValue(map, AT), !deny, actions, random.nextInt(8) == 0, resources,
                random.nextInt(8) == 0, random.nextInt(10) != 0);
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources, boolean notResource) {
        return new PolicyStatement(null, new MapValue(Map.of("Effect", new ScalarValue("Allow", AT)), AT), true,
                actions, false, resources, notResource, true);
    }

    private static String arn(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "arn:aws:s3:::b" + random.nextInt(6);
            case 1 -> "arn:aws:s3:::b" + random.nextInt(6) + "/logs/x";
            case 2 -> "arn:aws:s3:::b" + random.nextInt(6) + "/data/y";
            case 3 -> "arn:aws:kms:us-east-1:111122223333:key/k" + random.nextInt(3);
            default -> "arn:aws:s3:::b" + random.nextInt(6) + "/probe";
        };
    }
}
