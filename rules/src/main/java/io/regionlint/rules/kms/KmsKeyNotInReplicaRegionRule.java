package io.regionlint.rules.kms;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.KeyLocation;
import io.regionlint.model.KeyUse;
import io.regionlint.model.Topology;
import java.util.Optional;

/**
 * RL5001: KMS keys are Regional, so each Regional copy of replicated data (an S3 replica, a
 * DynamoDB replica, an Aurora secondary, a secret replica) must be encrypted with a key in the
 * copy's own Region. A local single-Region key there is right; a multi-Region key is never
 * required. Keys the model cannot locate are left to RL1002.
 */
@RuleInfo(id = "RL5001", summary = "A Regional copy of replicated data is encrypted with a KMS key from another Region",
        severity = Severity.ERROR, category = "kms", since = "0.1.0")
public final class KmsKeyNotInReplicaRegionRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (KeyUse use : topology.keyUses()) {
            KeyLocation key = use.location();
            if (!use.replicated() || key.awsManaged() || use.copyRegion().isEmpty() || key.region().isEmpty()
                    || key.region().equals(use.copyRegion())) {
                continue;
            }
            String copyRegion = use.copyRegion().get();
            String keyRegion = key.region().get();
            FindingBuilder finding = context.report(Site.of(use.owner(), use.at()), "The KMS key of the " + use.copy()
                    + " is " + KmsKeys.name(key) + " in " + keyRegion + ", but KMS keys are Regional and the copy is in "
                    + copyRegion + "; " + fix(topology, key, copyRegion))
                    .regions(use.copyRegion()).regions(key.region());
            key.key().ifPresent(k -> finding.related(k, Optional.empty(), "the key, in " + keyRegion));
        }
    }

    /** Names the family member in the copy's Region when there is one; otherwise asks for any local key. */
    private static String fix(Topology topology, KeyLocation key, String copyRegion) {
        return KmsKeys.localMember(topology, key, copyRegion).map(m -> "use " + m + " there instead")
                .orElse("use a key in " + copyRegion + ": a key created there, or a replica key of a multi-Region"
                        + " key there");
    }
}
