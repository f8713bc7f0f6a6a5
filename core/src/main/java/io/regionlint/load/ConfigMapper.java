package io.regionlint.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a configuration item onto the CloudFormation shape of the same resource, so that one
 * rule serves templates and deployed state alike and drift compares like with like (DESIGN.md,
 * "Properties keep CloudFormation names and shapes whatever the source"). Every mapped value
 * keeps the range of the item's node it came from, so findings on deployed state name the
 * snapshot's file and line. Field names follow ../shared/reference/aws-config-and-drift.md §1.2;
 * keys are matched case-insensitively, since Config mixes SDK-v1 camelCase and registry
 * PascalCase. What an item does not record is left out (never written as "absent": a rule that
 * needs it says it was not evaluated).
 */
public final class ConfigMapper {

    /**
     * A resource as a template would declare it.
     *
     * @param type the CloudFormation type ({@code AWS::KMS::ReplicaKey} for a replica key)
     * @param physicalId what {@code Ref} gives in a template (bucket name, table name, key id, ...)
     * @param properties the {@code Properties} map in CloudFormation's shape
     */
    public record Mapped(String type, String physicalId, MapNode properties, ConfigItem item) {
    }

    private ConfigMapper() {
    }

    /** The types this mapper knows; items of other types are not modelled. */
    public static final List<String> TYPES = List.of("AWS::S3::Bucket", "AWS::DynamoDB::Table",
            "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::RDS::GlobalCluster", "AWS::KMS::Key",
            "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::SecretsManager::Secret", "AWS::CloudWatch::Alarm",
            "AWS::Route53::HealthCheck", "AWS::GlobalAccelerator::Accelerator", "AWS::GlobalAccelerator::Listener",
            "AWS::GlobalAccelerator::EndpointGroup", "AWS::S3::MultiRegionAccessPoint",
            "AWS::Route53RecoveryControl::ControlPanel", "AWS::Route53RecoveryControl::RoutingControl",
            "AWS::Route53RecoveryControl::SafetyRule", "AWS::AutoScaling::AutoScalingGroup",
            "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::Route53RecoveryReadiness::Cell",
            "AWS::Route53RecoveryReadiness::ReadinessCheck", "AWS::Route53RecoveryReadiness::RecoveryGroup",
            "AWS::Route53RecoveryReadiness::ResourceSet");

    /** The item in CloudFormation's shape; empty for types not modelled and AWS-managed keys. */
    public static Optional<Mapped> map(ConfigItem item) {
        if (!item.describesLiveResource()) {
            return Optional.empty();
        }
        Shape s = new Shape(item);
        return switch (item.resourceType()) {
            case "AWS::S3::Bucket" -> Optional.of(s.bucket());
            case "AWS::DynamoDB::Table" -> Optional.of(s.table());
            case "AWS::RDS::DBCluster" -> Optional.of(s.cluster());
            case "AWS::RDS::DBInstance" -> Optional.of(s.instance());
            case "AWS::RDS::GlobalCluster" -> Optional.of(s.globalCluster());
            case "AWS::KMS::Key" -> s.key();
            case "AWS::IAM::Role" -> Optional.of(s.role());
            case "AWS::IAM::Policy" -> Optional.of(s.policy());
            case "AWS::SecretsManager::Secret" -> Optional.of(s.secret());
            case "AWS::CloudWatch::Alarm" -> Optional.of(s.alarm());
            case "AWS::Route53::HealthCheck" -> Optional.of(s.healthCheck());
            case "AWS::GlobalAccelerator::Accelerator" -> Optional.of(s.accelerator());
            case "AWS::GlobalAccelerator::Listener" -> Optional.of(s.listener());
            case "AWS::GlobalAccelerator::EndpointGroup" -> Optional.of(s.endpointGroup());
            case "AWS::S3::MultiRegionAccessPoint" -> Optional.of(s.multiRegionAccessPoint());
            case "AWS::Route53RecoveryControl::ControlPanel" -> Optional.of(s.controlPanel());
            case "AWS::Route53RecoveryControl::RoutingControl" -> Optional.of(s.routingControl());
            case "AWS::Route53RecoveryControl::SafetyRule" -> Optional.of(s.safetyRule());
            case "AWS::AutoScaling::AutoScalingGroup" -> Optional.of(s.autoScalingGroup());
            case "AWS::ECS::Service" -> Optional.of(s.ecsService());
            case "AWS::ECS::TaskDefinition" -> Optional.of(s.taskDefinition());
            case "AWS::Route53RecoveryReadiness::Cell", "AWS::Route53RecoveryReadiness::ReadinessCheck",
                    "AWS::Route53RecoveryReadiness::RecoveryGroup", "AWS::Route53RecoveryReadiness::ResourceSet"
                    -> Optional.of(s.readiness());
            default -> Optional.empty();
        };
    }

    /**
     * What an {@code AWS::CloudFormation::Stack} item says about the stack's resources: the
     * physical id CloudFormation gave each logical id. A stack is not a modelled resource, but its
     * resource list is how a declared resource whose name CloudFormation generates is found among
     * the items (the first join of ../shared/reference/aws-config-and-drift.md §3.2, without a
     * single CloudFormation call).
     *
     * @param stackName {@code configuration.stackName}
     * @param physicalIds physical id by logical id
     */
    public record StackResources(String stackName, Map<String, String> physicalIds) {
        public StackResources {
            physicalIds = Map.copyOf(physicalIds);
        }
    }

