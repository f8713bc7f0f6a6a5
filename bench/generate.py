#!/usr/bin/env python3
"""Generate deterministic two-Region CloudFormation systems for benchmarking regionlint.

Each template is one stack deployed to us-east-1 and us-west-2 (StackSet style). Resources
come in the shapes real multi-Region templates use: S3 buckets replicating both ways (the
peer Region comes from a Mappings table), their IAM replication roles, DynamoDB global
tables, KMS keys, Aurora global database members, Route 53 failover records with health
checks, Lambda functions, SQS queues and CloudWatch alarms. Short-form intrinsic tags are
used throughout (!Sub, !Ref, !GetAtt, !If, !Equals, !FindInMap).

Output is a function of the options only: the same --seed, --templates and --resources give
byte-identical files.

  generate.py --templates 200 --resources 50 --seed 1 --out /tmp/sys
      writes /tmp/sys/.regionlint.yaml and /tmp/sys/templates/stack-0000.yaml ...
  generate.py --single --resources 1000 --seed 1 --out /tmp/one
      writes /tmp/one/template.yaml only (no project file)

Standard library only.
"""

import argparse
import json
import os
import random
import re
import sys

REGIONS = ("us-east-1", "us-west-2")
PEER = {"us-east-1": "us-west-2", "us-west-2": "us-east-1"}
SHORT = {"us-east-1": "use1", "us-west-2": "usw2"}
ACCOUNT = "111122223333"
DOMAIN = "example.com"


# --------------------------------------------------------------------------- YAML model

class Tag:
    """A short-form intrinsic function: !Name value."""

    __slots__ = ("name", "value")

    def __init__(self, name, value):
        self.name = name
        self.value = value


