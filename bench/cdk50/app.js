#!/usr/bin/env node
// Benchmark input: a CDK app of 50 stacks, 25 per Region in us-east-1 and eu-west-1, one Stage
// per Region (the shape a deployment pipeline gives). Each stack is a small service of about 15
// resources: two buckets replicating both ways to their twins in the other Region (with the
// replication roles CDK generates), a KMS key, a Lambda function with its role and log group, a
// queue with its dead-letter queue, an alarm, and in us-east-1 a DynamoDB global table with a
// replica in eu-west-1. Every fifth service replicates its second bucket without delete markers,
// so the rules have something to report. See README.md.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const kms = require('aws-cdk-lib/aws-kms');
const iam = require('aws-cdk-lib/aws-iam');
const sqs = require('aws-cdk-lib/aws-sqs');
const lambda = require('aws-cdk-lib/aws-lambda');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');

const account = '111122223333';
const regions = ['us-east-1', 'eu-west-1'];
const primary = regions[0];
const perRegion = Number(process.env.CDK50_STACKS_PER_REGION || 25);

const name = (kind, i, region) => `bench-${kind}-${String(i).padStart(2, '0')}-${account}-${region}`;

class ServiceStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const { index, peer } = props;
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true, description: `service ${index}` });

    for (const kind of ['docs', 'media']) {
      const lax = kind === 'media' && index % 5 === 0;
      new s3.Bucket(this, kind === 'docs' ? 'DocsBucket' : 'MediaBucket', {
        bucketName: name(kind, index, this.region),
        versioned: true,
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        replicationRules: [{
          id: `${kind}-to-${peer}`,
          destination: s3.Bucket.fromBucketName(this, `Peer${kind}`, name(kind, index, peer)),
          priority: 1,
          filter: { prefix: '' },
          deleteMarkerReplication: !lax,
          replicaModifications: true,
        }],
      });
    }

    const dlq = new sqs.Queue(this, 'DeadLetters', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    const queue = new sqs.Queue(this, 'Work', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });
    const role = new iam.Role(this, 'WorkerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const fn = new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ ok: true });'),
      role,
      environment: { QUEUE_URL: queue.queueUrl },
    });
    queue.grantConsumeMessages(fn);
    new cloudwatch.Alarm(this, 'WorkerErrors', { metric: fn.metricErrors(), threshold: 1, evaluationPeriods: 1 });

    if (this.region === primary) {
      new dynamodb.TableV2(this, 'Table', {
        tableName: `bench-table-${String(index).padStart(2, '0')}`,
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        replicas: regions.filter((r) => r !== primary).map((region) => ({ region })),
      });
    }
  }
}

class RegionStage extends cdk.Stage {
  constructor(scope, id, props) {
    super(scope, id, props);
    const peer = regions.find((r) => r !== props.env.region);
    for (let i = 0; i < perRegion; i++) {
      new ServiceStack(this, `Svc${String(i).padStart(2, '0')}`, { index: i, peer });
    }
  }
}

const app = new cdk.App({ context: { 'aws:cdk:disable-creation-stack-traces': true } });
for (const region of regions) {
  new RegionStage(app, `Prod-${region}`, { env: { account, region } });
}
