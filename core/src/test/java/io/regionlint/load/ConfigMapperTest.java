package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configuration items in the real shapes become the CloudFormation shape of the same resource. */
class ConfigMapperTest {

    @Test
    void aBucketsReplicationMapKeyedByRuleIdBecomesCloudFormationRules() {
        ConfigMapper.Mapped bucket = mapped("delivered-snapshot.json", 0);

        assertEquals("AWS::S3::Bucket", bucket.type());
        assertEquals("acme-media-us-east-1", bucket.physicalId());
        assertEquals("acme-media-us-east-1", at(bucket.properties(), "BucketName"));
        assertEquals("Enabled", at(bucket.properties(), "VersioningConfiguration", "Status"));
        assertEquals("arn:aws:iam::111122223333:role/media-replication",
                at(bucket.properties(), "ReplicationConfiguration", "Role"));
        MapNode rule = (MapNode) ((ListNode) node(bucket.properties(), "ReplicationConfiguration", "Rules")).items().get(0);
        assertEquals("media-to-eu", at(rule, "Id"));
        assertEquals("Enabled", at(rule, "Status"));
        assertEquals("arn:aws:s3:::acme-media-eu-west-1", at(rule, "Destination", "Bucket"));
        assertEquals("111122223333", at(rule, "Destination", "Account"), "'Account' with a capital A is read too");
        assertEquals(26, node(rule, "Destination", "Bucket").range().line(), "the snapshot's line of bucketARN");
        assertEquals("AssetsBucket", tag(bucket.properties(), "aws:cloudformation:logical-id"));
    }

    @Test
    void versioningNeverEnabledIsNoVersioningConfiguration() {
        ConfigMapper.Mapped suspended = mapped("select-results.json", 0);
        assertEquals("Suspended", at(suspended.properties(), "VersioningConfiguration", "Status"));

        ConfigItem off = item("delivered-snapshot.json", 0);
        String text = "{\"configurationItems\":[{\"awsAccountId\":\"111122223333\",\"awsRegion\":\"us-east-1\","
                + "\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"b\",\"configuration\":{\"name\":\"b\"},"
                + "\"supplementaryConfiguration\":{\"BucketVersioningConfiguration\":{\"status\":\"Off\"}}}]}";
        List<ConfigItem> items = new ArrayList<>();
        new ConfigSnapshotReader().read(text, "off.json", items::add);
        MapNode props = ConfigMapper.map(items.get(0)).orElseThrow().properties();
        assertTrue(props.get("VersioningConfiguration").isEmpty(), props.entries()::toString);
        assertTrue(off.describesLiveResource());
    }

    @Test
    void aRoleWithUrlEncodedPolicyDocuments() {
        ConfigMapper.Mapped role = mapped("delivered-snapshot.json", 1);

        assertEquals("AWS::IAM::Role", role.type());
        assertEquals("media-replication", role.physicalId());
        assertEquals("s3.amazonaws.com", at(role.properties(), "AssumeRolePolicyDocument", "Statement", "0",
                "Principal", "Service"));
        MapNode policy = (MapNode) ((ListNode) node(role.properties(), "Policies")).items().get(0);
        assertEquals("replicate", at(policy, "PolicyName"));
        assertEquals("arn:aws:s3:::acme-media-eu-west-1/*", at(policy, "PolicyDocument", "Statement", "0", "Resource"),
                "%2A and %2F decoded; %20 spaces decoded");
        assertEquals("s3:ReplicateDelete", at(policy, "PolicyDocument", "Statement", "0", "Action", "1"));
    }

    @Test
    void aTableWithReplicasIsAGlobalTableInItsRegionAndAReplicaKeyIsAReplicaKey() {
        ConfigMapper.Mapped table = mapped("select-results.json", 1);
        assertEquals("AWS::DynamoDB::GlobalTable", table.type());
        assertEquals("us-east-1", at(table.properties(), "Replicas", "0", "Region"));
        assertEquals("eu-west-1", at(table.properties(), "Replicas", "1", "Region"));

        ConfigMapper.Mapped key = mapped("batch-get.json", 0);
        assertEquals("AWS::KMS::ReplicaKey", key.type());
        assertEquals("mrk-1234abcd12ab34cd56ef1234567890ab", key.physicalId());
        assertEquals("arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
                at(key.properties(), "PrimaryKeyArn"));
    }