class Literal:
    """A block literal scalar (|), for inline Lambda code."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


def Ref(name):
    return Tag("Ref", name)


def Sub(text, variables=None):
    return Tag("Sub", text if variables is None else [text, variables])


def GetAtt(resource, attribute):
    return Tag("GetAtt", f"{resource}.{attribute}")


def If(condition, when_true, when_false):
    return Tag("If", [condition, when_true, when_false])


def Equals(a, b):
    return Tag("Equals", [a, b])


def FindInMap(mapping, top, second):
    return Tag("FindInMap", [mapping, top, second])


NO_VALUE = Ref("AWS::NoValue")
REGION = Ref("AWS::Region")
PEER_REGION = FindInMap("RegionMap", REGION, "Peer")


# --------------------------------------------------------------------------- YAML emitter

_PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_./@:*-]*(?: [A-Za-z0-9_./@()-]+)*$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith(":"):
        return text
    return json.dumps(text)


def _key(key):
    return key if re.match(r"^[A-Za-z0-9_-]+$", key) else json.dumps(key)


def _is_flow(node):
    """True when a node fits on one line: scalars, tags over scalars, short scalar lists."""
    if isinstance(node, Literal):
        return False
    if isinstance(node, Tag):
        return _is_flow(node.value)
    if isinstance(node, list):
        return len(node) <= 4 and all(_is_flow(x) and not isinstance(x, list) for x in node)
    return not isinstance(node, dict)


def _flow(node):
    if isinstance(node, Tag):
        return f"!{node.name} {_flow(node.value)}"
    if isinstance(node, list):
        return "[" + ", ".join(_flow(x) for x in node) + "]"
    return scalar(node)


def emit(node, indent, out):
    """Write the body of a block node (a map or list) at the given indentation."""
    pad = " " * indent
    if isinstance(node, dict):
        for key, value in node.items():
            _entry(f"{pad}{_key(key)}:", value, indent, out)
    else:
        for item in node:
            if isinstance(item, dict) and item:
                first = True
                for key, value in item.items():
                    prefix = f"{pad}- {_key(key)}:" if first else f"{pad}  {_key(key)}:"
                    _entry(prefix, value, indent + 2, out)
                    first = False
            else:
                _entry(f"{pad}-", item, indent, out)


def _entry(prefix, value, indent, out):
    if _is_flow(value):
        out.append(f"{prefix} {_flow(value)}")
    elif isinstance(value, Literal):
        out.append(f"{prefix} |")
        for line in value.text.rstrip("\n").split("\n"):
            out.append(" " * (indent + 2) + line if line else "")
    elif isinstance(value, Tag):
        # Tag over a block list, e.g. !Sub [text, {vars}] or !If with map branches.
        out.append(f"{prefix} !{value.name}")
        emit(value.value, indent + 2, out)
    elif isinstance(value, (dict, list)) and not value:
        out.append(f"{prefix} {'{}' if isinstance(value, dict) else '[]'}")
    else:
        out.append(prefix)
        emit(value, indent + 2, out)


def to_yaml(document):
    out = []
    emit(document, 0, out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- template parts

def policy(statements):
    return {"Version": "2012-10-17", "Statement": statements}


def assume(service):
    return policy([{"Effect": "Allow", "Principal": {"Service": service},
                    "Action": "sts:AssumeRole"}])


def tags(name):
    return [{"Key": "Name", "Value": name},
            {"Key": "Environment", "Value": Ref("Environment")},
            {"Key": "CostCenter", "Value": "platform"}]


class TemplateBuilder:
    """Builds one template unit by unit; `n` keeps physical names unique in the system."""

    def __init__(self, rng, index, counter):
        self.rng = rng
        self.index = index
        self.counter = counter
        self.resources = {}
        self.outputs = {}
        self.targets = []     # (kind, logical id, name) that alarms may watch

    def next_n(self):
        self.counter[0] += 1
        return self.counter[0]

    def add(self, logical_id, resource):
        self.resources[logical_id] = resource

    def output(self, logical_id, value, condition=None, export=True):
        if len(self.outputs) >= 20:
            return
        entry = {"Description": f"{logical_id} of this stack"}
        if condition:
            entry["Condition"] = condition
        entry["Value"] = value
        if export:
            entry["Export"] = {"Name": Sub("${AWS::StackName}-" + logical_id)}
        self.outputs[logical_id] = entry

    # ---- units: each returns the number of resources it added

    def replicated_bucket(self, with_kms):
        n = self.next_n()
        bucket, role = f"DataBucket{n}", f"DataBucket{n}ReplicationRole"
        own = "arn:aws:s3:::data-${AWS::Region}-${AWS::AccountId}-%d" % n
        peer = "arn:aws:s3:::data-${Peer}-${AWS::AccountId}-%d" % n
        peer_vars = {"Peer": PEER_REGION}
        statements = [
            {"Sid": "ReadSourceConfiguration", "Effect": "Allow",
             "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
             "Resource": Sub(own)},
            {"Sid": "ReadSourceObjects", "Effect": "Allow",
             "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl",
                        "s3:GetObjectVersionTagging"],
             "Resource": Sub(own + "/*")},
            {"Sid": "WriteReplicas", "Effect": "Allow",
             "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
             "Resource": Sub(peer + "/*", peer_vars)},
        ]
        count = 2
        key = None
        if with_kms:
            key = f"DataBucket{n}Key"
            self.add(key, self.kms_key_resource(n, f"Objects of data bucket {n}"))
            # The peer Region's stack creates the same alias: replicas are encrypted there.
            self.add(f"{key}Alias", {
                "Type": "AWS::KMS::Alias",
                "Properties": {"AliasName": "alias/data-%d" % n, "TargetKeyId": Ref(key)}})
            count += 2
            statements.append({"Sid": "DecryptSource", "Effect": "Allow", "Action": "kms:Decrypt",
                               "Resource": GetAtt(key, "Arn")})
            statements.append({
                "Sid": "EncryptReplicas", "Effect": "Allow", "Action": "kms:Encrypt",
                "Resource": Sub("arn:aws:kms:${Peer}:${AWS::AccountId}:key/*", peer_vars),
                "Condition": {"StringLike": {
                    "kms:ViaService": Sub("s3.${Peer}.amazonaws.com", peer_vars)}}})
        self.add(role, {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "RoleName": Sub("data-%d-replication-${AWS::Region}" % n),
                "AssumeRolePolicyDocument": assume("s3.amazonaws.com"),
                "Path": "/service-role/",
                "Policies": [{"PolicyName": "s3-replication",
                              "PolicyDocument": policy(statements)}],
            }})
        rng = self.rng
        delete_markers = "Disabled" if rng.random() < 0.08 else "Enabled"
        destination = {"Bucket": Sub(peer, peer_vars), "StorageClass": "STANDARD"}
        if rng.random() < 0.7:
            destination["ReplicationTime"] = {"Status": "Enabled", "Time": {"Minutes": 15}}
            destination["Metrics"] = {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}
        rule = {"Id": "to-peer-region", "Status": "Enabled", "Priority": 1,
                "Filter": {"Prefix": ""},
                "DeleteMarkerReplication": {"Status": delete_markers},
                "Destination": destination}
        criteria = {}
        if rng.random() < 0.9:
            criteria["ReplicaModifications"] = {"Status": "Enabled"}
        if with_kms:
            criteria["SseKmsEncryptedObjects"] = {"Status": "Enabled"}
            destination["EncryptionConfiguration"] = {"ReplicaKmsKeyID": Sub(
                "arn:aws:kms:${Peer}:${AWS::AccountId}:alias/data-%d" % n, peer_vars)}
        if criteria:
            rule["SourceSelectionCriteria"] = criteria
        encryption = ({"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": GetAtt(key, "Arn")}
                      if with_kms else {"SSEAlgorithm": "AES256"})
        self.add(bucket, {
            "Type": "AWS::S3::Bucket",
            "DeletionPolicy": "Retain",
            "UpdateReplacePolicy": "Retain",
            "Properties": {
                "BucketName": Sub("data-${AWS::Region}-${AWS::AccountId}-%d" % n),
                "VersioningConfiguration": {"Status": "Enabled"},
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": encryption,
                     "BucketKeyEnabled": bool(with_kms)}]},
                "PublicAccessBlockConfiguration": {
                    "BlockPublicAcls": True, "BlockPublicPolicy": True,
                    "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
                "ReplicationConfiguration": {"Role": GetAtt(role, "Arn"), "Rules": [rule]},
                "Tags": tags(Sub("data-%d-${AWS::Region}" % n)),
            }})
        self.output(f"{bucket}Arn", GetAtt(bucket, "Arn"))
        self.targets.append(("bucket", bucket, n))
        return count

    def kms_key_resource(self, n, description):
        return {
            "Type": "AWS::KMS::Key",
            "Properties": {
                "Description": Sub(description + " (${AWS::Region})"),
                "EnableKeyRotation": True,
                "MultiRegion": self.rng.random() < 0.5,
                "PendingWindowInDays": 30,
                "KeyPolicy": policy([
                    {"Sid": "EnableAccountAdministration", "Effect": "Allow",
                     "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
                     "Action": "kms:*", "Resource": "*"},
                    {"Sid": "AllowS3Use", "Effect": "Allow",
                     "Principal": {"Service": "s3.amazonaws.com"},
                     "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
                     "Condition": {"StringEquals": {"aws:SourceAccount": Ref("AWS::AccountId")}}},
                ]),
            }}

    def kms_key(self, with_alias):
        n = self.next_n()
        key = f"AppKey{n}"
        self.add(key, self.kms_key_resource(n, f"Application key {n}"))
        self.output(f"{key}Arn", GetAtt(key, "Arn"))
        if not with_alias:
            return 1
        self.add(f"{key}Alias", {
            "Type": "AWS::KMS::Alias",
            "Properties": {"AliasName": Sub("alias/app-${Environment}-%d" % n),
                           "TargetKeyId": Ref(key)}})
        return 2

    def global_table(self):
        n = self.next_n()
        table = f"OrdersTable{n}"

        insights = self.rng.random() < 0.5
        asymmetric = self.rng.random() < 0.05   # an occasional real-world drift

        def replica(region, first=True):
            return {
                "Region": region,
                "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                "DeletionProtectionEnabled": If("IsProduction", True, False),
                "TableClass": "STANDARD",
                "ContributorInsightsSpecification": {
                    "Enabled": insights if first or not asymmetric else not insights},
                "Tags": [{"Key": "Name", "Value": Sub("orders-${Environment}-%d" % n)}],
            }

        self.add(table, {
            "Type": "AWS::DynamoDB::GlobalTable",
            "Condition": "IsPrimaryRegion",
            "DeletionPolicy": "Retain",
            "UpdateReplacePolicy": "Retain",
            "Properties": {
                "TableName": Sub("orders-${Environment}-%d" % n),
                "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                         {"AttributeName": "sk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                              {"AttributeName": "sk", "KeyType": "RANGE"}],
                "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
                "TimeToLiveSpecification": {"AttributeName": "expiresAt", "Enabled": True},
                "Replicas": [replica(Ref("PrimaryRegion")),
                             replica(FindInMap("RegionMap", Ref("PrimaryRegion"), "Peer"),
                                     first=False)],
            }})
        self.output(f"{table}StreamArn", GetAtt(table, "StreamArn"), condition="IsPrimaryRegion")
        self.targets.append(("table", table, n))
        return 1

    def aurora(self, with_global):
        n = self.next_n()
        cluster, instance = f"AppDbCluster{n}", f"AppDbCluster{n}Writer"
        global_id = "app-global-%d" % n
        count = 2
        if with_global:
            self.add(f"AppGlobalCluster{n}", {
                "Type": "AWS::RDS::GlobalCluster",
                "Condition": "IsPrimaryRegion",
                "Properties": {"GlobalClusterIdentifier": global_id,
                               "Engine": "aurora-postgresql", "EngineVersion": "15.4",
                               "StorageEncrypted": True, "DeletionProtection": True}})
            count += 1
        self.add(cluster, {
            "Type": "AWS::RDS::DBCluster",
            "DeletionPolicy": "Snapshot",
            "UpdateReplacePolicy": "Snapshot",
            "Properties": {
                "DBClusterIdentifier": Sub("app-%d-${AWS::Region}" % n),
                "GlobalClusterIdentifier": global_id,
                "Engine": "aurora-postgresql",
                "EngineVersion": "15.4",
                "MasterUsername": If("IsPrimaryRegion", "appadmin", NO_VALUE),
                "ManageMasterUserPassword": If("IsPrimaryRegion", True, NO_VALUE),
                "StorageEncrypted": True,
                "KmsKeyId": FindInMap("RegionMap", REGION, "RdsKmsAlias"),
                "BackupRetentionPeriod": FindInMap("EnvironmentConfig", Ref("Environment"),
                                                   "BackupDays"),
                "DeletionProtection": True,
                "DBSubnetGroupName": Ref("DbSubnetGroupName"),
                "VpcSecurityGroupIds": [Ref("DbSecurityGroupId")],
                "EnableCloudwatchLogsExports": ["postgresql"],
                "Tags": tags(Sub("app-%d-${AWS::Region}" % n)),
            }})
        self.add(instance, {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {
                "DBClusterIdentifier": Ref(cluster),
                "DBInstanceClass": FindInMap("EnvironmentConfig", Ref("Environment"),
                                             "DbInstanceClass"),
                "Engine": "aurora-postgresql",
                "PubliclyAccessible": False,
                "PromotionTier": 0,
            }})
        self.output(f"{cluster}Endpoint", GetAtt(cluster, "Endpoint.Address"))
        self.targets.append(("cluster", cluster, n))
        return count

    def failover_record(self, with_health_check):
        n = self.next_n()
        record = f"ApiRecord{n}"
        regional = "api-%d.${AWS::Region}.${DomainName}" % n
        properties = {
            "HostedZoneName": Sub("${DomainName}."),
            "Name": Sub("api-%d.${DomainName}." % n),
            "Type": "CNAME",
            "TTL": "300" if self.rng.random() < 0.1 else "60",
            "SetIdentifier": Sub("api-%d-${AWS::Region}" % n),
            "Failover": If("IsPrimaryRegion", "PRIMARY", "SECONDARY"),
            "ResourceRecords": [Sub(regional)],
        }
        count = 1
        if with_health_check:
            check = f"ApiHealthCheck{n}"
            self.add(check, {
                "Type": "AWS::Route53::HealthCheck",
                "Properties": {
                    "HealthCheckConfig": {
                        "Type": "HTTPS", "FullyQualifiedDomainName": Sub(regional),
                        "ResourcePath": "/health", "Port": 443,
                        "RequestInterval": 30, "FailureThreshold": 3,
                        "Regions": ["us-east-1", "us-west-2", "eu-west-1"]},
                    "HealthCheckTags": [{"Key": "Name",
                                         "Value": Sub("api-%d-${AWS::Region}" % n)}],
                }})
            properties["HealthCheckId"] = Ref(check)
            count += 1
        self.add(record, {"Type": "AWS::Route53::RecordSet", "Properties": properties})
        return count

    def function(self):
        n = self.next_n()
        function, role = f"WorkerFunction{n}", f"WorkerFunction{n}Role"
        variables = {
            "REGION_ROLE": If("IsPrimaryRegion", "primary", "secondary"),
            "PEER_REGION": PEER_REGION,
            "LOG_LEVEL": If("IsProduction", "INFO", "DEBUG"),
        }
        statements = []
        for kind, logical_id, _ in reversed(self.targets):
            if kind == "queue":
                variables["QUEUE_URL"] = Ref(logical_id)
                statements.append({"Effect": "Allow",
                                   "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage",
                                              "sqs:GetQueueAttributes"],
                                   "Resource": GetAtt(logical_id, "Arn")})
                break
        for kind, logical_id, _ in reversed(self.targets):
            if kind == "bucket":
                variables["DATA_BUCKET"] = Ref(logical_id)
                statements.append({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                                   "Resource": Sub("${%s.Arn}/*" % logical_id)})
                break
        role_properties = {
            "AssumeRolePolicyDocument": assume("lambda.amazonaws.com"),
            "ManagedPolicyArns": [Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                                      "AWSLambdaBasicExecutionRole")],
        }
        if statements:
            role_properties["Policies"] = [{"PolicyName": "worker-data-access",
                                            "PolicyDocument": policy(statements)}]
        self.add(role, {"Type": "AWS::IAM::Role", "Properties": role_properties})
        self.add(function, {
            "Type": "AWS::Lambda::Function",
            "Properties": {
                "FunctionName": Sub("worker-%d-${AWS::Region}" % n),
                "Description": Sub("Worker %d in ${AWS::Region}" % n),
                "Runtime": "python3.12",
                "Handler": "index.handler",
                "Architectures": ["arm64"],
                "Role": GetAtt(role, "Arn"),
                "MemorySize": FindInMap("EnvironmentConfig", Ref("Environment"), "LambdaMemory"),
                "Timeout": 30,
                "ReservedConcurrentExecutions": If("IsProduction", 50, NO_VALUE),
                "Environment": {"Variables": variables},
                "Code": {"ZipFile": Literal(
                    "import os\n"
                    "\n"
                    "\n"
                    "def handler(event, context):\n"
                    "    # Region-local work; the peer Region runs the same code.\n"
                    "    return {\"region\": os.environ[\"AWS_REGION\"],\n"
                    "            \"role\": os.environ[\"REGION_ROLE\"],\n"
                    "            \"records\": len(event.get(\"Records\", []))}\n")},
                "Tags": tags(Sub("worker-%d-${AWS::Region}" % n)),
            }})
        self.targets.append(("function", function, n))
        return 2

    def queue(self, with_dead_letter):
        n = self.next_n()
        queue = f"JobsQueue{n}"
        properties = {
            "QueueName": Sub("jobs-%d-${AWS::Region}" % n),
            "VisibilityTimeout": 180,
            "MessageRetentionPeriod": 345600,
            "SqsManagedSseEnabled": True,
        }
        count = 1
        if with_dead_letter:
            dlq = f"JobsQueue{n}DeadLetter"
            self.add(dlq, {"Type": "AWS::SQS::Queue", "Properties": {
                "QueueName": Sub("jobs-%d-dlq-${AWS::Region}" % n),
                "MessageRetentionPeriod": 1209600,
                "SqsManagedSseEnabled": True}})
            properties["RedrivePolicy"] = {"deadLetterTargetArn": GetAtt(dlq, "Arn"),
                                           "maxReceiveCount": 5}
            count += 1
        self.add(queue, {"Type": "AWS::SQS::Queue", "Properties": properties})
        self.output(f"{queue}Url", Ref(queue))
        self.targets.append(("queue", queue, n))
        return count

    def alarm(self):
        kind, target, tn = self.targets[self.rng.randrange(len(self.targets))]
        n = self.next_n()
        properties = {"AlarmName": Sub("%s-%d-${AWS::Region}" % (kind, n)),
                      "AlarmDescription": Sub("%s %s in ${AWS::Region}" % (kind, target))}
        condition = None
        if kind == "bucket":
            properties.update({
                "Namespace": "AWS/S3", "MetricName": "ReplicationLatency",
                "Dimensions": [
                    {"Name": "SourceBucket", "Value": Ref(target)},
                    {"Name": "DestinationBucket",
                     "Value": Sub("data-${Peer}-${AWS::AccountId}-%d" % tn, {"Peer": PEER_REGION})},
                    {"Name": "RuleId", "Value": "to-peer-region"}],
                "Statistic": "Maximum", "Threshold": 900,
                "ComparisonOperator": "GreaterThanThreshold"})
        elif kind == "table":
            condition = "IsPrimaryRegion"
            properties.update({
                "Namespace": "AWS/DynamoDB", "MetricName": "ReplicationLatency",
                "Dimensions": [{"Name": "TableName", "Value": Ref(target)},
                               {"Name": "ReceivingRegion", "Value": PEER_REGION}],
                "Statistic": "Average", "Threshold": 60000,
                "ComparisonOperator": "GreaterThanThreshold"})
        elif kind == "cluster":
            properties.update({
                "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBRPOLag",
                "Dimensions": [{"Name": "DBClusterIdentifier", "Value": Ref(target)}],
                "Statistic": "Maximum", "Threshold": 30000,
                "ComparisonOperator": "GreaterThanThreshold"})
        elif kind == "function":
            properties.update({
                "Namespace": "AWS/Lambda", "MetricName": "Errors",
                "Dimensions": [{"Name": "FunctionName", "Value": Ref(target)}],
                "Statistic": "Sum", "Threshold": 5,
                "ComparisonOperator": "GreaterThanOrEqualToThreshold"})
        else:
            condition = "IsProduction" if self.rng.random() < 0.3 else None
            properties.update({
                "Namespace": "AWS/SQS", "MetricName": "ApproximateAgeOfOldestMessage",
                "Dimensions": [{"Name": "QueueName", "Value": GetAtt(target, "QueueName")}],
                "Statistic": "Maximum",
                "Threshold": FindInMap("EnvironmentConfig", Ref("Environment"),
                                       "QueueAgeThreshold"),
                "ComparisonOperator": "GreaterThanThreshold"})
        properties.update({"Period": 60, "EvaluationPeriods": 5, "DatapointsToAlarm": 3,
                           "TreatMissingData": "notBreaching"})
        resource = {"Type": "AWS::CloudWatch::Alarm"}
        if condition:
            resource["Condition"] = condition
        resource["Properties"] = properties
        self.add(f"{target}Alarm{n}", resource)
        return 1


# Unit kinds: (name, size in resources, weight, call). Every size-1 kind needs no earlier
# resource except the alarm, which is only offered once something exists to watch.
UNITS = [
    ("bucket", 2, 14, lambda b: b.replicated_bucket(False)),
    ("bucket-kms", 4, 6, lambda b: b.replicated_bucket(True)),
    ("global-table", 1, 8, lambda b: b.global_table()),
    ("kms-key-alias", 2, 4, lambda b: b.kms_key(True)),
    ("kms-key", 1, 2, lambda b: b.kms_key(False)),
    ("aurora-global", 3, 3, lambda b: b.aurora(True)),
    ("aurora-member", 2, 2, lambda b: b.aurora(False)),
    ("failover", 2, 6, lambda b: b.failover_record(True)),
    ("failover-bare", 1, 1, lambda b: b.failover_record(False)),
    ("function", 2, 8, lambda b: b.function()),
    ("queue-dlq", 2, 7, lambda b: b.queue(True)),
    ("queue", 1, 3, lambda b: b.queue(False)),
    ("alarm", 1, 10, lambda b: b.alarm()),
]


def template(rng, index, resources, counter):
    builder = TemplateBuilder(rng, index, counter)
    remaining = resources
    # Every stack has at least one two-way replicated bucket: the cross-Region link that a
    # multi-Region linter exists to check.
    if remaining >= 2:
        remaining -= builder.replicated_bucket(False)
    while remaining > 0:
        choices = [u for u in UNITS
                   if u[1] <= remaining and (u[0] != "alarm" or builder.targets)]
        total = sum(u[2] for u in choices)
        pick = rng.uniform(0, total)
        for unit in choices:
            pick -= unit[2]
            if pick <= 0:
                break
        remaining -= unit[3](builder)
    assert remaining == 0 and len(builder.resources) == resources, (remaining, resources)

    document = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"regionlint benchmark stack {index}: two-Region data and service tier "
                       f"({resources} resources)",
        "Parameters": {
            "Environment": {"Type": "String", "Default": "prod",
                            "AllowedValues": ["dev", "staging", "prod"],
                            "Description": "Deployment environment"},
            "DomainName": {"Type": "String", "Default": DOMAIN,
                           "Description": "Hosted zone that fronts the service"},
            "PrimaryRegion": {"Type": "String", "Default": "us-east-1",
                              "AllowedValues": list(REGIONS),
                              "Description": "Region that owns global resources"},
            "DbSubnetGroupName": {"Type": "String", "Default": "app-db-subnets"},
            "DbSecurityGroupId": {"Type": "String", "Default": "sg-0123456789abcdef0"},
        },
        "Mappings": {
            "RegionMap": {region: {"Peer": PEER[region], "ShortName": SHORT[region],
                                   "RdsKmsAlias": "alias/aws/rds"}
                          for region in REGIONS},
            "EnvironmentConfig": {
                "dev": {"LambdaMemory": 256, "BackupDays": 1, "DbInstanceClass": "db.t4g.medium",
                        "QueueAgeThreshold": 3600},
                "staging": {"LambdaMemory": 512, "BackupDays": 7,
                            "DbInstanceClass": "db.r6g.large", "QueueAgeThreshold": 900},
                "prod": {"LambdaMemory": 1024, "BackupDays": 35,
                         "DbInstanceClass": "db.r6g.xlarge", "QueueAgeThreshold": 300},
            },
        },
        "Conditions": {
            "IsPrimaryRegion": Equals(REGION, Ref("PrimaryRegion")),
            "IsProduction": Equals(Ref("Environment"), "prod"),
        },
        "Resources": builder.resources,
    }
    if builder.outputs:
        document["Outputs"] = builder.outputs
    return to_yaml(document)


def project_file(names):
    lines = [
        "# Generated by bench/generate.py: a two-Region system, every stack in both Regions.",
        "version: 1",
        "topology:",
        "  regions:",
        "    us-east-1: active",
        "    us-west-2: active",
        "  accounts:",
        f"    default: \"{ACCOUNT}\"",
        "  stacks:",
    ]
    for name in names:
        lines += [
            f"    - name: {name}",
            f"      template: templates/{name}.yaml",
            "      regions: [us-east-1, us-west-2]",
            "      parameters:",
            "        Environment: prod",
            f"        DomainName: {DOMAIN}",
        ]
    return "\n".join(lines) + "\n"


def ring(buckets):
    """One template: a ring of buckets, each replicating to the next, all under one replication
    role whose policy has one statement per bucket (issue 13's superlinear shape for RL5006)."""
    lines = ['AWSTemplateFormatVersion: "2010-09-09"',
             "Description: A ring of buckets replicating to each other under one role (regionlint bench)",
             "Resources:",
             "  RingRole:",
             "    Type: AWS::IAM::Role",
             "    Properties:",
             "      RoleName: ring-replication",
             "      AssumeRolePolicyDocument:",
             "        Version: \"2012-10-17\"",
             "        Statement:",
             "          - {Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: sts:AssumeRole}",
             "      Policies:",
             "        - PolicyName: ring",
             "          PolicyDocument:",
             "            Version: \"2012-10-17\"",
             "            Statement:"]
    for i in range(buckets):
        nxt = (i + 1) % buckets
        lines += [f"              - Effect: Allow",
                  f"                Action: [s3:GetReplicationConfiguration, s3:ListBucket, s3:GetObjectVersionForReplication,"
                  f" s3:GetObjectVersionAcl, s3:GetObjectVersionTagging, s3:ReplicateObject, s3:ReplicateDelete,"
                  f" s3:ReplicateTags]",
                  f"                Resource: [\"arn:aws:s3:::ring-{i:05d}\", \"arn:aws:s3:::ring-{i:05d}/*\","
                  f" \"arn:aws:s3:::ring-{nxt:05d}/*\"]"]
    for i in range(buckets):
        nxt = (i + 1) % buckets
        lines += [f"  Bucket{i:05d}:",
                  "    Type: AWS::S3::Bucket",
                  "    Properties:",
                  f"      BucketName: ring-{i:05d}",
                  "      VersioningConfiguration: {Status: Enabled}",
                  "      ReplicationConfiguration:",
                  "        Role: !GetAtt RingRole.Arn",
                  "        Rules:",
                  f"          - Id: to-ring-{nxt:05d}",
                  "            Status: Enabled",
                  "            Priority: 1",
                  "            Filter: {Prefix: \"\"}",
                  "            DeleteMarkerReplication: {Status: Enabled}",
                  f"            Destination: {{Bucket: \"arn:aws:s3:::ring-{nxt:05d}\"}}"]
    return "\n".join(lines) + "\n"


RULE_SOURCES = ("samples/src/test/resources/lang/builtins.rlr", "samples/custom-rules/rules/team.rlr")


def custom_rules(count):
    """count team rules: the repository's rewritten built-ins and sample team rules, renamed BENCH-nnn in turn."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    blocks = []
    for source in RULE_SOURCES:
        with open(os.path.join(root, source), encoding="utf-8") as f:
            blocks += re.findall(r"^rule \S+ \{.*?^\}", f.read(), re.S | re.M)
    out = []
    for n in range(count):
        out.append(re.sub(r"^rule \S+", "rule BENCH-%03d" % (n + 1), blocks[n % len(blocks)]))
    return "\n\n".join(out) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--templates", type=int, default=1, help="number of templates (stacks)")
    parser.add_argument("--resources", type=int, default=50, help="resources per template")
    parser.add_argument("--seed", type=int, default=1, help="random seed (output is a function of it)")
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--single", action="store_true",
                        help="write one template (out/template.yaml) and no project file")
    parser.add_argument("--ring", type=int, default=0, metavar="N",
                        help="write one template (out/template.yaml) of N buckets replicating in a ring under one"
                             " role with one policy statement per bucket")
    parser.add_argument("--rules", type=int, default=0, metavar="N",
                        help="also write out/rules.rlr: N team rules (the rewritten built-ins and the"
                             " custom-rules sample's rules, in turn) for the cost of custom rules")
    args = parser.parse_args(argv)
    if args.resources < 1 or args.templates < 1:
        parser.error("--templates and --resources must be at least 1")
    if args.single and args.templates != 1:
        parser.error("--single writes one template; drop --templates")

    os.makedirs(args.out, exist_ok=True)
    if args.rules:
        write(os.path.join(args.out, "rules.rlr"), custom_rules(args.rules))
    if args.ring:
        write(os.path.join(args.out, "template.yaml"), ring(args.ring))
        return 0
    counter = [0]
    if args.single:
        rng = random.Random(f"{args.seed}:single:{args.resources}")
        write(os.path.join(args.out, "template.yaml"), template(rng, 0, args.resources, counter))
        return 0

    os.makedirs(os.path.join(args.out, "templates"), exist_ok=True)
    names = []
    for index in range(args.templates):
        name = f"stack-{index:04d}"
        rng = random.Random(f"{args.seed}:{index}:{args.resources}")
        write(os.path.join(args.out, "templates", name + ".yaml"),
              template(rng, index, args.resources, counter))
        names.append(name)
    write(os.path.join(args.out, ".regionlint.yaml"), project_file(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
