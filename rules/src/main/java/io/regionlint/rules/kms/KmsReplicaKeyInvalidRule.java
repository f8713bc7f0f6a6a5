package io.regionlint.rules.kms;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.KeyLocation;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RL5003: KMS refuses a replica key whose primary is not a multi-Region primary, that sits in
 * its primary's Region, or that repeats a replica the primary already has in that Region.
 */
@RuleInfo(id = "RL5003", summary = "A KMS replica key names a primary that is not multi-Region, sits in its primary's"
        + " Region, or repeats another replica in its Region", severity = Severity.ERROR, category = "kms",
        since = "0.1.0")
public final class KmsReplicaKeyInvalidRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        Map<String, Resource> firstPerPrimaryAndRegion = new HashMap<>();
        for (Resource replica : topology.resources(KmsKeys.REPLICA_KEY)) {
            Optional<Value> arn = replica.properties().get("PrimaryKeyArn");
            Optional<String> text = arn.flatMap(Value::text);
            if (text.isEmpty() || text.get().contains("alias/")) {
                continue; // unknown, or not a key ARN at all
            }
            KeyLocation primary = topology.keyLocation(arn.get(), replica, replica.region());
            Site site = Site.of(replica, arn.get());
            notAPrimary(context, replica, primary, site);
            if (primary.region().isPresent() && primary.region().equals(replica.region())) {
                context.report(site, "Replica key " + replica.describe() + " is in the same Region as its primary key "
                                + KmsKeys.name(primary) + "; KMS creates a replica only in another Region of the"
                                + " partition, so deploy this replica key only to Regions other than "
                                + primary.region().get() + " (guard it with a Condition)")
                        .key("same-region");
                continue;
            }
            Optional<String> identity = primary.key().map(Resource::key)
                    .or(() -> Tokens.containsToken(text.get()) ? Optional.empty() : text);
            if (identity.isEmpty() || replica.region().isEmpty()) {
                continue;
            }
            Resource first = firstPerPrimaryAndRegion.putIfAbsent(identity.get() + "|" + replica.region().get(),
                    replica);
            if (first != null) {
                context.report(site, "Replica key " + replica.describe() + " replicates primary key "
                                + KmsKeys.name(primary) + " into " + replica.region().get() + ", which already has its"
                                + " replica " + first.describe() + " (stack " + first.stack().name() + "); a primary"
                                + " can have only one replica per Region, so remove one of them")
                        .key("duplicate").related(first, first.properties().get("PrimaryKeyArn"),
                                "the first replica of the same primary key in " + replica.region().get());
            }
        }
    }

    /** A primary that the model resolved to a template key must be a multi-Region primary. */
    private static void notAPrimary(RuleContext context, Resource replica, KeyLocation primary, Site site) {
        if (primary.key().isEmpty()) {
            return;
        }
        Resource key = primary.key().get();
        if (key.isType(KmsKeys.REPLICA_KEY)) {
            context.report(site, "Replica key " + replica.describe() + " names " + key.describe() + " as its primary,"
                            + " but that is itself a replica key; set PrimaryKeyArn to the ARN of the multi-Region"
                            + " primary key")
                    .key("not-primary").related(key, Optional.empty(), "the replica key named as primary");
        } else if (key.isType(KmsKeys.KEY) && primary.multiRegion().equals(Optional.of(false))) {
            context.report(site, "Replica key " + replica.describe() + " replicates " + key.describe() + ", which is"
                            + " a single-Region key; only a multi-Region primary key can be replicated, and"
                            + " MultiRegion cannot be changed after a key is created, so replicate a new key declared"
                            + " with MultiRegion: true")
                    .key("not-multi-region").related(key, key.properties().get("MultiRegion"),
                            "the primary key, not multi-Region");
        }
    }
}
