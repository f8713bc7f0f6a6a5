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

/** What {@link MetricAlarm} reads from the three shapes of {@code AWS::CloudWatch::Alarm}. */
class MetricAlarmTest {

    private static final String ALARMS = """
            Parameters:
              Table: { Type: String }
            Resources:
              Single:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/DynamoDB
                  MetricName: ReplicationLatency
                  Dimensions:
                    - { Name: TableName, Value: orders }
                    - { Name: ReceivingRegion, Value: !Ref "AWS::Region" }
              Unknown:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/DynamoDB
                  MetricName: ReplicationLatency
                  Dimensions: [{ Name: TableName, Value: !Ref Table }]
              Math:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Metrics:
                    - { Id: e, Expression: "m1 + m2" }
                    - Id: m1
                      MetricStat:
                        Metric: { Namespace: AWS/S3, MetricName: OperationsFailedReplication,
                                  Dimensions: [{ Name: SourceBucket, Value: docs }] }
                    - Id: m2
                      MetricStat:
                        Metric: { Namespace: AWS/S3, MetricName: OperationsPendingReplication }
              Insights:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Metrics:
                    - Id: q
                      Expression: SELECT MAX(AuroraGlobalDBRPOLag) FROM SCHEMA("AWS/RDS", DBClusterIdentifier)
            """;

    private final Topology topology;

    MetricAlarmTest() {
        Document doc = new DocumentLoader().parse(ALARMS, Path.of("alarms.yaml"), "alarms.yaml").document().orElseThrow();
        topology = TopologyBuilder.build(List.of(new StackSpec("alarms", doc, Optional.of("eu-west-1"),
                Optional.of("111122223333"), Map.of())), Map.of()).topology();
    }

    @Test
    void readsSingleMetricMetricMathAndInsightsQueries() {
        assertEquals(4, topology.metricAlarms().size());
        List<MetricAlarm.Watch> latency = topology.watches(Optional.of("eu-west-1"), "AWS/DynamoDB", "ReplicationLatency");
        assertEquals(2, latency.size());
        MetricAlarm.Watch single = latency.get(0);
        assertEquals(Optional.of(true), single.dimensionIs("TableName", "orders"));
        assertEquals(Optional.of(true), single.dimensionIs("ReceivingRegion", "eu-west-1"), "resolved per Region");
        assertEquals(Optional.of(false), single.dimensionIs("TableName", "carts"));
        assertEquals(Optional.of(false), single.dimensionIs("Operation", "PutItem"), "a dimension it does not set");
        assertEquals(Optional.empty(), latency.get(1).dimensionIs("TableName", "orders"), "a parameter may be anything");

        List<MetricAlarm.Watch> failed = topology.watches(Optional.empty(), "AWS/S3", "OperationsFailedReplication");
        assertEquals(1, failed.size());
        assertEquals(Optional.of("docs"), failed.get(0).dimension("SourceBucket"));
        assertEquals("Math", failed.get(0).alarm().logicalId());
        assertEquals(1, topology.watches(Optional.empty(), "AWS/S3", "OperationsPendingReplication").size());

        List<MetricAlarm.Watch> rpo = topology.watches(Optional.of("eu-west-1"), "AWS/RDS", "AuroraGlobalDBRPOLag");
        assertEquals(1, rpo.size());
        assertFalse(rpo.get(0).dimensionsKnown(), "a query may cover every cluster");
        assertEquals(Optional.empty(), rpo.get(0).dimensionIs("DBClusterIdentifier", "payments"));
        assertTrue(topology.watches(Optional.of("us-east-1"), "AWS/RDS", "AuroraGlobalDBRPOLag").isEmpty(),
                "alarms are Regional");
    }
}
