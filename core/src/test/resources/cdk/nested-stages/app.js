// A Stage inside a Stage (the shape CDK Pipelines produce): Pipeline/Blue in us-east-1 and
// Pipeline/Green in us-west-2, each with the same stack, so the two stacks are twins.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');

class AppStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new s3.Bucket(this, 'Assets', { versioned: true });
  }
}

class Deployment extends cdk.Stage {
  constructor(scope, id, props) {
    super(scope, id, props);
    new AppStack(this, 'App');
  }
}

class Pipeline extends cdk.Stage {
  constructor(scope, id, props) {
    super(scope, id, props);
    new Deployment(this, 'Blue', { env: { account: '111122223333', region: 'us-east-1' } });
    new Deployment(this, 'Green', { env: { account: '111122223333', region: 'us-west-2' } });
  }
}

const app = new cdk.App();
new Pipeline(app, 'Pipeline');
