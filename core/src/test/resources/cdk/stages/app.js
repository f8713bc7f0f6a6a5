// One Stage instantiated in two Regions; its stack holds an S3 bucket and a nested stack with a
// DynamoDB table and a bucket. The parent passes values to the nested stack as parameters and
// reads its archive bucket's ARN back from a nested-stack output.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');

class TablesNestedStack extends cdk.NestedStack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new dynamodb.CfnTable(this, 'Orders', {
      tableName: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    });
    this.archive = new s3.Bucket(this, 'Archive', { versioned: true });
  }
}

class AppStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const data = new s3.Bucket(this, 'Data', {
      bucketName: `orders-data-${this.region}`,
      versioned: true,
    });
    const nested = new TablesNestedStack(this, 'Tables', {
      tableName: `orders-${this.region}`,
      parameters: {},
    });
    // a reference from the parent to the nested stack becomes a nested-stack output
    const reader = new iam.Role(this, 'ArchiveReader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    nested.archive.grantRead(reader);
    // a reference from the nested stack to the parent becomes a nested-stack parameter
    new s3.CfnBucketPolicy(nested, 'DataPolicy', {
      bucket: data.bucketName,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [data.bucketArn, data.arnForObjects('*')],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }],
      },
    });
  }
}

class RegionalStage extends cdk.Stage {
  constructor(scope, id, props) {
    super(scope, id, props);
    new AppStack(this, 'App');
  }
}

const app = new cdk.App();
const account = '111122223333';
new RegionalStage(app, 'Prod-us-east-1', { env: { account, region: 'us-east-1' } });
new RegionalStage(app, 'Prod-eu-west-1', { env: { account, region: 'eu-west-1' } });
