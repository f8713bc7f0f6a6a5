// Per-Region settings of Acme Orders, one entry per Region the system runs in. Both Regions are
// active: each serves its own customers and takes the other's traffic when that Region fails.
//
// The data keys are customer managed KMS keys that the platform team creates in every account
// and Region (one per Region, single-Region keys); applications import them by ARN.

const account = '111122223333';

const regions = {
  'us-east-1': {
    peerRegion: 'eu-west-1',
    dataKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/0d6b3c52-8f4e-4c1a-9a57-3e2f1b7c9d10',
    // the key that encrypts the replicas this Region writes into the peer Region's buckets
    peerDataKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/7a2e91f4-5b3c-4d8e-b6a1-c4f0e2d98b35',
    // invoices have been copied to eu-west-1 since it was the disaster-recovery Region
    invoiceReplication: true,
    webhooksFailover: 'PRIMARY',
    apiLatencyHealthChecked: true,
  },
  'eu-west-1': {
    peerRegion: 'us-east-1',
    dataKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/7a2e91f4-5b3c-4d8e-b6a1-c4f0e2d98b35',
    // planted defect, RL5001: copied from the line above; the replicas go to us-east-1
    peerDataKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/7a2e91f4-5b3c-4d8e-b6a1-c4f0e2d98b35',
    // planted defect, RL2001: eu-west-1 is active now, but its invoices still go nowhere
    invoiceReplication: false,
    webhooksFailover: 'SECONDARY',
    // planted defect, RL6002: the record was added when eu-west-1 became active and nobody gave
    // it the health check; Route 53 keeps sending eu-west-1's nearest customers to a dead Region
    apiLatencyHealthChecked: false,
  },
};

/** Bucket names carry the account and Region, so each Region can name its peer's buckets. */
function bucketName(purpose, region) {
  return `acme-${purpose}-${account}-${region}`;
}

module.exports = {
  account,
  regions,
  bucketName,
  ordersTableName: 'acme-orders',
  paymentApiKeySecretName: 'acme/orders/payment-api-key',
  webhookSecretName: 'acme/orders/webhook-signing-key',
  // the public zone both Regions write their records into
  zoneName: 'orders.acme.example',
  hostedZoneId: 'Z0495213FRTNQ7X5O3XQ',
};
