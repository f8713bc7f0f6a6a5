package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataTierLinkerTest {

    private static final String DATA = """
            Parameters:
              IsPrimary: { Type: String, Default: "true" }
            Conditions:
              Primary: !Equals [!Ref IsPrimary, "true"]
            Resources:
              Key:
                Type: AWS::KMS::Key
                Condition: Primary
                Properties:
                  MultiRegion: true
              KeyReplica:
                Type: AWS::KMS::ReplicaKey
                Properties:
                  PrimaryKeyArn: arn:aws:kms:us-east-1:111122223333:key/mrk-1234
              Alias:
                Type: AWS::KMS::Alias
                Properties:
                  AliasName: alias/orders
                  TargetKeyId: !Ref KeyReplica
              Global:
                Type: AWS::RDS::GlobalCluster
                Condition: Primary
                Properties:
                  GlobalClusterIdentifier: orders-global
                  Engine: aurora-postgresql
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  DBClusterIdentifier: !Sub "orders-${AWS::Region}"
                  GlobalClusterIdentifier: Orders-Global
                  Engine: aurora-postgresql
                  MasterUsername: !If [Primary, admin, !Ref AWS::NoValue]
              Writer:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Cluster
              Table:
                Type: AWS::DynamoDB::GlobalTable
                Condition: Primary
                Properties:
                  MultiRegionConsistency: STRONG
                  Replicas:
                    - Region: us-east-1
                      SSESpecification: { KMSMasterKeyId: !GetAtt Key.Arn }
                    - Region: us-east-2
                      SSESpecification: { KMSMasterKeyId: arn:aws:kms:us-east-2:111122223333:key/mrk-1234 }
                  GlobalTableWitnesses:
                    - Region: us-west-2
            """;

    @Test
    void joinsGlobalDatabasesTablesAndKeysAcrossRegions() {
        Document doc = new DocumentLoader().parse(DATA, Path.of("data.yaml"), "data.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        List<StackSpec> specs = List.of(
                new StackSpec("data-us-east-1", doc, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("data-us-east-2", doc, Optional.of("us-east-2"), account, Map.of("IsPrimary", "false")));
        Topology t = TopologyBuilder.build(specs, Map.of()).topology();

        assertEquals(1, t.globalDatabases().size());
        GlobalDatabase db = t.globalDatabases().get(0);
        assertEquals("orders-global", db.identifier(), "identifiers join case-insensitively");
        assertEquals(2, db.members().size());
        assertEquals("111122223333:us-east-1:data-us-east-1/Cluster", db.primary().orElseThrow().key());
        assertEquals(List.of("111122223333:us-east-2:data-us-east-2/Cluster"),
                db.secondaries().stream().map(Resource::key).toList());
        assertEquals(1, t.instancesOf(db.secondaries().get(0)).size());

        GlobalTable table = t.globalTables().get(0);
        assertTrue(table.strong());
        assertTrue(table.complete());
        assertEquals(List.of(Optional.of("us-east-1"), Optional.of("us-east-2")),
                table.replicas().stream().map(GlobalTable.Replica::region).toList());
        assertEquals(Optional.of("us-east-1"), table.stackRegion());
        assertEquals(List.of("us-east-1", "us-east-2"), table.replicaRegions());
        assertEquals(List.of("us-west-2"), table.witnessRegions());
        KeyLocation first = t.keyLocation(table.replicas().get(0).spec().at("SSESpecification", "KMSMasterKeyId")
                .orElseThrow(), table.table(), Optional.of("us-east-1"));
        assertEquals(Optional.of("us-east-1"), first.region());
        assertEquals(Optional.of(true), first.multiRegion());
        assertEquals("111122223333:us-east-1:data-us-east-1/Key", first.key().orElseThrow().key());
        KeyLocation second = t.keyLocation(table.replicas().get(1).spec().at("SSESpecification", "KMSMasterKeyId")
                .orElseThrow(), table.table(), Optional.of("us-east-2"));
        assertEquals(Optional.of("us-east-2"), second.region());
        assertTrue(second.key().isEmpty());

        Resource replicaCluster = db.secondaries().get(0);
        KeyLocation alias = t.keyLocation(new ScalarValue("alias/orders", replicaCluster.properties()),
                replicaCluster, Optional.of("us-east-2"));
        assertEquals("111122223333:us-east-2:data-us-east-2/KeyReplica", alias.key().orElseThrow().key(),
                "an alias follows its target");
        assertEquals(Optional.of(true), alias.multiRegion());
        KeyLocation built = t.keyLocation(new ScalarValue("arn:aws:kms:us-east-2:111122223333:key/"
                + Tokens.ref(new StackId(account, Optional.of("us-east-1"), "data-us-east-1"), "Key"), replicaCluster.properties()), replicaCluster,
                Optional.of("us-east-2"));
        assertEquals(Optional.of("us-east-2"), built.region(), "an ARN built from a key id names its own Region");
        assertEquals(Optional.of(true), built.multiRegion());
        assertTrue(built.key().isEmpty(), "the us-east-1 primary is not the key in us-east-2");
        KeyLocation unknownAlias = t.keyLocation(new ScalarValue("alias/other", replicaCluster.properties()),
                replicaCluster, Optional.of("us-east-2"));
        assertTrue(unknownAlias.region().isEmpty(), "an alias nobody declares says nothing about its Region");
    }

    @Test
    void aClusterWhoseRegionHasAnInstanceOfUnknownClusterHasNoKnownInstanceList() {
        String template = """
                Parameters:
                  ClusterName: { Type: String }
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: orders
                      Engine: aurora-postgresql
                  Reader:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref ClusterName
                      DBInstanceClass: db.r6g.large
                """;
        String other = """
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: orders
                      Engine: aurora-postgresql
                """;
        DocumentLoader loader = new DocumentLoader();
        Document doc = loader.parse(template, Path.of("a.yaml"), "a.yaml").document().orElseThrow();
        Document otherDoc = loader.parse(other, Path.of("b.yaml"), "b.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        Topology t = TopologyBuilder.build(List.of(
                new StackSpec("a-us-east-1", doc, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("b-eu-west-1", otherDoc, Optional.of("eu-west-1"), account, Map.of())), Map.of())
                .topology();
        Resource east = t.resources("AWS::RDS::DBCluster").get(0);
        Resource west = t.resources("AWS::RDS::DBCluster").get(1);
        assertTrue(t.instancesOf(east).isEmpty());
        assertFalse(t.instancesKnown(east), "the reader may belong to it");
        assertTrue(t.instancesKnown(west), "an unknown instance in another Region is not one of its instances");
    }

    @Test
    void theSourceClusterOfAGlobalClusterIsItsPrimaryMember() {
        String primary = """
                Resources:
                  Global:
                    Type: AWS::RDS::GlobalCluster
                    Properties:
                      GlobalClusterIdentifier: carts-global
                      SourceDBClusterIdentifier: !Ref Cluster
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      MasterUsername: admin
                """;
        String secondary = """
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      GlobalClusterIdentifier: carts-global
                      Engine: aurora-mysql
                """;
        DocumentLoader loader = new DocumentLoader();
        Optional<String> account = Optional.of("111122223333");
        Topology t = TopologyBuilder.build(List.of(
                new StackSpec("p-us-east-1", loader.parse(primary, Path.of("p.yaml"), "p.yaml").document().orElseThrow(),
                        Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("s-eu-west-1", loader.parse(secondary, Path.of("s.yaml"), "s.yaml").document()
                        .orElseThrow(), Optional.of("eu-west-1"), account, Map.of())), Map.of()).topology();
        GlobalDatabase db = t.globalDatabases().get(0);
        assertEquals(List.of("111122223333:us-east-1:p-us-east-1/Cluster", "111122223333:eu-west-1:s-eu-west-1/Cluster"),
                db.members().stream().map(Resource::key).toList());
        assertEquals("111122223333:us-east-1:p-us-east-1/Cluster", db.primary().orElseThrow().key());
    }
}
