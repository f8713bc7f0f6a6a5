const { Stack, RemovalPolicy } = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const iam = require('aws-cdk-lib/aws-iam');
const kms = require('aws-cdk-lib/aws-kms');
const config = require('./config');

/**
 * The Regional data of Acme Orders: the orders bucket (order documents, SSE-KMS with the
 * Region's data key) and the invoices bucket (PDF invoices, SSE-S3). Both replicate to the same
 * bucket in the peer Region. The buckets are named by account and Region, so each Region's stack
 * names its peer's buckets without a reference between the two stages.
 */
class DataStack extends Stack {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {import('aws-cdk-lib').StackProps & { regionConfig: object }} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);
    const cfg = props.regionConfig;
    const peer = cfg.peerRegion;

    const dataKey = kms.Key.fromKeyArn(this, 'DataKey', cfg.dataKeyArn);
    const peerDataKey = kms.Key.fromKeyArn(this, 'PeerDataKey', cfg.peerDataKeyArn);
    const peerOrders = s3.Bucket.fromBucketName(this, 'PeerOrdersBucket', config.bucketName('orders', peer));

    // Two-way replication of order documents: each Region's bucket has the mirror of this rule.
    this.ordersBucket = new s3.Bucket(this, 'OrdersBucket', {
      bucketName: config.bucketName('orders', this.region),
      versioned: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      replicationRules: [{
        id: `orders-to-${peer}`,
        destination: peerOrders,
        priority: 1,
        filter: { prefix: '' },
        deleteMarkerReplication: true,
        sseKmsEncryptedObjects: true,
        replicaModifications: true,
        kmsKey: peerDataKey,
      }],
    });

    // The invoices bucket predates replicationRules in the L2 construct: its replication is set
    // on the L1 resource, with a role of its own.
    this.invoicesBucket = new s3.Bucket(this, 'InvoicesBucket', {
      bucketName: config.bucketName('invoices', this.region),
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (cfg.invoiceReplication) {
      const peerInvoicesArn = `arn:aws:s3:::${config.bucketName('invoices', peer)}`;
      const role = new iam.Role(this, 'InvoiceReplicationRole', {
        assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
        description: 'S3 replication of the invoices bucket',
      });
      role.addToPolicy(new iam.PolicyStatement({
        actions: ['s3:*'], // planted defect, RL5005: far more than replication needs
        resources: [
          this.invoicesBucket.bucketArn,
          this.invoicesBucket.arnForObjects('*'),
          peerInvoicesArn,
          `${peerInvoicesArn}/*`,
        ],
      }));
      const cfnInvoices = this.invoicesBucket.node.defaultChild;
      cfnInvoices.replicationConfiguration = {
        role: role.roleArn,
        rules: [{
          id: `invoices-to-${peer}`,
          status: 'Enabled',
          priority: 1,
          filter: { prefix: '' },
          deleteMarkerReplication: { status: 'Enabled' },
          destination: { bucket: peerInvoicesArn },
        }],
      };
    }
  }
}

module.exports = { DataStack };
