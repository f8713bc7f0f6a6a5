const { Stage } = require('aws-cdk-lib');
const { DataStack } = require('./data-stack');
const { ApiStack } = require('./api-stack');
const { RoutingStack } = require('./routing-stack');
const config = require('./config');

/**
 * One Region of Acme Orders, the unit a deployment pipeline promotes: the data stack, the API
 * stack that uses it and the routing stack that sends customers to it, all in the stage's
 * environment.
 */
class AppStage extends Stage {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {import('aws-cdk-lib').StageProps} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);
    const regionConfig = config.regions[props.env.region];
    const data = new DataStack(this, 'Data', { regionConfig });
    const api = new ApiStack(this, 'Api', { ordersBucket: data.ordersBucket });
    new RoutingStack(this, 'Routing', { regionConfig, apiUrl: api.apiUrl });
  }
}

module.exports = { AppStage };
