// An environment-agnostic stack: no account or Region at synthesis, so the template uses
// AWS::Region and AWS::AccountId pseudo parameters. Its nested stack goes wherever it goes.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');

class AuditNestedStack extends cdk.NestedStack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new s3.Bucket(this, 'Audit', { versioned: true });
  }
}

class LogsStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new s3.Bucket(this, 'Logs', {
      bucketName: `logs-${this.account}-${this.region}`,
      versioned: true,
    });
    new AuditNestedStack(this, 'Audit');
  }
}

const app = new cdk.App();
new LogsStack(app, 'Logs');
