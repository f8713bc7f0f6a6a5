package io.regionlint.rules.s3;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import java.util.Optional;

/** RL2003: a replica in the source's own Region does not survive the loss of that Region. */
@RuleInfo(id = "RL2003", summary = "An enabled replication rule copies objects into a bucket in the same Region",
        severity = Severity.WARNING, category = "s3", since = "0.1.0")
public final class S3ReplicationSameRegionRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (ReplicationRule rule : S3Facts.firstEnabledRulePerPair(context.topology())) {
            Resource source = rule.source();
            Resource destination = rule.destination().orElseThrow();
            if (source.region().isEmpty() || !source.region().equals(destination.region())) {
                continue;
            }
            context.report(Site.of(source, rule.destinationValue()), "Bucket " + source.describe() + " replicates"
                            + " into '" + destination.displayName() + "' in the same Region, so the copy is lost"
                            + " with the Region; point " + S3Facts.ruleName(rule) + " at a bucket in another Region,"
                            + " or suppress this finding where same-Region replication is intended")
                    .related(destination, Optional.empty(), "the destination bucket, in the same Region");
        }
    }
}
