package io.regionlint.rules.kms;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.KeyLocation;
import io.regionlint.model.KeyUse;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RL5004: a multi-Region key exists to be used locally in several Regions; used in a Region
 * where neither the primary nor a replica of it exists, every use there calls KMS in another
 * Region (or fails). Reported at the primary key, once per Region that lacks a replica.
 */
@RuleInfo(id = "RL5004", summary = "A multi-Region KMS key is used in a Region where it has no replica",
        severity = Severity.WARNING, category = "kms", since = "0.1.0")
public final class KmsMultiRegionKeyReplicaMissingRule implements Rule {

    /** One place a key of a family is used from a Region. */
    private record Use(String region, Resource owner, Value at, KeyLocation key, String what) {
    }

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        Map<String, Map<String, List<Use>>> byPrimary = new LinkedHashMap<>();
        Map<String, Resource> primaries = new LinkedHashMap<>();
        for (Use use : uses(topology)) {
            Optional<Resource> primary = use.key().key().flatMap(k -> KmsKeys.primaryOf(topology, k))
                    .filter(KmsKeys::multiRegionPrimary);
            if (primary.isEmpty() || primary.get().region().isEmpty()) {
                continue;
            }
            primaries.putIfAbsent(primary.get().key(), primary.get());
            byPrimary.computeIfAbsent(primary.get().key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(use.region(), r -> new ArrayList<>()).add(use);
        }
        for (Map.Entry<String, Map<String, List<Use>>> e : byPrimary.entrySet()) {
            Resource primary = primaries.get(e.getKey());
            e.getValue().forEach((region, uses) -> {
                if (KmsKeys.memberIn(topology, primary, region).isEmpty()
                        && !KmsKeys.mayHaveUnjoinedReplica(topology, primary, region)) {
                    report(context, primary, region, uses);
                }
            });
        }
    }

    private static void report(RuleContext context, Resource primary, String region, List<Use> uses) {
        String what = uses.stream().map(Use::what).distinct().collect(Collectors.joining("; "));
        FindingBuilder finding = context.report(Site.of(primary), "Multi-Region key " + primary.describe()
                        + " is used in " + region + " (" + what + "), but neither it nor a replica of it exists in "
                        + region + "; add a replica key (AWS::KMS::ReplicaKey with this key's ARN as PrimaryKeyArn)"
                        + " to a stack in " + region + " and use that replica there")
                .key(region).regions(Optional.of(region));
        for (Use use : uses) {
            finding.related(use.owner(), Optional.of(use.at()), "uses the key in " + region);
        }
    }

    /** Every use of a loaded KMS key with the Region it is used from: data copies, grants, environment. */
    private static List<Use> uses(Topology topology) {
        List<Use> out = new ArrayList<>();
        for (KeyUse use : topology.keyUses()) {
            use.copyRegion().ifPresent(r -> out.add(new Use(r, use.owner(), use.at(), use.location(), "the " + use.copy())));
        }
        for (KmsKeys.Grant grant : KmsKeys.grants(topology)) {
            grant.use().region().ifPresent(r -> out.add(new Use(r, grant.statement().owner(), grant.at(), grant.key(),
                    grant.use().label() + " with role '" + grant.use().role().displayName() + "'")));
        }
        for (KmsKeys.EnvironmentReference reference : KmsKeys.environment(topology)) {
            reference.compute().region().ifPresent(r -> out.add(new Use(r, reference.compute(), reference.at(), reference.key(),
                    "the environment of " + reference.compute().describe())));
        }
        return out;
    }
}
