#!/usr/bin/env python3
"""Generate a deterministic AWS Config snapshot of many configuration items, for benchmarking.

Writes one snapshot file per Region in the shape AWS delivers to S3 (`{"fileVersion": "1.0",
"configurationItems": [...]}`, older field names, configuration and supplementary values as
objects), pretty-printed as `regionlint pull` writes them, optionally gzipped. The items are
the types regionlint maps (S3 buckets replicating both ways, versioning, encryption; DynamoDB
tables with replicas; KMS keys with multi-Region replicas; IAM replication roles with
URL-encoded policy documents in Region "global"; Aurora clusters and instances), in the
proportions of a typical account, so the whole pipeline is exercised.

  generate_config.py --items 100000 --out /tmp/snap [--gzip] [--seed 1] [--declared]

Output is a function of the options only. Standard library only.
"""

import argparse
import gzip
import json
import os
import random
import urllib.parse

REGIONS = ("us-east-1", "us-west-2")
PEER = {"us-east-1": "us-west-2", "us-west-2": "us-east-1"}
ACCOUNT = "111122223333"
CAPTURE = "2026-11-30T07:29:16.288Z"


def envelope(item_type, resource_id, name, arn, region, configuration, supplementary, tags=None):
    return {
        "relatedEvents": [],
        "relationships": [],
        "configuration": configuration,
        "supplementaryConfiguration": supplementary,
        "tags": tags or {},
        "configurationItemVersion": "1.3",
        "configurationItemCaptureTime": CAPTURE,
        "configurationStateId": 1764487756288,
        "awsAccountId": ACCOUNT,
        "configurationItemStatus": "OK",
        "resourceType": item_type,
        "resourceId": resource_id,
        "resourceName": name,
        "ARN": arn,
        "awsRegion": region,
        "availabilityZone": "Regional",
        "configurationStateMd5Hash": "",
    }


def bucket(i, region, rng, declared=False):
    # --declared: the names bench/generate.py's templates give their buckets (and tables), so that
    # a drift run joins the deployed items with the declared resources
    name = f"data-{region}-{ACCOUNT}-{i}" if declared else f"bench-{i:06d}-{region}"
    peer = f"data-{PEER[region]}-{ACCOUNT}-{i}" if declared else f"bench-{i:06d}-{PEER[region]}"
    supplementary = {
        "AccessControlList": json.dumps({"grantSet": None, "grantList": [], "owner": {"id": "abc"}}),
        "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": None},
        "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {
            "sseAlgorithm": "aws:kms", "kmsMasterKeyID": f"arn:aws:kms:{region}:{ACCOUNT}:key/mrk-{i:032x}"},
            "bucketKeyEnabled": True}]},
        "IsRequesterPaysEnabled": False,
    }
    if rng.random() < 0.8:
        supplementary["BucketReplicationConfiguration"] = {
            "roleARN": f"arn:aws:iam::{ACCOUNT}:role/replication-{i:06d}",
            "rules": {f"to-{PEER[region]}": {
                "prefix": "", "status": "Enabled",
                "destinationConfig": {"Account": ACCOUNT, "bucketARN": f"arn:aws:s3:::{peer}",
                                      "storageClass": None}}}}
    return envelope("AWS::S3::Bucket", name, name, f"arn:aws:s3:::{name}", region,
                    {"name": name, "owner": {"displayName": None, "id": "abc"},
                     "creationDate": "2025-02-12T07:21:45.000Z"},
                    supplementary, {"aws:cloudformation:stack-name": f"stack-{i // 50:04d}",
                                    "aws:cloudformation:logical-id": f"Bucket{i % 50}"})


def table(i, region, declared=False):
    name = f"orders-prod-{i}" if declared else f"bench-table-{i:06d}"
    return envelope("AWS::DynamoDB::Table", name, name, f"arn:aws:dynamodb:{region}:{ACCOUNT}:table/{name}", region,
                    {"tableName": name, "tableStatus": "ACTIVE",
                     "billingModeSummary": {"billingMode": "PAY_PER_REQUEST"},
                     "provisionedThroughput": {"readCapacityUnits": 0, "writeCapacityUnits": 0},
                     "globalTableVersion": "2019.11.21",
                     "replicas": [{"regionName": r, "replicaStatus": "ACTIVE"} for r in REGIONS]},
                    {"ContinuousBackupsDescription": {"pointInTimeRecoveryDescription": {
                        "pointInTimeRecoveryStatus": "ENABLED"}}, "Tags": []})