    /**
     * The resource list of a stack item: {@code configuration.stackName} and
     * {@code supplementaryConfiguration.StackResourceSummaries[]{logicalResourceId,
     * physicalResourceId}} (AWS Config's resource schema, {@code awslabs/aws-config-resource-schema},
     * {@code AWS::CloudFormation::Stack.properties.json}), names read in any case. Empty for other
     * types, for a stack that is deleted or not recorded, and for an item without a stack name;
     * summaries without a physical id (a resource still being created) are left out.
     */
    public static Optional<StackResources> stackResources(ConfigItem item) {
        if (!item.resourceType().equals("AWS::CloudFormation::Stack") || !item.describesLiveResource()) {
            return Optional.empty();
        }
        Optional<String> name = text(item.configuration(), "stackName").or(item::resourceName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        item.supplementary().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("StackResourceSummaries"))
                .findFirst().ifPresent(e -> {
                    List<Node> summaries = e.getValue() instanceof ListNode l ? l.items() : List.of();
                    for (Node summary : summaries) {
                        text(summary, "logicalResourceId").ifPresent(logical -> text(summary, "physicalResourceId")
                                .filter(p -> !p.isEmpty()).ifPresent(physical -> ids.put(logical, physical)));
                    }
                });
        return Optional.of(new StackResources(name.get(), ids));
    }

