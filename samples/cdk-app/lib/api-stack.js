const { Stack, Duration } = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const config = require('./config');

const HANDLER = `
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const ddb = new DynamoDBClient({});
const secrets = new SecretsManagerClient({});
exports.handler = async (event) => {
  const key = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.PAYMENT_API_KEY_SECRET_ARN }));
  const order = JSON.parse(event.body || '{}');
  await ddb.send(new PutItemCommand({
    TableName: process.env.TABLE_NAME,
    Item: { pk: { S: 'ORDER#' + order.id }, sk: { S: 'v0' }, region: { S: process.env.AWS_REGION } },
  }));
  return { statusCode: 202, body: JSON.stringify({ id: order.id, charged: Boolean(key.SecretString) }) };
};
`;

/**
 * The orders API of one Region: a Lambda function that writes to the Region's replica of the
 * global orders table, stores documents in the Region's orders bucket, and reads the payment
 * provider's API key and the webhook signing key from Secrets Manager in its own Region.
 */
class ApiStack extends Stack {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {import('aws-cdk-lib').StackProps & { ordersBucket: import('aws-cdk-lib/aws-s3').IBucket }} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);

    const role = new iam.Role(this, 'OrdersApiRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });

    // The global table is declared once, in the Global stack; each Region uses its own replica.
    const table = dynamodb.TableV2.fromTableName(this, 'OrdersTable', config.ordersTableName);
    const paymentApiKey = secretsmanager.Secret.fromSecretNameV2(this, 'PaymentApiKey',
      config.paymentApiKeySecretName);
    const webhookKey = secretsmanager.Secret.fromSecretNameV2(this, 'WebhookSigningKey', config.webhookSecretName);

    const fn = new lambda.Function(this, 'OrdersApi', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
      role,
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: config.ordersTableName,
        ORDERS_BUCKET: props.ordersBucket.bucketName,
        PAYMENT_API_KEY_SECRET_ARN: paymentApiKey.secretArn,
        WEBHOOK_SECRET_ARN: webhookKey.secretArn,
      },
    });

    // Customers reach the API through Route 53 (the Routing stack), which names this URL.
    this.apiUrl = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM }).url;

    table.grantReadWriteData(fn);
    props.ordersBucket.grantReadWrite(fn);
    paymentApiKey.grantRead(fn);
    webhookKey.grantRead(fn);
    // The secrets are encrypted with customer managed keys: decrypt through Secrets Manager only.
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: ['*'],
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${this.region}.amazonaws.com` } },
    }));
  }
}

module.exports = { ApiStack };
