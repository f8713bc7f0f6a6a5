// Two explicit-environment stacks in two Regions: a replica bucket in us-west-2 whose name is
// read by a source bucket in us-east-1 through a CDK cross-Region reference.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const iam = require('aws-cdk-lib/aws-iam');

const app = new cdk.App();
const account = '111122223333';

class ReplicaStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.bucket = new s3.Bucket(this, 'Replica', {
      bucketName: 'orders-replica-us-west-2',
      versioned: true,
    });
  }
}

class SourceStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const role = new iam.Role(this, 'ReplicationRole', {
      assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
    });
    const source = new s3.CfnBucket(this, 'Source', {
      bucketName: 'orders-source-us-east-1',
      versioningConfiguration: { status: 'Enabled' },
      replicationConfiguration: {
        role: role.roleArn,
        rules: [{
          id: 'to-replica',
          status: 'Enabled',
          priority: 1,
          filter: { prefix: '' },
          deleteMarkerReplication: { status: 'Disabled' },
          destination: { bucket: props.replica.bucketArn },
        }],
      },
    });
    props.replica.grantWrite(role);
  }
}

const replica = new ReplicaStack(app, 'ReplicaStack', {
  env: { account, region: 'us-west-2' },
  crossRegionReferences: true,
});
new SourceStack(app, 'SourceStack', {
  env: { account, region: 'us-east-1' },
  crossRegionReferences: true,
  replica: replica.bucket,
});
