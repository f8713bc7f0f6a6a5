package io.regionlint.rules.secrets;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import io.regionlint.rules.Prose;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        // one resource reading the same secret the same way twice (a database's user name and
        // password from one secret) misses one replica: one finding, the other reads related
        Map<String, FindingBuilder> reported = new HashMap<>();
        for (SecretReads.Read read : SecretReads.outOfRegion(context.topology())) {
            if (read.kind() == SecretReads.Kind.ARN && read.targetExists()) {
                continue; // works across Regions: RL5008
            }
            String once = read.use().user().key() + "|" + read.secret().key() + "|" + read.reader() + "|" + read.kind()
                    + "|" + read.target();
            FindingBuilder first = reported.get(once);
            if (first != null) {
                first.related(read.use().user(), Optional.of(read.use().at()), "reads the same secret here too");
                continue;
            }
            Resource secret = read.secret();
            Resource user = read.use().user();
            String exists = "the secret exists only in " + Prose.list(read.regions());
            String reads = user.type() + " " + user.describe() + " reads secret '" + SecretReads.name(secret) + "' ";
            String message = switch (read.kind()) {
                case DYNAMIC_NAME -> reads + "through a dynamic reference by name, which is looked up in the stack's"
                        + " own Region, " + read.reader() + ", but " + exists + "; add " + read.reader()
                        + " to its ReplicaRegions";
                case DYNAMIC_ARN -> reads + "through a dynamic reference to its ARN in " + read.target() + ", but "
                        + exists + " and a dynamic reference to a secret in another Region is not documented to work;"
                        + " add " + read.reader() + " to its ReplicaRegions and refer to the replica in "
                        + read.reader();
                case ARN -> reads + "by an ARN in " + read.target() + ", but " + exists + "; add " + read.reader()
                        + " to its ReplicaRegions" + (read.target().equals(read.reader())
                        ? " (a replica's ARN is the primary's with the Region swapped, so this ARN then names it)"
                        : " and read the replica's ARN there");
            };
            reported.put(once, context.report(Site.of(user, read.use().at()), message)
                    .related(secret, secret.properties().get("ReplicaRegions"), "the secret, with no replica in "
                            + read.reader()));
        }
    }
}
