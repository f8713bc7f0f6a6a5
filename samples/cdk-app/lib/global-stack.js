const { Stack, RemovalPolicy } = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const kms = require('aws-cdk-lib/aws-kms');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const config = require('./config');

/**
 * Keys in a replica Region for the global resources: the orders table's replica and the secrets'
 * replicas are encrypted with them. The Global stack reads their ARNs through CDK cross-Region
 * references.
 */
class ReplicaKeysStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.tableKey = new kms.Key(this, 'TableReplicaKey', {
      alias: 'alias/acme-orders-table',
      description: 'Orders table replica',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.secretsKey = new kms.Key(this, 'SecretsReplicaKey', {
      alias: 'alias/acme-orders-secrets',
      description: 'Replicas of the Acme Orders secrets',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * What exists once for the whole system, declared in the primary Region: the orders global table
 * (a replica in every Region) and the secrets (replicated to the Regions that read them).
 */
class GlobalStack extends Stack {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {import('aws-cdk-lib').StackProps & { replicaKeys: Record<string, ReplicaKeysStack> }} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);
    const replicaRegions = Object.keys(props.replicaKeys);

    const tableKey = new kms.Key(this, 'TableKey', {
      alias: 'alias/acme-orders-table',
      description: 'Orders table',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const replicaKeyArns = Object.fromEntries(replicaRegions.map((r) => [r, props.replicaKeys[r].tableKey.keyArn]));

    this.ordersTable = new dynamodb.TableV2(this, 'OrdersTable', {
      tableName: config.ordersTableName,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.provisioned({
        readCapacity: dynamodb.Capacity.fixed(400),
        writeCapacity: dynamodb.Capacity.autoscaled({ minCapacity: 50, maxCapacity: 400 }),
      }),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(tableKey, replicaKeyArns),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: RemovalPolicy.RETAIN,
      replicas: [
        // added when eu-west-1 was a read-only standby, and sized for it
        {
          region: 'eu-west-1',
          readCapacity: dynamodb.Capacity.fixed(100), // planted defect, RL3008: us-east-1 has 400
          // planted defect, RL3009: PITR is on for the table in us-east-1
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false },
        },
      ],
    });

    const secretsKey = new kms.Key(this, 'SecretsKey', {
      alias: 'alias/acme-orders-secrets',
      description: 'Acme Orders secrets',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Read by the API in every Region: replicated to each, with that Region's key.
    new secretsmanager.Secret(this, 'WebhookSigningKey', {
      secretName: config.webhookSecretName,
      description: 'Signs the webhooks Acme Orders sends to merchants',
      encryptionKey: secretsKey,
      replicaRegions: replicaRegions.map((r) => ({ region: r, encryptionKey: props.replicaKeys[r].secretsKey })),
    });
    // Created when the API ran in us-east-1 only. Planted defect, RL5007: the API in eu-west-1
    // reads it there (lib/api-stack.js), but it has no replicaRegions.
    new secretsmanager.Secret(this, 'PaymentApiKey', {
      secretName: config.paymentApiKeySecretName,
      description: 'API key of the payment provider',
      encryptionKey: secretsKey,
    });
  }
}

module.exports = { GlobalStack, ReplicaKeysStack };
