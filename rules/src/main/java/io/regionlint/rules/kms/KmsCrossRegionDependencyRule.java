package io.regionlint.rules.kms;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.KeyLocation;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL5002: compute that encrypts or decrypts with a key in another Region calls KMS across
 * Regions on every use, so it fails when that Region does. Reported once per policy entry and
 * compute Region, naming every compute in that Region that runs with the role.
 */
@RuleInfo(id = "RL5002", summary = "Compute in one Region is granted a KMS key in another Region",
        severity = Severity.WARNING, category = "kms", since = "0.1.0")
public final class KmsCrossRegionDependencyRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        Map<String, List<KmsKeys.Grant>> byEntry = new LinkedHashMap<>();
        for (KmsKeys.Grant grant : KmsKeys.grants(topology)) {
            Optional<String> region = grant.use().region();
            if (region.isEmpty() || grant.key().region().isEmpty() || grant.key().region().equals(region)
                    || grant.key().awsManaged()) {
                continue;
            }
            String entry = grant.statement().owner().key() + "|" + grant.at().pointer() + "|"
                    + grant.key().reference() + "|" + region.get();
            byEntry.computeIfAbsent(entry, k -> new ArrayList<>()).add(grant);
        }
        for (List<KmsKeys.Grant> grants : byEntry.values()) {
            report(context, topology, grants);
        }
    }

    private static void report(RuleContext context, Topology topology, List<KmsKeys.Grant> grants) {
        KmsKeys.Grant first = grants.get(0);
        KeyLocation key = first.key();
        String region = first.use().region().orElseThrow();
        String keyRegion = key.region().orElseThrow();
        Resource role = first.use().role();
        String computes = Prose.list(grants.stream().map(g -> g.use().label()).distinct().toList());
        FindingBuilder finding = context.report(Site.of(first.statement().owner(), first.at()), "Role '"
                        + role.displayName() + "' lets " + computes + " in " + region + " use KMS key " + KmsKeys.name(key)
                        + " in " + keyRegion + " (" + String.join(", ", first.actions()) + "), so each of those calls"
                        + " crosses to " + keyRegion + " and fails when it is unreachable; " + fix(topology, key, region))
                .key(region + "|" + key.reference()).regions(Optional.of(region)).regions(key.region());
        for (KmsKeys.Grant grant : grants) {
            finding.related(grant.use().compute(), Optional.of(grant.use().at()), grant.use().label() + " runs with"
                    + " role '" + role.displayName() + "' in " + region);
        }
    }

    private static String fix(Topology topology, KeyLocation key, String region) {
        Optional<String> local = KmsKeys.localMember(topology, key, region);
        if (local.isPresent()) {
            return "grant and use " + local.get() + " instead";
        }
        if (key.multiRegion().orElse(false)) {
            return "add a replica key (AWS::KMS::ReplicaKey) of this multi-Region key in " + region
                    + " and grant and use that replica there";
        }
        return "use a multi-Region key (a new key with MultiRegion: true; an existing key cannot be converted) with a"
                + " replica key (AWS::KMS::ReplicaKey) in " + region + " and grant that replica, or give the compute in "
                + region + " a key of its own there";
    }
}
