package io.regionlint.rules.secrets;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;

/**
 * RL5007: a secret read in a Region where it does not exist. A dynamic reference by name, or an
 * ARN naming the reader's Region, looks for the secret there and fails; a dynamic reference to
 * another Region's ARN is not documented to work. Replicating the secret into the reader's
 * Region fixes both.
 */
@RuleInfo(id = "RL5007", summary = "A secret is read in a Region where it has no replica",
        severity = Severity.ERROR, category = "secrets", since = "0.1.0")
public final class SecretNotReplicatedRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (SecretReads.Read read : SecretReads.outOfRegion(context.topology())) {
            if (read.kind() == SecretReads.Kind.ARN && read.targetExists()) {
                continue; // works across Regions: RL5008
            }
            Resource secret = read.secret();
            Resource user = read.use().user();
            String why = switch (read.kind()) {
                case DYNAMIC_NAME -> "through a dynamic reference by name, which CloudFormation resolves in "
                        + read.reader();
                case DYNAMIC_ARN -> "through a dynamic reference to its ARN in " + read.target() + "; a dynamic"
                        + " reference to a secret in another Region is not documented to work";
                case ARN -> "by an ARN in " + read.target() + ", where the secret does not exist";
            };
            context.report(Site.of(user, read.use().at()), user.type() + " " + user.describe() + " reads secret '"
                            + secret.displayName() + "' " + why + ", but the secret exists only in "
                            + SecretReads.list(read.regions()) + "; add " + read.reader() + " to its ReplicaRegions"
                            + (read.kind() == SecretReads.Kind.DYNAMIC_NAME ? ""
                            : " and refer to the replica in " + read.reader()))
                    .related(secret, secret.properties().get("ReplicaRegions"), "the secret, with no replica in "
                            + read.reader());
        }
    }
}
