package io.regionlint.rules.secrets;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;

/**
 * RL5008: a secret read by ARN from a Region where it has no replica. Secrets Manager serves the
 * read from the secret's own Region, so it works, but the reader now depends on that Region. Runs
 * on deployed state for ECS task definitions, whose containers' secrets AWS Config records; a
 * Lambda function's environment is not recorded (RL1012 says so).
 */
@NotRecordedByConfig(value = "Lambda functions' environment variables, which AWS Config does not record", partial = true)
@RuleInfo(id = "RL5008", summary = "A secret is read by ARN from another Region because the reader's Region has no"
        + " replica", severity = Severity.WARNING, category = "secrets", since = "0.1.0")
public final class SecretReadCrossRegionRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (SecretReads.Read read : SecretReads.outOfRegion(context.topology())) {
            if (read.kind() != SecretReads.Kind.ARN || !read.targetExists()) {
                continue; // a read that breaks: RL5007
            }
            Resource secret = read.secret();
            Resource user = read.use().user();
            context.report(Site.of(user, read.use().at()), user.type() + " " + user.describe() + " reads secret '"
                            + SecretReads.name(secret) + "' by its ARN in " + read.target() + " because " + read.reader()
                            + " has no replica of it; the read works, but crosses Regions and fails when "
                            + read.target() + " is unreachable; add " + read.reader() + " to the secret's"
                            + " ReplicaRegions and read the replica's ARN (the same ARN with " + read.reader() + ")")
                    .regions(secret.region())
                    .related(secret, secret.properties().get("ReplicaRegions"), "the secret, with no replica in "
                            + read.reader());
        }
    }
}
