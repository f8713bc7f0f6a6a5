package io.regionlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ReplicationRule;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph of a small two-Region system linted by the real engine: which resources are drawn,
 * which are only counted, where the findings land, and that every format is the same bytes on
 * every run and safe to open.
 */
class GraphBuilderTest {

    /** A finding on every replicating bucket, naming its destination: it belongs on the edge. */
    @RuleInfo(id = "RL9902", summary = "Replication is reported", severity = Severity.ERROR, category = "test",
            since = "0.1.0")
    static final class EveryReplicationRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (ReplicationRule rule : context.topology().replicationRules()) {
                var builder = context.report(Site.of(rule.source()),
                        "Bucket <b>" + rule.source().displayName() + "</b> & 'it' </script><script>alert(1)");
                rule.destination().ifPresent(d -> builder.related(d, Optional.empty(), "its peer"));
            }
        }
    }

    @TempDir
    Path dir;

    private LintResult result;

    @BeforeEach
    void lint() throws IOException {
        Files.writeString(dir.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active, eu-west-1: standby }
                  accounts: { default: "111122223333" }
                  stacks:
                    - name: app
                      template: app.yaml
                      regions: [us-east-1, eu-west-1]
                      regionParameters:
                        us-east-1: { Peer: eu-west-1 }
                        eu-west-1: { Peer: us-east-1 }
                    - name: global
                      template: global.yaml
                      regions: [us-east-1]
                """);
        Files.writeString(dir.resolve("app.yaml"), """
                Parameters:
                  Peer: { Type: String }
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub data-${AWS::Region}
                      VersioningConfiguration: { Status: Enabled }
                      ReplicationConfiguration:
                        Role: !GetAtt ReplicationRole.Arn
                        Rules:
                          - Status: Enabled
                            Destination: { Bucket: !Sub "arn:aws:s3:::data-${Peer}" }
                  ReplicationRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { Service: s3.amazonaws.com }
                            Action: sts:AssumeRole
                  Queue:
                    Type: AWS::SQS::Queue
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        Files.writeString(dir.resolve("global.yaml"), """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: orders
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                      BillingMode: PAY_PER_REQUEST
                      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
                      Replicas:
                        - Region: us-east-1
                        - Region: eu-west-1
                  Alarm:
                    Type: AWS::SNS::Topic
                """);
        result = new Linter(new RuleRegistry(List.of(new EveryReplicationRule())))
                .run(LintRequest.of(List.of(dir), dir));
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        assertEquals(2, result.findings().size(), result.findings().toString());
    }

    @Test
    void regionsAreColumnsInProjectOrderWithTheirRoles() {
        SystemGraph graph = GraphBuilder.build(result);
        assertEquals(List.of("us-east-1", "eu-west-1"), graph.columns().stream().map(SystemGraph.Column::label).toList());
        assertEquals(List.of(Optional.of("active"), Optional.of("standby")),
                graph.columns().stream().map(SystemGraph.Column::role).toList());
        assertEquals(List.of("app-us-east-1", "global-us-east-1"), boxNames(graph.columns().get(0)));
        // the table's replica in eu-west-1 belongs to no stack there: it gets a box of its own
        assertEquals(List.of("app-eu-west-1", "copies created by global-us-east-1"), boxNames(graph.columns().get(1)));
    }

    @Test
    void onlyLinkedResourcesAreDrawnTheRestAreCounted() {
        SystemGraph graph = GraphBuilder.build(result);
        SystemGraph.Box app = graph.columns().get(0).boxes().get(0);
        assertEquals(List.of("Data", "ReplicationRole"), app.nodes().stream().map(SystemGraph.Node::logicalId).toList());
        assertEquals(2, app.hidden(), "the queue and the topic take part in no link");
        SystemGraph.Box global = graph.columns().get(0).boxes().get(1);
        assertEquals(List.of("Table"), global.nodes().stream().map(SystemGraph.Node::logicalId).toList());
        assertEquals(1, global.hidden());
        SystemGraph.Node replica = graph.columns().get(1).boxes().get(1).nodes().get(0);
        assertEquals("orders", replica.label());
        assertEquals("DynamoDB replica", replica.shortType());
    }

    @Test
    void edgesAreLabelledByKindAndCarryTheFindingsThatNameTheirOtherEnd() {
        SystemGraph graph = GraphBuilder.build(result);
        List<String> edges = graph.edges().stream().map(e -> label(graph, e.from()) + " " + e.kind() + " "
                + label(graph, e.to())).toList();
        assertEquals(List.of(
                "data-us-east-1 REPLICATION_ROLE ReplicationRole",
                "data-us-east-1 REPLICATION data-eu-west-1",
                "orders TABLE_REPLICA orders",
                "data-eu-west-1 REPLICATION data-us-east-1",
                "data-eu-west-1 REPLICATION_ROLE ReplicationRole"), edges);
        SystemGraph.Edge east = graph.edges().get(1);
        assertTrue(east.crossRegion());
        assertEquals(1, east.findings().size());
        assertEquals(Optional.of("us-east-1"), east.findings().get(0).resource().orElseThrow().region());
        assertEquals("replicates to", east.label());
        assertFalse(graph.edges().get(0).crossRegion());
        assertTrue(graph.edges().get(0).findings().isEmpty(), "the role is not what the finding names");
        assertEquals("replica", graph.edges().get(2).label());
        SystemGraph.Node data = graph.columns().get(0).boxes().get(0).nodes().get(0);
        assertEquals(Optional.of(Severity.ERROR), data.severity());
        assertEquals(Optional.of("app.yaml:4"), data.file());
        assertTrue(graph.unplaced().isEmpty());
    }

    @Test
    void everyFormatIsTheSameBytesOnEveryRun() throws IOException {
        for (GraphFormat format : GraphFormat.values()) {
            String first = draw(format, result);
            String again = draw(format, new Linter(new RuleRegistry(List.of(new EveryReplicationRule())))
                    .run(LintRequest.of(List.of(dir), dir)));
            assertEquals(first, again, format + " differs between two runs on the same input");
        }
    }

    @Test
    void theHtmlPageIsSelfContainedAndEscapesWhatTheInputsSay() throws IOException {
        String page = draw(GraphFormat.HTML, result);
        for (String network : List.of("<link", "src=\"http", "href=\"http", "@import", "url(http", "fetch(",
                "XMLHttpRequest")) {
            assertFalse(page.contains(network), "the page reaches the network: " + network);
        }
        assertFalse(page.contains("<b>data"), "a message's markup reached the page");
        assertFalse(page.contains("</script><script>alert"), "a message ended the data element");
        assertTrue(page.contains("\\u003cb>data-us-east-1\\u003c/b> & 'it' \\u003c/script>"), "message kept in the data");
        assertTrue(page.contains("data-region=\"us-east-1\"") && page.contains("data-region=\"eu-west-1\""));
        assertTrue(page.contains("data-rules=\"RL9902\""), "the bucket carries its finding's rule");
        StringWriter report = new StringWriter();
        GraphWriter.writeReport(result, "1.2.3", report);
        assertTrue(report.toString().contains("<table id=\"rl-table\">"));
        assertTrue(report.toString().contains("&lt;b&gt;data-eu-west-1&lt;/b&gt; &amp; &#39;it&#39;"));
        assertFalse(page.contains("<table id=\"rl-table\">"), "the graph page has no findings table");
    }

    @Test
    void mermaidAndDotNameEveryRegionAndTheRulesOnTheirNodes() throws IOException {
        String mermaid = draw(GraphFormat.MERMAID, result);
        assertTrue(mermaid.startsWith("flowchart LR\n"));
        assertTrue(mermaid.contains("subgraph c0[\"us-east-1 · active\"]"), mermaid);
        assertTrue(mermaid.contains("subgraph c1[\"eu-west-1 · standby\"]"), mermaid);
        assertTrue(mermaid.contains("[\"data-us-east-1<br/>S3::Bucket<br/>RL9902\"]"), mermaid);
        assertTrue(mermaid.contains("[\"+ 2 resources without links\"]"), mermaid);
        String dot = draw(GraphFormat.DOT, result);
        assertTrue(dot.contains("subgraph cluster_c0 {\n    label=\"us-east-1 (active)\";"), dot);
        assertTrue(dot.contains("label=\"replicates to\\nRL9902\""), dot);
    }

    @Test
    void twinsAndTheCopiesATableCreatesSitLevelAcrossTheColumns() {
        SystemGraph graph = GraphBuilder.build(result);
        Layout layout = new Layout(graph);
        SystemGraph.Column east = graph.columns().get(0);
        SystemGraph.Column west = graph.columns().get(1);
        Layout.Rect appEast = layout.boxes.get(east.boxes().get(0).id());
        Layout.Rect appWest = layout.boxes.get(west.boxes().get(0).id());
        Layout.Rect global = layout.boxes.get(east.boxes().get(1).id());
        Layout.Rect copies = layout.boxes.get(west.boxes().get(1).id());
        assertEquals(appEast.y(), appWest.y(), "app-us-east-1 and its twin app-eu-west-1 share a band");
        assertEquals(global.y(), copies.y(), "the replica sits level with the stack that declares its table");
        assertTrue(appWest.x() > appEast.right(), "eu-west-1 is the column right of us-east-1");
        // the two buckets replicate to each other: two curves, each leaving and reaching a box border
        Layout.Curve there = layout.curves.get(graph.edges().get(1).id());
        Layout.Curve back = layout.curves.get(graph.edges().get(3).id());
        assertEquals(appEast.right(), there.x1());
        assertEquals(appWest.x(), there.x2());
        assertEquals(appWest.x(), back.x1());
        assertEquals(appEast.right(), back.x2());
        assertTrue(there.y1() < back.y2() && back.labelBelow() && !there.labelBelow(),
                "the pair is drawn apart, labels on either side");
        SystemGraph.Node replica = west.boxes().get(1).nodes().get(0);
        assertEquals(layout.rows.get(graph.columns().get(0).boxes().get(1).nodes().get(0).id()).y(),
                layout.rows.get(replica.id()).y(), "table and replica rows are level: the link runs straight across");
    }

    @Test
    void aFailoverPairSplitAcrossRegionsIsDrawnPrimaryToSecondaryWithItsChecksAndAccelerator() throws IOException {
        Path routing = dir.resolve("routing");
        Files.createDirectories(routing);
        Files.writeString(routing.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active, eu-west-1: standby }
                  accounts: { default: "111122223333" }
                  stacks:
                    - name: edge
                      template: edge.yaml
                      regions: [us-east-1, eu-west-1]
                """);
        Files.writeString(routing.resolve("edge.yaml"), """
                Conditions:
                  IsEast: !Equals [!Ref "AWS::Region", us-east-1]
                Resources:
                  Balancer:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties: { Name: !Sub "web-${AWS::Region}", Type: application }
                  Health:
                    Type: AWS::Route53::HealthCheck
                    Properties:
                      HealthCheckConfig: { Type: HTTPS, FullyQualifiedDomainName: !GetAtt Balancer.DNSName }
                  Www:
                    Type: AWS::Route53::RecordSet
                    Properties:
                      HostedZoneId: Z0495213FRTNQ7X5O3XQ
                      Name: www.example.com.
                      Type: CNAME
                      TTL: "60"
                      SetIdentifier: !Ref "AWS::Region"
                      Failover: !If [IsEast, PRIMARY, SECONDARY]
                      HealthCheckId: !Ref Health
                      ResourceRecords: [!GetAtt Balancer.DNSName]
                  Accelerator:
                    Type: AWS::GlobalAccelerator::Accelerator
                    Condition: IsEast
                    Properties: { Name: web }
                  Listener:
                    Type: AWS::GlobalAccelerator::Listener
                    Condition: IsEast
                    Properties:
                      AcceleratorArn: !Ref Accelerator
                      Protocol: TCP
                      PortRanges: [{ FromPort: 443, ToPort: 443 }]
                  EastGroup:
                    Type: AWS::GlobalAccelerator::EndpointGroup
                    Condition: IsEast
                    Properties:
                      ListenerArn: !Ref Listener
                      EndpointGroupRegion: us-east-1
                      EndpointConfigurations: [{ EndpointId: !Ref Balancer }]
                """);
        LintResult routed = new Linter(new RuleRegistry(List.of())).run(LintRequest.of(List.of(routing), routing));
        assertTrue(routed.errors().isEmpty(), routed.errors().toString());
        SystemGraph graph = GraphBuilder.build(routed);
        List<String> edges = graph.edges().stream().map(e -> region(graph, e.from()) + ":" + label(graph, e.from())
                + " " + e.label() + " " + region(graph, e.to()) + ":" + label(graph, e.to())).toList();
        assertTrue(edges.contains("us-east-1:Www fails over to eu-west-1:Www"), edges.toString());
        assertFalse(edges.contains("eu-west-1:Www fails over to us-east-1:Www"), "one edge per pair, primary first");
        assertTrue(edges.contains("us-east-1:Www health-checked by us-east-1:Health"), edges.toString());
        assertTrue(edges.contains("eu-west-1:Www health-checked by eu-west-1:Health"), edges.toString());
        assertTrue(edges.contains("us-east-1:Listener endpoint group us-east-1 us-east-1:EastGroup"), edges.toString());
        assertTrue(edges.contains("us-east-1:EastGroup routes to us-east-1:Balancer"), edges.toString());
        String mermaid = draw(GraphFormat.MERMAID, routed);
        assertTrue(mermaid.contains("|\"fails over to\"|"), mermaid);
    }

    private static String draw(GraphFormat format, LintResult result) throws IOException {
        StringWriter out = new StringWriter();
        GraphWriter.write(format, result, "1.2.3", out);
        return out.toString();
    }

    private static List<String> boxNames(SystemGraph.Column column) {
        return column.boxes().stream().map(SystemGraph.Box::name).toList();
    }

    private static String region(SystemGraph graph, String nodeId) {
        return graph.columns().stream().filter(c -> c.boxes().stream().flatMap(b -> b.nodes().stream())
                .anyMatch(n -> n.id().equals(nodeId))).findFirst().orElseThrow().label();
    }

    private static String label(SystemGraph graph, String nodeId) {
        return graph.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst().orElseThrow().label();
    }
}
