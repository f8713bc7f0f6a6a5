const { Stack, Duration, Fn } = require('aws-cdk-lib');
const route53 = require('aws-cdk-lib/aws-route53');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const config = require('./config');

/**
 * How customers reach one Region of Acme Orders, and how its operators see the other Region's
 * copy of the data falling behind:
 * - a Route 53 health check on the Region's orders API (its Lambda function URL, /health);
 * - the Region's member of the latency-routed `api` record: customers go to the nearest healthy
 *   Region;
 * - the Region's half of the `webhooks` failover pair: the payment provider's callbacks go to
 *   us-east-1 while it is healthy, else to eu-west-1;
 * - an alarm on the orders table's replication latency from this Region into the peer Region
 *   (DynamoDB publishes ReplicationLatency in the Region a change was written in, per receiving
 *   Region).
 * The hosted zone is shared by both Regions and imported by id.
 */
class RoutingStack extends Stack {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {import('aws-cdk-lib').StackProps & { regionConfig: object, apiUrl: string }} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);
    const cfg = props.regionConfig;
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: config.hostedZoneId,
      zoneName: config.zoneName,
    });
    // https://<id>.lambda-url.<region>.on.aws/ -> <id>.lambda-url.<region>.on.aws
    const apiHost = Fn.select(2, Fn.split('/', props.apiUrl));

    const apiHealth = new route53.HealthCheck(this, 'ApiHealthCheck', {
      type: route53.HealthCheckType.HTTPS,
      fqdn: apiHost,
      port: 443,
      resourcePath: '/health',
      requestInterval: Duration.seconds(10),
      failureThreshold: 3,
    });

    new route53.CnameRecord(this, 'ApiLatencyRecord', {
      zone,
      recordName: `api.${config.zoneName}`,
      domainName: apiHost,
      ttl: Duration.seconds(60),
      region: this.region,
      setIdentifier: `api-${this.region}`,
      healthCheck: cfg.apiLatencyHealthChecked ? apiHealth : undefined,
    });

    new route53.CnameRecord(this, 'WebhooksFailoverRecord', {
      zone,
      recordName: `webhooks.${config.zoneName}`,
      domainName: apiHost,
      ttl: Duration.seconds(60),
      failover: route53.Failover[cfg.webhooksFailover],
      setIdentifier: `webhooks-${this.region}`,
      healthCheck: apiHealth,
    });

    new cloudwatch.Alarm(this, 'OrdersReplicationLatencyAlarm', {
      alarmDescription: `Orders written in ${this.region} take over a minute to reach ${cfg.peerRegion}`,
      metric: new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
        dimensionsMap: { TableName: config.ordersTableName, ReceivingRegion: cfg.peerRegion },
        statistic: 'Average',
        period: Duration.minutes(1),
      }),
      threshold: 60000,
      evaluationPeriods: 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}

module.exports = { RoutingStack };