def key(i, region):
    key_id = f"mrk-{i:032x}"
    primary = region == REGIONS[0]
    arn = f"arn:aws:kms:{region}:{ACCOUNT}:key/{key_id}"
    return envelope("AWS::KMS::Key", key_id, None, arn, region,
                    {"keyId": key_id, "arn": arn, "enabled": True, "keyState": "Enabled",
                     "keyManager": "CUSTOMER", "multiRegion": True,
                     "multiRegionConfiguration": {
                         "multiRegionKeyType": "PRIMARY" if primary else "REPLICA",
                         "primaryKey": {"arn": f"arn:aws:kms:{REGIONS[0]}:{ACCOUNT}:key/{key_id}",
                                        "region": REGIONS[0]},
                         "replicaKeys": [{"arn": f"arn:aws:kms:{REGIONS[1]}:{ACCOUNT}:key/{key_id}",
                                          "region": REGIONS[1]}] if primary else []}},
                    {"KeyRotationStatus": "true", "Policy": json.dumps({"Version": "2012-10-17", "Statement": []})})


def role(i):
    name = f"replication-{i:06d}"
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                                                     "Action": "sts:AssumeRole"}]}
    buckets = [f"arn:aws:s3:::bench-{i:06d}-{r}" for r in REGIONS]
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"], "Resource": buckets},
        {"Effect": "Allow", "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl",
                                       "s3:GetObjectVersionTagging", "s3:ReplicateObject", "s3:ReplicateDelete",
                                       "s3:ReplicateTags"], "Resource": [b + "/*" for b in buckets]}]}
    encode = lambda d: urllib.parse.quote(json.dumps(d, separators=(",", ":")), safe="")
    arn = f"arn:aws:iam::{ACCOUNT}:role/{name}"
    return envelope("AWS::IAM::Role", f"AROA{i:017d}", name, arn, "global",
                    {"path": "/", "roleName": name, "roleId": f"AROA{i:017d}", "arn": arn,
                     "assumeRolePolicyDocument": encode(trust), "instanceProfileList": [],
                     "rolePolicyList": [{"policyName": "replicate", "policyDocument": encode(policy)}],
                     "attachedManagedPolicies": [], "permissionsBoundary": None, "tags": []}, {})


def cluster(i, region):
    ident = f"bench-db-{i:05d}-{region}"
    return envelope("AWS::RDS::DBCluster", f"cluster-{i:020d}", ident,
                    f"arn:aws:rds:{region}:{ACCOUNT}:cluster:{ident}", region,
                    {"dbclusterIdentifier": ident, "engine": "aurora-postgresql", "engineVersion": "15.4",
                     "engineMode": "provisioned", "storageEncrypted": True, "deletionProtection": True,
                     "dbclusterMembers": [{"dbinstanceIdentifier": ident + "-1", "isClusterWriter": True}]}, {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--declared", action="store_true",
                        help="name buckets and tables as bench/generate.py's templates do (a drift case)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    # per group i: a bucket, a table and a key in each Region, one role, and every 10th a cluster
    per_group = 3 * len(REGIONS) + 1 + 0.1 * len(REGIONS)
    groups = max(1, int(args.items / per_group))
    by_region = {r: [] for r in REGIONS}
    by_region["global"] = []
    for i in range(groups):
        for r in REGIONS:
            by_region[r].append(bucket(i, r, rng, args.declared))
            by_region[r].append(table(i, r, args.declared))
            by_region[r].append(key(i, r))
            if i % 10 == 0:
                by_region[r].append(cluster(i, r))
        by_region["global"].append(role(i))
    total = 0
    for region, items in by_region.items():
        name = f"{ACCOUNT}_Config_{region}_ConfigSnapshot_20261130T073000Z.json"
        text = json.dumps({"fileVersion": "1.0", "configSnapshotId": f"bench-{args.seed}",
                           "configurationItems": items}, indent=2)
        if args.gzip:
            with gzip.open(os.path.join(args.out, name + ".gz"), "wt", encoding="utf-8") as f:
                f.write(text)
        else:
            with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
                f.write(text)
        total += len(items)
    print(f"{total} configuration items in {len(by_region)} files under {args.out}")


if __name__ == "__main__":
    main()
