// An environment-agnostic stack: no account or Region at synthesis, so the template uses
// AWS::Region and AWS::AccountId pseudo parameters.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');

class LogsStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new s3.Bucket(this, 'Logs', {
      bucketName: `logs-${this.account}-${this.region}`,
      versioned: true,
    });
  }
}

const app = new cdk.App();
new LogsStack(app, 'Logs');