    /**
     * Decodes {@code %XX} escapes only (IAM's URL-encoded policy documents); a {@code +} stays a
     * plus, unlike {@link java.net.URLDecoder}, since policies hold literal pluses.
     */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out[n++] = (byte) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (n + bytes.length > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + bytes.length);
                }
                System.arraycopy(bytes, 0, out, n, bytes.length);
                n += bytes.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Builds CloudFormation-shaped nodes for one item, each with the range of its source node. */
    private static final class Shape {

        private final ConfigItem item;

        Shape(ConfigItem item) {
            this.item = item;
        }

        /** The resource's name as its configuration records it, else the item's name, else its id. */
        private String recordedName(MapNode configuration, String field) {
            return text(configuration, field).or(item::resourceName).orElse(item.resourceId());
        }

        Mapped bucket() {
            Props p = new Props(item.configuration());
            String name = text(item.configuration(), "name").orElse(item.resourceId());
            p.put("BucketName", scalar(name, field(item.configuration(), "name")));
            supplementary("BucketVersioningConfiguration").flatMap(v -> field(v, "status")).ifPresent(status -> {
                String value = ((ScalarNode) status).text();
                // Config writes "Off" for a bucket whose versioning was never enabled: no VersioningConfiguration
                if (value.equalsIgnoreCase("Enabled") || value.equalsIgnoreCase("Suspended")) {
                    p.put("VersioningConfiguration", map(status, "Status", scalar(capitalised(value), status)));
                }
            });
            supplementary("ServerSideEncryptionConfiguration").ifPresent(sse -> p.put("BucketEncryption",
                    map(sse, "ServerSideEncryptionConfiguration", list(sse, items(sse, "rules").stream()
                            .map(this::encryptionRule).toList()))));
            supplementary("BucketReplicationConfiguration").ifPresent(r -> p.put("ReplicationConfiguration",
                    replication(r)));
            tags(p);
            return new Mapped("AWS::S3::Bucket", name, p.node(), item);
        }

        private Node encryptionRule(Node rule) {
            Props p = new Props(rule);
            field(rule, "applyServerSideEncryptionByDefault").ifPresent(d -> {
                Props byDefault = new Props(d);
                byDefault.copy(d, "sseAlgorithm", "SSEAlgorithm");
                byDefault.copy(d, "kmsMasterKeyID", "KMSMasterKeyID");
                p.put("ServerSideEncryptionByDefault", byDefault.node());
            });
            p.copy(rule, "bucketKeyEnabled", "BucketKeyEnabled");
            return p.node();
        }

        /** {@code {roleARN, rules: {<id>: {...}}}}: a map keyed by rule id becomes a list ordered by priority, then id. */
        private Node replication(Node config) {
            Props p = new Props(config);
            p.copy(config, "roleARN", "Role");
            List<Map.Entry<String, Node>> rules = new ArrayList<>();
            field(config, "rules").ifPresent(r -> {
                if (r instanceof MapNode byId) {
                    rules.addAll(byId.entries().entrySet());
                } else if (r instanceof ListNode list) {
                    list.items().forEach(i -> rules.add(Map.entry(text(i, "id").orElse(""), i)));
                }
            });
            rules.sort(Comparator.comparingLong((Map.Entry<String, Node> e) -> number(e.getValue(), "priority")
                    .orElse(Long.MAX_VALUE)).thenComparing(Map.Entry::getKey));
            List<Node> out = new ArrayList<>();
            for (Map.Entry<String, Node> e : rules) {
                out.add(replicationRule(e.getKey(), e.getValue()));
            }
            p.put("Rules", list(config, out));
            return p.node();
        }

        private Node replicationRule(String id, Node rule) {
            Props p = new Props(rule);
            if (!id.isEmpty()) {
                p.put("Id", scalar(id, rule));
            }
            p.copy(rule, "status", "Status", ConfigMapper::capitalised);
            p.copy(rule, "priority", "Priority");
            p.copy(rule, "prefix", "Prefix");
            field(rule, "filter").flatMap(f -> field(f, "predicate").or(() -> Optional.of(f)))
                    .ifPresent(predicate -> p.put("Filter", filter(predicate)));
            field(rule, "deleteMarkerReplication").ifPresent(d -> p.put("DeleteMarkerReplication", status(d)));
            field(rule, "sourceSelectionCriteria").ifPresent(c -> {
                Props criteria = new Props(c);
                field(c, "sseKmsEncryptedObjects").ifPresent(s -> criteria.put("SseKmsEncryptedObjects", status(s)));
                field(c, "replicaModifications").ifPresent(s -> criteria.put("ReplicaModifications", status(s)));
                p.put("SourceSelectionCriteria", criteria.node());
            });
            field(rule, "existingObjectReplication").ifPresent(e -> p.put("ExistingObjectReplication", status(e)));
            field(rule, "destinationConfig").or(() -> field(rule, "destination")).ifPresent(d -> {
                Props dest = new Props(d);
                dest.copy(d, "bucketARN", "Bucket");
                dest.copy(d, "storageClass", "StorageClass");
                dest.copy(d, "account", "Account");
                field(d, "encryptionConfiguration").ifPresent(enc -> {
                    Props e = new Props(enc);
                    e.copy(enc, "replicaKmsKeyID", "ReplicaKmsKeyID");
                    dest.put("EncryptionConfiguration", e.node());
                });
                field(d, "replicationTime").ifPresent(t -> {
                    Props rt = new Props(t);
                    rt.copy(t, "status", "Status", ConfigMapper::capitalised);
                    field(t, "time").ifPresent(time -> rt.put("Time", minutes(time)));
                    dest.put("ReplicationTime", rt.node());
                });
                field(d, "metrics").ifPresent(m -> {
                    Props metrics = new Props(m);
                    metrics.copy(m, "status", "Status", ConfigMapper::capitalised);
                    field(m, "eventThreshold").ifPresent(t -> metrics.put("EventThreshold", minutes(t)));
                    dest.put("Metrics", metrics.node());
                });
                field(d, "accessControlTranslation").ifPresent(a -> {
                    Props acl = new Props(a);
                    acl.copy(a, "owner", "Owner");
                    dest.put("AccessControlTranslation", acl.node());
                });
                p.put("Destination", dest.node());
            });
            return p.node();
        }

        /** A type-tagged predicate ({@code ReplicationPrefixPredicate}, ...) as CloudFormation's Filter. */
        private Node filter(Node predicate) {
            Props p = new Props(predicate);
            String type = text(predicate, "type").orElse("");
            if (type.endsWith("AndOperator") || field(predicate, "operands").isPresent()) {
                Props and = new Props(predicate);
                List<Node> tags = new ArrayList<>();
                for (Node operand : items(predicate, "operands")) {
                    field(operand, "prefix").ifPresent(prefix -> and.put("Prefix", prefix));
                    field(operand, "tag").ifPresent(tag -> tags.add(tagFilter(tag)));
                }
                if (!tags.isEmpty()) {
                    and.put("TagFilters", list(predicate, tags));
                }
                p.put("And", and.node());
            } else {
                field(predicate, "prefix").ifPresent(prefix -> p.put("Prefix", prefix));
                field(predicate, "tag").ifPresent(tag -> p.put("TagFilter", tagFilter(tag)));
            }
            return p.node();
        }

        private Node tagFilter(Node tag) {
            Props p = new Props(tag);
            p.copy(tag, "key", "Key");
            p.copy(tag, "value", "Value");
            return p.node();
        }

        private Node status(Node holder) {
            Props p = new Props(holder);
            p.copy(holder, "status", "Status", ConfigMapper::capitalised);
            return p.node();
        }

        private Node minutes(Node holder) {
            Props p = new Props(holder);
            p.copy(holder, "minutes", "Minutes");
            return p.node();
        }

        /**
         * A table whose item lists replicas is one Regional copy of a global table: it becomes
         * an {@code AWS::DynamoDB::GlobalTable} in this Region (each Region's recorder gives its
         * own); without replicas, an {@code AWS::DynamoDB::Table}.
         */
        Mapped table() {
            MapNode c = item.configuration();
            String name = text(c, "tableName").orElse(item.resourceId());
            Props p = new Props(c);
            p.put("TableName", scalar(name, field(c, "tableName")));
            field(c, "billingModeSummary").flatMap(b -> field(b, "billingMode"))
                    .ifPresent(b -> p.put("BillingMode", b));
            field(c, "streamSpecification").filter(s -> truthy(s, "streamEnabled")).ifPresent(s -> {
                Props stream = new Props(s);
                stream.copy(s, "streamViewType", "StreamViewType");
                p.put("StreamSpecification", stream.node());
            });
            Optional<Node> pitr = supplementary("ContinuousBackupsDescription")
                    .flatMap(d -> field(d, "pointInTimeRecoveryDescription"))
                    .flatMap(d -> field(d, "pointInTimeRecoveryStatus"));
            List<Node> replicas = items(c, "replicas");
            if (replicas.isEmpty()) {
                field(c, "provisionedThroughput").filter(t -> number(t, "readCapacityUnits").orElse(0L) > 0)
                        .ifPresent(t -> {
                            Props throughput = new Props(t);
                            throughput.copy(t, "readCapacityUnits", "ReadCapacityUnits");
                            throughput.copy(t, "writeCapacityUnits", "WriteCapacityUnits");
                            p.put("ProvisionedThroughput", throughput.node());
                        });
                pitr.ifPresent(status -> p.put("PointInTimeRecoverySpecification",
                        map(status, "PointInTimeRecoveryEnabled", scalar(isEnabled(status), status))));
                field(c, "ssedescription").flatMap(d -> field(d, "kmsmasterKeyArn")).ifPresent(k -> p.put(
                        "SSESpecification", map(k, "SSEEnabled", scalar(true, k), "KMSMasterKeyId", k)));
                tags(p);
                return new Mapped("AWS::DynamoDB::Table", name, p.node(), item);
            }
            List<Node> out = new ArrayList<>();
            for (Node replica : replicas) {
                Props r = new Props(replica);
                r.copy(replica, "regionName", "Region");
                field(replica, "kmsmasterKeyId").ifPresent(k -> r.put("SSESpecification",
                        map(k, "KMSMasterKeyId", k)));
                field(replica, "provisionedThroughputOverride").flatMap(o -> field(o, "readCapacityUnits"))
                        .ifPresent(rcu -> r.put("ReadProvisionedThroughputSettings",
                                map(rcu, "ReadCapacityUnits", rcu)));
                field(replica, "replicaTableClassSummary").flatMap(t -> field(t, "tableClass"))
                        .ifPresent(t -> r.put("TableClass", t));
                boolean own = text(replica, "regionName").map(item.region()::equals).orElse(false);
                if (own) {
                    // point-in-time recovery is never synchronised: only this Region's own item tells
                    pitr.ifPresent(status -> r.put("PointInTimeRecoverySpecification",
                            map(status, "PointInTimeRecoveryEnabled", scalar(isEnabled(status), status))));
                }
                out.add(r.node());
            }
            p.put("Replicas", list(field(c, "replicas").orElse(c), out));
            field(c, "ssedescription").flatMap(d -> field(d, "ssetype")).ifPresent(t -> p.put("SSESpecification",
                    map(t, "SSEEnabled", scalar(true, t), "SSEType", t)));
            return new Mapped("AWS::DynamoDB::GlobalTable", name, p.node(), item);
        }

        Mapped cluster() {
            MapNode c = item.configuration();
            String id = recordedName(c, "dbclusterIdentifier");
            Props p = new Props(c);
            p.put("DBClusterIdentifier", scalar(id, field(c, "dbclusterIdentifier")));
            p.copy(c, "engine", "Engine");
            p.copy(c, "engineVersion", "EngineVersion");
            p.copy(c, "engineMode", "EngineMode");
            p.copy(c, "kmsKeyId", "KmsKeyId");
            p.copy(c, "storageEncrypted", "StorageEncrypted");
            p.copy(c, "deletionProtection", "DeletionProtection");
            p.copy(c, "dbclusterParameterGroup", "DBClusterParameterGroupName");
            p.copy(c, "globalClusterIdentifier", "GlobalClusterIdentifier");
            p.copy(c, "replicationSourceIdentifier", "ReplicationSourceIdentifier");
            field(c, "globalWriteForwardingRequested").or(() -> field(c, "globalWriteForwardingStatus")
                    .map(s -> scalar(((ScalarNode) s).text().equalsIgnoreCase("enabled"), s)))
                    .ifPresent(f -> p.put("EnableGlobalWriteForwarding", f));
            tags(p);
            return new Mapped("AWS::RDS::DBCluster", id, p.node(), item);
        }

        Mapped instance() {
            MapNode c = item.configuration();
            String id = recordedName(c, "dbinstanceIdentifier");
            Props p = new Props(c);
            p.put("DBInstanceIdentifier", scalar(id, field(c, "dbinstanceIdentifier")));
            p.copy(c, "dbclusterIdentifier", "DBClusterIdentifier");
            p.copy(c, "dbinstanceClass", "DBInstanceClass");
            p.copy(c, "engine", "Engine");
            p.copy(c, "engineVersion", "EngineVersion");
            tags(p);
            return new Mapped("AWS::RDS::DBInstance", id, p.node(), item);
        }

        Mapped globalCluster() {
            MapNode c = item.configuration();
            String id = recordedName(c, "GlobalClusterIdentifier");
            Props p = new Props(c);
            p.put("GlobalClusterIdentifier", scalar(id, field(c, "GlobalClusterIdentifier")));
            p.copySame(c, "Engine", "EngineVersion", "StorageEncrypted", "DeletionProtection");
            // not a CloudFormation property: the members as DescribeGlobalClusters lists them
            // ({DBClusterArn, IsWriter}), where an item holds them; model.ObservedStacks turns
            // them into each member's GlobalClusterIdentifier
            p.copySame(c, "GlobalClusterMembers");
            return new Mapped("AWS::RDS::GlobalCluster", id, p.node(), item);
        }

        /** A replica key is an {@code AWS::KMS::Key} item of type REPLICA; AWS-managed keys are not declared anywhere. */
        Optional<Mapped> key() {
            MapNode c = item.configuration();
            if (text(c, "keyManager").map("AWS"::equalsIgnoreCase).orElse(false)) {
                return Optional.empty();
            }
            String id = text(c, "keyId").orElse(item.resourceId());
            Props p = new Props(c);
            Optional<Node> multi = field(c, "multiRegionConfiguration");
            boolean replica = multi.flatMap(m -> text(m, "multiRegionKeyType")).map("REPLICA"::equalsIgnoreCase)
                    .orElse(false);
            Optional<Node> policy = supplementary("Policy");
            if (replica) {
                multi.flatMap(m -> field(m, "primaryKey")).flatMap(k -> field(k, "arn"))
                        .ifPresent(arn -> p.put("PrimaryKeyArn", arn));
                p.copy(c, "enabled", "Enabled");
                policy.filter(n -> n instanceof MapNode).ifPresent(n -> p.put("KeyPolicy", n));
                tags(p);
                return Optional.of(new Mapped("AWS::KMS::ReplicaKey", id, p.node(), item));
            }
            p.copy(c, "multiRegion", "MultiRegion");
            p.copy(c, "enabled", "Enabled");
            supplementary("KeyRotationStatus").ifPresent(r -> p.put("EnableKeyRotation",
                    scalar(Boolean.parseBoolean(((ScalarNode) r).text()), r)));
            policy.filter(n -> n instanceof MapNode).ifPresent(n -> p.put("KeyPolicy", n));
            tags(p);
            return Optional.of(new Mapped("AWS::KMS::Key", id, p.node(), item));
        }

        Mapped role() {
            MapNode c = item.configuration();
            String name = recordedName(c, "roleName");
            Props p = new Props(c);
            p.put("RoleName", scalar(name, field(c, "roleName")));
            p.copy(c, "path", "Path");
            field(c, "assumeRolePolicyDocument").map(this::policyDocument)
                    .ifPresent(d -> p.put("AssumeRolePolicyDocument", d));
            List<Node> policies = new ArrayList<>();
            for (Node inline : items(c, "rolePolicyList")) {
                Props policy = new Props(inline);
                policy.copy(inline, "policyName", "PolicyName");
                field(inline, "policyDocument").map(this::policyDocument)
                        .ifPresent(d -> policy.put("PolicyDocument", d));
                policies.add(policy.node());
            }
            if (!policies.isEmpty()) {
                p.put("Policies", list(field(c, "rolePolicyList").orElse(c), policies));
            }
            List<Node> managed = new ArrayList<>();
            for (Node attached : items(c, "attachedManagedPolicies")) {
                field(attached, "policyArn").ifPresent(managed::add);
            }
            if (!managed.isEmpty()) {
                p.put("ManagedPolicyArns", list(field(c, "attachedManagedPolicies").orElse(c), managed));
            }
            return new Mapped("AWS::IAM::Role", name, p.node(), item);
        }

        Mapped policy() {
            MapNode c = item.configuration();
            String name = recordedName(c, "policyName");
            Props p = new Props(c);
            p.put("ManagedPolicyName", scalar(name, field(c, "policyName")));
            for (Node version : items(c, "policyVersionList")) {
                if (truthy(version, "isDefaultVersion")) {
                    field(version, "document").map(this::policyDocument).ifPresent(d -> p.put("PolicyDocument", d));
                }
            }
            return new Mapped("AWS::IAM::ManagedPolicy", name, p.node(), item);
        }

        Mapped secret() {
            MapNode c = item.configuration();
            String name = recordedName(c, "Name");
            Props p = new Props(c);
            p.put("Name", scalar(name, field(c, "Name")));
            p.copy(c, "KMSKeyId", "KmsKeyId");
            p.copySame(c, "Description");
            // not CloudFormation properties: where an item has them, they tell a replica from its primary
            p.copySame(c, "PrimaryRegion");
            tags(p);
            return new Mapped("AWS::SecretsManager::Secret", item.arn().orElse(name), p.node(), item);
        }

        /**
         * A metric alarm. Field names from AWS Config's resource schema for the type
         * ({@code awslabs/aws-config-resource-schema}, {@code AWS::CloudWatch::Alarm.properties.json}:
         * {@code configuration.alarmName}, {@code namespace}, {@code metricName},
         * {@code dimensions[].name/value}, {@code statistic}, {@code period}, ...), read in any case.
         * The schema lists no metric-math {@code metrics}: an alarm on a metric expression keeps
         * only what is recorded.
         */
        Mapped alarm() {
            MapNode c = item.configuration();
            String name = recordedName(c, "alarmName");
            Props p = new Props(c);
            p.put("AlarmName", scalar(name, field(c, "alarmName")));
            p.copyAll(c, "alarmDescription", "AlarmDescription", "namespace", "Namespace", "metricName", "MetricName",
                    "statistic", "Statistic", "extendedStatistic", "ExtendedStatistic", "period", "Period",
                    "evaluationPeriods", "EvaluationPeriods", "datapointsToAlarm", "DatapointsToAlarm",
                    "threshold", "Threshold", "comparisonOperator", "ComparisonOperator",
                    "treatMissingData", "TreatMissingData", "unit", "Unit", "actionsEnabled", "ActionsEnabled",
                    "alarmActions", "AlarmActions", "okactions", "OKActions",
                    "insufficientDataActions", "InsufficientDataActions");
            copyList(p, c, "Dimensions", false, "Name", "Value"); // dimensions[].name/value, read in any case
            return new Mapped("AWS::CloudWatch::Alarm", name, p.node(), item);
        }

        /**
         * A Route 53 health check. Config records {@code configuration.HealthCheckConfig} with
         * CloudFormation's own field names (its resource schema for the type), so the config is
         * copied as it is, except {@code Regions}, which the API writes as {@code {Region: [...]}}
         * and CloudFormation as a list: either becomes the list.
         */
        Mapped healthCheck() {
            MapNode c = item.configuration();
            String id = recordedName(c, "HealthCheckId");
            Props p = new Props(c);
            field(c, "HealthCheckConfig").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(config -> {
                Props hc = new Props(config);
                config.entries().forEach((key, value) -> {
                    if (key.equalsIgnoreCase("Regions") && value instanceof MapNode wrapped) {
                        field(wrapped, "Region").ifPresent(regions -> hc.put("Regions", regions));
                    } else if (!(value instanceof ScalarNode s && s.value() == null)) {
                        hc.put(key, value);
                    }
                });
                p.put("HealthCheckConfig", hc.node());
            });
            return new Mapped("AWS::Route53::HealthCheck", id, p.node(), item);
        }

        /**
         * A policy document: an object already, or a string that is URL-encoded JSON (IAM's
         * items) or plain JSON; parsed nodes keep the string's range.
         */
        private Node policyDocument(Node value) {
            if (!(value instanceof ScalarNode s) || !(s.value() instanceof String text)) {
                return value;
            }
            String json = percentDecode(text).trim();
            if (!json.startsWith("{")) {
                return value;
            }
            Optional<Node> parsed = Json.parse(json, s.range(), s.path());
            return parsed.orElse(value);
        }

        private void tags(Props p) {
            if (item.tags().isEmpty()) {
                return;
            }
            List<Node> tags = new ArrayList<>();
            item.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tags.add(map(null,
                    "Key", scalar(e.getKey(), (Node) null), "Value", scalar(e.getValue(), (Node) null))));
            p.put("Tags", list(null, tags));
        }

        private Optional<Node> supplementary(String key) {
            for (Map.Entry<String, Node> e : item.supplementary().entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }

        // -- node building: every node takes the range and pointer of the item node it came from

        private SourceRange rangeOf(Node from) {
            return from == null ? item.range() : from.range();
        }

        private JsonPointer pathOf(Node from) {
            return from == null ? JsonPointer.ROOT : from.path();
        }

        private ScalarNode scalar(Object value, Node from) {
            return new ScalarNode(value, rangeOf(from), pathOf(from));
        }

        private ScalarNode scalar(Object value, Optional<Node> from) {
            return scalar(value, from.orElse(null));
        }

        private MapNode map(Node from, Object... keysAndValues) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, SourceRange> keys = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                Node value = (Node) keysAndValues[i + 1];
                entries.put((String) keysAndValues[i], value);
                keys.put((String) keysAndValues[i], value.range());
            }
            return new MapNode(entries, keys, rangeOf(from), pathOf(from));
        }

        private ListNode list(Node from, List<Node> items) {
            return new ListNode(items, rangeOf(from), pathOf(from));
        }

        /** A CloudFormation-shaped map under construction, ranged like its source node. */
        private final class Props {
            private final Node from;
            private final Map<String, Node> entries = new LinkedHashMap<>();
            private final Map<String, SourceRange> keys = new LinkedHashMap<>();

            Props(Node from) {
                this.from = from;
            }

            void put(String key, Node value) {
                entries.put(key, value);
                keys.put(key, value.range());
            }

            /** Copies a field (any case) under its CloudFormation name, when present and not null. */
            void copy(Node source, String configName, String cfnName) {
                field(source, configName).ifPresent(v -> put(cfnName, v));
            }

            /** Copies fields whose configuration name is CloudFormation's, under that name. */
            void copySame(Node source, String... names) {
                for (String name : names) {
                    copy(source, name, name);
                }
            }

            /** Copies fields given as pairs: the configuration's name, then CloudFormation's. */
            void copyAll(Node source, String... configAndCfnNames) {
                for (int i = 0; i < configAndCfnNames.length; i += 2) {
                    copy(source, configAndCfnNames[i], configAndCfnNames[i + 1]);
                }
            }

            void copy(Node source, String configName, String cfnName, java.util.function.UnaryOperator<String> text) {
                field(source, configName).ifPresent(v -> put(cfnName, v instanceof ScalarNode s
                        && s.value() instanceof String str ? new ScalarNode(text.apply(str), s.range(), s.path()) : v));
            }

            MapNode node() {
                return new MapNode(entries, keys, rangeOf(from), pathOf(from));
            }
        }

        // -- Global Accelerator and S3 Multi-Region Access Points. AWS Config's resource schema
        // for these types (awslabs/aws-config-resource-schema, config/properties/resource-types/)
        // uses CloudFormation's own property names, so fields are copied under the same names,
        // read in any case. Global Accelerator is a global service whose items Config records in
        // us-west-2; Ref gives each resource's ARN, which is its physical id here.

        /**
         * A Global Accelerator accelerator ({@code AWS::GlobalAccelerator::Accelerator.properties.json}:
         * {@code configuration.AcceleratorArn}, {@code Name}, {@code Enabled}, {@code IpAddressType},
         * {@code IpAddresses}).
         */
        Mapped accelerator() {
            return asRecorded("AcceleratorArn", true, "Name", "Enabled", "IpAddressType", "IpAddresses");
        }

        /**
         * A listener ({@code AWS::GlobalAccelerator::Listener.properties.json}:
         * {@code configuration.ListenerArn}, {@code AcceleratorArn}, {@code Protocol},
         * {@code ClientAffinity}, {@code PortRanges[].FromPort/ToPort}). {@code AcceleratorArn} is the
         * accelerator's ARN as text, where a template has a reference: model.RoutingLinker joins by it.
         */
        Mapped listener() {
            MapNode c = item.configuration();
            Props p = new Props(c);
            p.copySame(c, "AcceleratorArn", "Protocol", "ClientAffinity");
            copyList(p, c, "PortRanges", false, "FromPort", "ToPort");
            return new Mapped("AWS::GlobalAccelerator::Listener", arnOf(c, "ListenerArn"), p.node(), item);
        }

        /**
         * An endpoint group ({@code AWS::GlobalAccelerator::EndpointGroup.properties.json}:
         * {@code configuration.EndpointGroupArn}, {@code ListenerArn}, {@code EndpointGroupRegion},
         * {@code EndpointConfigurations[].EndpointId/Weight/ClientIPPreservationEnabled},
         * {@code TrafficDialPercentage}, the {@code HealthCheck*} settings, {@code ThresholdCount},
         * {@code PortOverrides[].EndpointPort/ListenerPort}). The health check settings are what the
         * service reports, defaults included: an item cannot tell a setting from a default.
         */
        Mapped endpointGroup() {
            MapNode c = item.configuration();
            Props p = new Props(c);
            p.copySame(c, "ListenerArn", "EndpointGroupRegion", "TrafficDialPercentage", "HealthCheckProtocol",
                    "HealthCheckPort", "HealthCheckPath", "HealthCheckIntervalSeconds", "ThresholdCount");
            copyList(p, c, "EndpointConfigurations", true, "EndpointId", "Weight", "ClientIPPreservationEnabled");
            copyList(p, c, "PortOverrides", false, "ListenerPort", "EndpointPort");
            return new Mapped("AWS::GlobalAccelerator::EndpointGroup", arnOf(c, "EndpointGroupArn"), p.node(), item);
        }

        /**
         * The list at {@code key} of {@code from} (found in any case), each entry with the given
         * fields (found in any case) copied under those names; an empty list is kept only where it
         * says something ({@code keepEmpty}: an endpoint group with no endpoints), else left out
         * like an absent one (no port overrides, no dimensions, no secrets).
         */
        private void copyList(Props p, Node from, String key, boolean keepEmpty, String... fields) {
            field(from, key).filter(holder -> keepEmpty || !items(from, key).isEmpty()).ifPresent(holder -> {
                List<Node> entries = new ArrayList<>();
                for (Node e : items(from, key)) {
                    Props entry = new Props(e);
                    entry.copySame(e, fields);
                    entries.add(entry.node());
                }
                p.put(key, list(holder, entries));
            });
        }

        /** The resource's ARN from a field of its configuration, else the item's, else its id. */
        /** A member mapping copied with the given fields under the same names, where the item has it. */
        private void copyObject(Props p, Node from, String key, String... fields) {
            field(from, key).ifPresent(member -> {
                Props copy = new Props(member);
                copy.copySame(member, fields);
                p.put(key, copy.node());
            });
        }

        private String arnOf(MapNode c, String field) {
            return text(c, field).or(item::arn).orElse(item.resourceId());
        }

        /**
         * An S3 Multi-Region Access Point ({@code AWS::S3::MultiRegionAccessPoint.properties.json}:
         * {@code configuration.Name}, {@code Alias}, {@code Regions.Bucket},
         * {@code PublicAccessBlockConfiguration.*}). The schema names {@code Regions.Bucket} without
         * saying whether {@code Regions} is a list: a list of objects (CloudFormation's shape) and a
         * single object are both read; {@code BucketAccountId} is kept where an item has it.
         */
        Mapped multiRegionAccessPoint() {
            MapNode c = item.configuration();
            String name = recordedName(c, "Name");
            Props p = new Props(c);
            p.put("Name", scalar(name, field(c, "Name")));
            field(c, "Regions").ifPresent(regions -> {
                List<Node> entries = regions instanceof ListNode l ? l.items() : List.of(regions);
                List<Node> out = new ArrayList<>();
                for (Node entry : entries) {
                    Props region = new Props(entry);
                    region.copySame(entry, "Bucket", "BucketAccountId");
                    out.add(region.node());
                }
                p.put("Regions", list(regions, out));
            });
            copyObject(p, c, "PublicAccessBlockConfiguration", "BlockPublicAcls", "BlockPublicPolicy",
                    "IgnorePublicAcls", "RestrictPublicBuckets");
            return new Mapped("AWS::S3::MultiRegionAccessPoint", name, p.node(), item);
        }

        // -- ARC routing control (Route53RecoveryControl). AWS Config's resource schemas for these
        // types use CloudFormation's property names too; a ControlPanelArn or a safety rule's
        // controls are ARN text, which model.RoutingLinker joins by the recorded ARNs.

        /**
         * An ARC control panel ({@code AWS::Route53RecoveryControl::ControlPanel.properties.json}:
         * {@code configuration.ControlPanelArn}, {@code ClusterArn}, {@code Name},
         * {@code DefaultControlPanel}, {@code Status}, {@code RoutingControlCount}).
         */
        Mapped controlPanel() {
            return asRecorded("ControlPanelArn", true, "ClusterArn", "Name");
        }

        /**
         * A routing control ({@code AWS::Route53RecoveryControl::RoutingControl.properties.json}:
         * {@code configuration.RoutingControlArn}, {@code ControlPanelArn}, {@code ClusterArn},
         * {@code Name}, {@code Status}). Config records the panel even for a control in its
         * cluster's default panel.
         */
        Mapped routingControl() {
            return asRecorded("RoutingControlArn", false, "ClusterArn", "ControlPanelArn", "Name");
        }

        /**
         * A safety rule ({@code AWS::Route53RecoveryControl::SafetyRule.properties.json}:
         * {@code configuration.SafetyRuleArn}, {@code ControlPanelArn}, {@code Name},
         * {@code AssertionRule.AssertedControls/WaitPeriodMs},
         * {@code GatingRule.GatingControls/TargetControls/WaitPeriodMs},
         * {@code RuleConfig.Inverted/Threshold/Type}, {@code Status}).
         */
        Mapped safetyRule() {
            MapNode c = item.configuration();
            Props p = new Props(c);
            p.copySame(c, "ControlPanelArn", "Name");
            copyObject(p, c, "AssertionRule", "AssertedControls", "WaitPeriodMs");
            copyObject(p, c, "GatingRule", "GatingControls", "TargetControls", "WaitPeriodMs");
            copyObject(p, c, "RuleConfig", "Type", "Threshold", "Inverted");
            tags(p);
            return new Mapped("AWS::Route53RecoveryControl::SafetyRule", arnOf(c, "SafetyRuleArn"), p.node(), item);
        }

        /**
         * An EC2 Auto Scaling group. Field names from AWS Config's resource schema for the type
         * ({@code awslabs/aws-config-resource-schema},
         * {@code AWS::AutoScaling::AutoScalingGroup.properties.json}: {@code configuration.autoScalingGroupName},
         * {@code minSize}, {@code maxSize}, {@code desiredCapacity}, {@code desiredCapacityType},
         * {@code launchTemplate.launchTemplateId/launchTemplateName/version}, {@code healthCheckType},
         * {@code healthCheckGracePeriod}, {@code targetGroupARNs}, {@code capacityRebalance}), read in
         * any case. The sizes are what the group had when the item was captured: scaling moves
         * {@code desiredCapacity} between {@code minSize} and {@code maxSize}.
         */
        Mapped autoScalingGroup() {
            MapNode c = item.configuration();
            String name = recordedName(c, "autoScalingGroupName");
            Props p = new Props(c);
            p.put("AutoScalingGroupName", scalar(name, field(c, "autoScalingGroupName")));
            p.copyAll(c, "minSize", "MinSize", "maxSize", "MaxSize", "desiredCapacity", "DesiredCapacity",
                    "desiredCapacityType", "DesiredCapacityType", "healthCheckType", "HealthCheckType",
                    "healthCheckGracePeriod", "HealthCheckGracePeriod", "targetGroupARNs", "TargetGroupARNs",
                    "capacityRebalance", "CapacityRebalance");
            field(c, "launchTemplate").ifPresent(t -> {
                Props template = new Props(t);
                template.copy(t, "launchTemplateId", "LaunchTemplateId");
                template.copy(t, "launchTemplateName", "LaunchTemplateName");
                template.copy(t, "version", "Version");
                p.put("LaunchTemplate", template.node());
            });
            tags(p);
            return new Mapped("AWS::AutoScaling::AutoScalingGroup", name, p.node(), item);
        }

        /**
         * An ECS service. AWS Config records it with CloudFormation's own field names (its resource
         * schema, {@code AWS::ECS::Service.properties.json}: {@code configuration.ServiceName} (and
         * {@code Name}), {@code Cluster}, {@code DesiredCount}, {@code LaunchType},
         * {@code TaskDefinition}, {@code SchedulingStrategy}, {@code CapacityProviderStrategy[]},
         * {@code ServiceArn}). Its physical id is its ARN, which is what {@code Ref} gives. No
         * Application Auto Scaling type is in the schema: a service's scalable target is not
         * recorded, but the recorded {@code DesiredCount} already lies within its range.
         */
        Mapped ecsService() {
            MapNode c = item.configuration();
            Optional<Node> nameNode = field(c, "ServiceName").or(() -> field(c, "Name"));
            String name = nameNode.filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).text())
                    .or(item::resourceName).orElse(item.resourceId());
            Props p = new Props(c);
            p.put("ServiceName", scalar(name, nameNode));
            p.copySame(c, "Cluster", "DesiredCount", "LaunchType", "TaskDefinition", "SchedulingStrategy",
                    "CapacityProviderStrategy");
            tags(p);
            String arn = text(c, "ServiceArn").or(item::arn).orElse(name);
            return new Mapped("AWS::ECS::Service", arn, p.node(), item);
        }

        /**
         * An ECS task definition: its family and, of each container, its name, image, environment
         * and the secrets it is given ({@code Secrets[].ValueFrom}, {@code LogConfiguration.SecretOptions[]}),
         * which is where compute reads secrets. AWS Config records them with CloudFormation's own
         * field names (its resource schema, {@code AWS::ECS::TaskDefinition.properties.json}:
         * {@code configuration.Family}, {@code ContainerDefinitions.Name/Image},
         * {@code ContainerDefinitions.Environment.Name/Value}, {@code ContainerDefinitions.Secrets.Name/ValueFrom},
         * {@code ContainerDefinitions.LogConfiguration.SecretOptions.Name/ValueFrom},
         * {@code TaskDefinitionArn}). Its physical id is its ARN, which is what {@code Ref} gives.
         */
        Mapped taskDefinition() {
            MapNode c = item.configuration();
            String arn = arnOf(c, "TaskDefinitionArn");
            Props p = new Props(c);
            p.copySame(c, "Family");
            List<Node> containers = new ArrayList<>();
            for (Node container : items(c, "ContainerDefinitions")) {
                Props def = new Props(container);
                def.copySame(container, "Name", "Image");
                copyList(def, container, "Environment", false, "Name", "Value");
                copyList(def, container, "Secrets", false, "Name", "ValueFrom");
                field(container, "LogConfiguration").ifPresent(log -> {
                    Props logging = new Props(log);
                    logging.copySame(log, "LogDriver");
                    copyList(logging, log, "SecretOptions", false, "Name", "ValueFrom");
                    def.put("LogConfiguration", logging.node());
                });
                containers.add(def.node());
            }
            if (!containers.isEmpty()) {
                p.put("ContainerDefinitions", list(field(c, "ContainerDefinitions").orElse(c), containers));
            }
            tags(p);
            return new Mapped("AWS::ECS::TaskDefinition", arn, p.node(), item);
        }

        /**
         * An ARC readiness resource (cell, readiness check, recovery group, resource set). AWS
         * Config's resource schema for these types ({@code AWS::Route53RecoveryReadiness::*.properties.json})
         * uses CloudFormation's names: {@code configuration.<Kind>Name}, {@code <Kind>Arn}, and
         * {@code ResourceSetName} and {@code Cells} where the kind has them; only those are kept,
         * since RL6009 reads no more than that the resource exists.
         */
        Mapped readiness() {
            String kind = item.resourceType().substring(item.resourceType().lastIndexOf(':') + 1);
            return asRecorded(kind + "Arn", true, kind + "Name", "ResourceSetName", "ResourceSetType", "Cells");
        }

        /**
         * An item of a type whose Config schema uses CloudFormation's own property names: the
         * given fields copied under the same names, the item's type, and the ARN in
         * {@code arnField} as its physical id (what {@code Ref} gives for these types).
         */
        private Mapped asRecorded(String arnField, boolean withTags, String... fields) {
            MapNode c = item.configuration();
            Props p = new Props(c);
            p.copySame(c, fields);
            if (withTags) {
                tags(p);
            }
            return new Mapped(item.resourceType(), arnOf(c, arnField), p.node(), item);
        }
    }

    /** A member of a map whatever its case, and not JSON null. */
    static Optional<Node> field(Node node, String key) {
        if (!(node instanceof MapNode map)) {
            return Optional.empty();
        }
        Node found = map.entries().get(key);
        if (found == null) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    found = e.getValue();
                    break;
                }
            }
        }
        if (found == null || found instanceof ScalarNode s && s.value() == null) {
            return Optional.empty();
        }
        if (found instanceof MapNode m && m.entries().isEmpty() && !key.equalsIgnoreCase("rules")) {
            return Optional.empty(); // select results write {} for null
        }
        return Optional.of(found);
    }

    private static Optional<String> text(Node node, String key) {
        return field(node, key).filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).text());
    }

    private static Optional<Long> number(Node node, String key) {
        return field(node, key).filter(n -> n instanceof ScalarNode s && s.value() instanceof Number)
                .map(n -> ((Number) ((ScalarNode) n).value()).longValue());
    }

    private static boolean truthy(Node node, String key) {
        return field(node, key).map(n -> n instanceof ScalarNode s
                && (Boolean.TRUE.equals(s.value()) || "true".equalsIgnoreCase(s.text()))).orElse(false);
    }

    private static List<Node> items(Node node, String key) {
        return field(node, key).filter(n -> n instanceof ListNode).map(n -> ((ListNode) n).items()).orElse(List.of());
    }

    private static boolean isEnabled(Node status) {
        return status instanceof ScalarNode s && s.text().equalsIgnoreCase("ENABLED");
    }

    private static String capitalised(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Parses a JSON text into nodes that all carry one range (a string's). */
    private static final class Json {
        static Optional<Node> parse(String json, SourceRange at, JsonPointer path) {
            try {
                return JsonReader.read(json, at.file(), Limits.DEFAULT).root().map(n -> reRange(n, at, path));
            } catch (LoadException e) {
                return Optional.empty();
            }
        }

        private static Node reRange(Node node, SourceRange at, JsonPointer path) {
            if (node instanceof MapNode m) {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, SourceRange> keys = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> {
                    entries.put(k, reRange(v, at, path.child(k)));
                    keys.put(k, at);
                });
                return new MapNode(entries, keys, at, path);
            }
            if (node instanceof ListNode l) {
                List<Node> items = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i++) {
                    items.add(reRange(l.items().get(i), at, path.index(i)));
                }
                return new ListNode(items, at, path);
            }
            ScalarNode s = (ScalarNode) node;
            return new ScalarNode(s.value(), at, path);
        }
    }
}
