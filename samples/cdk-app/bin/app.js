#!/usr/bin/env node
// Acme Orders: an order-taking system that runs active-active in us-east-1 and eu-west-1.
//
//   Global                  (us-east-1)  the orders global table and the secrets, declared once
//   ReplicaKeys-eu-west-1   (eu-west-1)  KMS keys for the table's and the secrets' eu-west-1 replicas
//   Prod-us-east-1/Data,Api,Routing (us-east-1)  one AppStage per Region, as a pipeline deploys them:
//   Prod-eu-west-1/Data,Api,Routing (eu-west-1)  the Region's buckets, its API reading the table and
//                                                secrets, and the Route 53 records that reach it

const cdk = require('aws-cdk-lib');
const { AppStage } = require('../lib/app-stage');
const { GlobalStack, ReplicaKeysStack } = require('../lib/global-stack');
const config = require('../lib/config');

const app = new cdk.App({ context: { 'aws:cdk:disable-creation-stack-traces': true } });
const primaryRegion = 'us-east-1';

const replicaKeys = {};
for (const region of Object.keys(config.regions).filter((r) => r !== primaryRegion)) {
  replicaKeys[region] = new ReplicaKeysStack(app, `ReplicaKeys-${region}`, {
    env: { account: config.account, region },
    crossRegionReferences: true,
  });
}
new GlobalStack(app, 'Global', {
  env: { account: config.account, region: primaryRegion },
  crossRegionReferences: true,
  replicaKeys,
});

for (const region of Object.keys(config.regions)) {
  new AppStage(app, `Prod-${region}`, { env: { account: config.account, region } });
}