    @Test
    void anAlarmInAwsConfigsFieldNamesBecomesACloudFormationAlarm() {
        ConfigMapper.Mapped alarm = mapped("select-alarm.json", 0);
        assertEquals("AWS::CloudWatch::Alarm", alarm.type());
        assertEquals("acme-orders-replication-latency-us-east-1", alarm.physicalId());
        MapNode p = alarm.properties();
        assertEquals("AWS/DynamoDB", at(p, "Namespace"));
        assertEquals("ReplicationLatency", at(p, "MetricName"));
        assertEquals("TableName", at(p, "Dimensions", "0", "Name"));
        assertEquals("us-east-1", at(p, "Dimensions", "1", "Value"));
        assertEquals(60000.0, ((Number) at(p, "Threshold")).doubleValue());
        assertEquals("GreaterThanThreshold", at(p, "ComparisonOperator"));
        assertEquals("arn:aws:sns:eu-west-1:111122223333:acme-ops-alerts", at(p, "AlarmActions", "0"));
    }

    @Test
    void globalAcceleratorItemsKeepCloudFormationsNamesAndTheirArnsAsText() {
        String accelerator = "arn:aws:globalaccelerator::111122223333:accelerator/1f2e3d4c-5b6a-4789-8abc-0123456789ab";
        String listenerArn = accelerator + "/listener/0a1b2c3d";

        ConfigMapper.Mapped acc = mapped("global-accelerator-and-mrap.json", 0);
        assertEquals("AWS::GlobalAccelerator::Accelerator", acc.type());
        assertEquals(accelerator, acc.physicalId(), "Ref gives an accelerator's ARN");
        assertEquals("acme-edge", at(acc.properties(), "Name"));
        assertEquals(true, at(acc.properties(), "Enabled"));

        ConfigMapper.Mapped listener = mapped("global-accelerator-and-mrap.json", 1);
        assertEquals("AWS::GlobalAccelerator::Listener", listener.type());
        assertEquals(listenerArn, listener.physicalId());
        assertEquals(accelerator, at(listener.properties(), "AcceleratorArn"));
        assertEquals(443L, ((Number) at(listener.properties(), "PortRanges", "0", "FromPort")).longValue());

        ConfigMapper.Mapped group = mapped("global-accelerator-and-mrap.json", 2);
        MapNode p = group.properties();
        assertEquals("AWS::GlobalAccelerator::EndpointGroup", group.type());
        assertEquals(listenerArn + "/endpoint-group/6d5c4b3a", group.physicalId());
        assertEquals(listenerArn, at(p, "ListenerArn"));
        assertEquals("us-east-1", at(p, "EndpointGroupRegion"));
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/acme-web/50dc6c495c0c9188",
                at(p, "EndpointConfigurations", "0", "EndpointId"));
        assertEquals(128L, ((Number) at(p, "EndpointConfigurations", "0", "Weight")).longValue());
        assertEquals(100.0, ((Number) at(p, "TrafficDialPercentage")).doubleValue());
        assertEquals(3L, ((Number) at(p, "ThresholdCount")).longValue());
        assertEquals(75, node(p, "EndpointConfigurations", "0", "EndpointId").range().line(),
                "the snapshot's line of EndpointId");
        assertTrue(p.get("PortOverrides").isEmpty(), "an empty PortOverrides list is no override");
    }

    @Test
    void aMultiRegionAccessPointsRegionsBecomeCloudFormationsListOfBuckets() {
        ConfigMapper.Mapped mrap = mapped("global-accelerator-and-mrap.json", 3);
        assertEquals("AWS::S3::MultiRegionAccessPoint", mrap.type());
        assertEquals("acme-assets", mrap.physicalId(), "Ref gives the access point's name");
        MapNode p = mrap.properties();
        assertEquals("acme-assets", at(p, "Name"));
        assertEquals("acme-assets-us-east-1", at(p, "Regions", "0", "Bucket"));
        assertEquals("acme-assets-us-west-2", at(p, "Regions", "1", "Bucket"));
        assertEquals(true, at(p, "PublicAccessBlockConfiguration", "RestrictPublicBuckets"));
        assertTrue(p.get("Alias").isEmpty(), "Alias is not a CloudFormation property");

        // the schema's "Regions.Bucket" does not say Regions is a list: a single object is read as one entry
        ConfigMapper.Mapped single = mapped("global-accelerator-and-mrap.json", 4);
        assertEquals("acme-logs-us-east-1", at(single.properties(), "Regions", "0", "Bucket"));
        assertEquals(1, ((ListNode) node(single.properties(), "Regions")).items().size());
    }

    @Test
    void arcControlItemsKeepTheirPanelAndControlsAsArnText() {
        String panel = "arn:aws:route53-recovery-control::111122223333:controlpanel/abd5fbfc052d4844a082dbf400f61da8";

        ConfigMapper.Mapped p = mapped("arc-routing-control.json", 0);
        assertEquals("AWS::Route53RecoveryControl::ControlPanel", p.type());
        assertEquals(panel, p.physicalId());
        assertEquals("acme-failover", at(p.properties(), "Name"));

        ConfigMapper.Mapped control = mapped("arc-routing-control.json", 1);
        assertEquals("AWS::Route53RecoveryControl::RoutingControl", control.type());
        assertEquals(panel + "/routingcontrol/3d2c1b0a9f8e7d6c", control.physicalId());
        assertEquals(panel, at(control.properties(), "ControlPanelArn"));

        ConfigMapper.Mapped rule = mapped("arc-routing-control.json", 2);
        MapNode r = rule.properties();
        assertEquals("AWS::Route53RecoveryControl::SafetyRule", rule.type());
        assertEquals(panel + "/routingcontrol/4e3d2c1b0a9f8e7d", at(r, "AssertionRule", "AssertedControls", "1"));
        assertEquals("ATLEAST", at(r, "RuleConfig", "Type"));
        assertEquals(1L, ((Number) at(r, "RuleConfig", "Threshold")).longValue());
        assertEquals(false, at(r, "RuleConfig", "Inverted"));
        assertTrue(r.get("GatingRule").isEmpty(), "an assertion rule has no GatingRule");
    }

    @Test
    void anAutoScalingGroupKeepsItsSizesAndTheLinesTheyWereRecordedOn() {
        ConfigMapper.Mapped group = mapped("compute-items.json", 0);
        assertEquals("AWS::AutoScaling::AutoScalingGroup", group.type());
        assertEquals("app-us-east-1-WebFleet-1RX2K7Q9ZP4VC", group.physicalId());
        MapNode p = group.properties();
        assertEquals("app-us-east-1-WebFleet-1RX2K7Q9ZP4VC", at(p, "AutoScalingGroupName"));
        assertEquals(4L, ((Number) at(p, "MinSize")).longValue());
        assertEquals(12L, ((Number) at(p, "MaxSize")).longValue());
        assertEquals(6L, ((Number) at(p, "DesiredCapacity")).longValue());
        assertEquals(27, node(p, "DesiredCapacity").range().line(), "the snapshot's line of desiredCapacity");
        assertEquals("lt-0a1b2c3d4e5f67890", at(p, "LaunchTemplate", "LaunchTemplateId"));
        assertEquals("$Latest", at(p, "LaunchTemplate", "Version"));
        assertEquals("ELB", at(p, "HealthCheckType"));
        assertTrue(p.get("DesiredCapacityType").isEmpty(), "a null field is left out");
        assertEquals("app-us-east-1", tag(p, "aws:cloudformation:stack-name"));
        assertEquals("WebFleet", tag(p, "aws:cloudformation:logical-id"));
    }

    @Test
    void anEcsServiceIsNamedByItsArnAndKeepsItsDesiredCount() {
        ConfigMapper.Mapped service = mapped("compute-items.json", 1);
        assertEquals("AWS::ECS::Service", service.type());
        assertEquals("arn:aws:ecs:us-east-1:111122223333:service/app/orders-api", service.physicalId());
        MapNode p = service.properties();
        assertEquals("orders-api", at(p, "ServiceName"));
        assertEquals("arn:aws:ecs:us-east-1:111122223333:cluster/app", at(p, "Cluster"));
        assertEquals(3L, ((Number) at(p, "DesiredCount")).longValue());
        assertEquals(99, node(p, "DesiredCount").range().line());
        assertEquals("FARGATE", at(p, "LaunchType"));
        assertEquals("REPLICA", at(p, "SchedulingStrategy"));
        assertEquals("arn:aws:ecs:us-east-1:111122223333:task-definition/orders-api:7", at(p, "TaskDefinition"));
        assertEquals("orders", tag(p, "team"));
    }

    @Test
    void aTaskDefinitionKeepsTheSecretsItsContainersAreGiven() {
        ConfigMapper.Mapped task = mapped("compute-items.json", 2);
        assertEquals("AWS::ECS::TaskDefinition", task.type());
        assertEquals("arn:aws:ecs:us-east-1:111122223333:task-definition/orders-api:7", task.physicalId());
        MapNode p = task.properties();
        assertEquals("orders-api", at(p, "Family"));
        MapNode container = (MapNode) node(p, "ContainerDefinitions", "0");
        assertEquals("api", at(container, "Name"));
        assertEquals("DB_PASSWORD", at(container, "Secrets", "0", "Name"));
        assertEquals("arn:aws:secretsmanager:us-east-1:111122223333:secret:orders/db-AbCdEf",
                at(container, "Secrets", "0", "ValueFrom"));
        assertEquals(196, node(container, "Secrets", "0", "ValueFrom").range().line());
        assertEquals("arn:aws:secretsmanager:us-east-1:111122223333:secret:logs/apikey-GhIjKl",
                at(container, "LogConfiguration", "SecretOptions", "0", "ValueFrom"));
        assertEquals("orders", at(container, "Environment", "0", "Value"));
        assertTrue(container.get("PortMappings").isEmpty(), "what no rule reads is not mapped");
    }

    @Test
    void deletedItemsAndUnknownTypesAreNotModelled() {
        assertEquals(Optional.empty(), ConfigMapper.map(item("delivered-snapshot.json", 2)));
    }

    @Test
    void percentDecodingLeavesPlusSigns() {
        assertEquals("{\"a\": \"x+y/*\"}", ConfigMapper.percentDecode("%7B%22a%22%3A%20%22x+y%2F%2A%22%7D"));
        assertEquals("caf\u00e9", ConfigMapper.percentDecode("caf%C3%A9"));
        assertEquals("100%", ConfigMapper.percentDecode("100%"));
    }

    @Test
    void aStackItemGivesThePhysicalIdOfEachLogicalIdEvenAsASelectResultsEncodedString() {
        // select-resource-config gives each item as a JSON string, and supplementary values as strings again
        String summaries = "[{\"logicalResourceId\":\"AccessLogs\",\"physicalResourceId\":"
                + "\"logs-us-east-1-accesslogs-1x2y3z4w5v6u\",\"resourceType\":\"AWS::S3::Bucket\","
                + "\"resourceStatus\":\"CREATE_COMPLETE\"},{\"logicalResourceId\":\"Pending\","
                + "\"physicalResourceId\":\"\",\"resourceStatus\":\"CREATE_IN_PROGRESS\"}]";
        String item = "{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\","
                + "\"resourceType\":\"AWS::CloudFormation::Stack\",\"resourceId\":"
                + "\"arn:aws:cloudformation:us-east-1:111122223333:stack/logs-us-east-1/0a1b2c3d\","
                + "\"resourceName\":\"logs-us-east-1\",\"configuration\":{\"stackName\":\"logs-us-east-1\","
                + "\"stackStatus\":\"CREATE_COMPLETE\"},\"supplementaryConfiguration\":{\"StackResourceSummaries\":"
                + quoted(summaries) + "}}";
        String text = "{\"Results\":[" + quoted(item) + "]}";
        List<ConfigItem> items = new ArrayList<>();
        assertEquals(List.of(), new ConfigSnapshotReader().read(text, "select.json", items::add).errors());
        ConfigMapper.StackResources stack = ConfigMapper.stackResources(items.get(0)).orElseThrow();
        assertEquals("logs-us-east-1", stack.stackName());
        assertEquals(java.util.Map.of("AccessLogs", "logs-us-east-1-accesslogs-1x2y3z4w5v6u"), stack.physicalIds(),
                "a resource still being created has no physical id yet");
        assertTrue(ConfigMapper.map(items.get(0)).isEmpty(), "a stack is not a resource of the model");
        assertTrue(ConfigMapper.stackResources(item("delivered-snapshot.json", 0)).isEmpty());
    }

    /** A JSON string literal holding the text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ConfigMapper.Mapped mapped(String file, int index) {
        return ConfigMapper.map(item(file, index)).orElseThrow();
    }

    private static ConfigItem item(String file, int index) {
        List<ConfigItem> items = new ArrayList<>();
        try {
            new ConfigSnapshotReader().read(Path.of(ConfigMapperTest.class.getResource("/config/" + file).toURI()), file,
                    items::add);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return items.get(index);
    }

    private static Node node(Node root, String... path) {
        Node current = root;
        for (String step : path) {
            current = current instanceof ListNode l ? l.items().get(Integer.parseInt(step))
                    : ((MapNode) current).get(step).orElseThrow(() -> new AssertionError("no " + step));
        }
        return current;
    }

    private static Object at(Node root, String... path) {
        return ((ScalarNode) node(root, path)).value();
    }

    private static String tag(MapNode properties, String key) {
        for (Node t : ((ListNode) properties.get("Tags").orElseThrow()).items()) {
            if (key.equals(at(t, "Key"))) {
                return (String) at(t, "Value");
            }
        }
        return null;
    }
}
