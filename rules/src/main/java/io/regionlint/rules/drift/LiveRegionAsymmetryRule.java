package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.DeployedOrigin;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RL8008: a deployed resource of twin stacks exists in one Region and not in another Region
 * where its twin stack is deployed, with no template in the run to say why. Twins come from
 * CloudFormation's tags ({@link DeployedOrigin}: one logical id in stacks of one account whose
 * names differ only by their Region code); a twin stack is deployed in a Region where AWS Config
 * recorded any resource tagged with its name there. The absent twin is reported only where
 * absence means something: the Region is active or standby (never a witness), Config records the
 * type there ({@link DeclaredDeployed#recordedIn}: a complete pull or another item of the type),
 * and no stack resource list (a bundle's or a Config stack item's) names the logical id there.
 * Stacks that a template in the run declares, and resources joined to a declared one, are left to
 * the declared comparisons: RL8002 reports a declared resource that is not deployed, RL8003 a
 * deployed one the template lacks, and a template's condition explains a resource made in one
 * Region only.
 */
@RuleInfo(id = "RL8008", summary = "A deployed resource of twin stacks exists in one Region but not in its twin",
        severity = Severity.WARNING, category = "drift", since = "0.1.0")
public final class LiveRegionAsymmetryRule implements Rule {

    /**
     * One twin group.
     *
     * @param stacks the stack name with its Region code as a placeholder ({@code app-{Region}})
     */
    private record Key(String account, String stacks, String logicalId) {
    }

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        DeclaredDeployed joined = null;
        Map<Key, Map<String, Resource>> groups = new TreeMap<>(KEY_ORDER);
        // stacks a template in the run declares: RL8002 and RL8003 compare those with their template
        java.util.Set<String> declaredStacks = new java.util.HashSet<>();
        topology.stacks().stream().filter(s -> !s.isObserved()).forEach(s -> declaredStacks.add(s.name()));
        // the deployed stack name of each twin group per account and Region, from any tagged item
        Map<String, Map<String, String>> stackNames = new TreeMap<>();
        for (Resource r : topology.resources()) {
            Optional<DeployedOrigin> origin = DeployedOrigin.of(r).filter(o -> r.region().isPresent()
                    && !declaredStacks.contains(o.stackName()));
            Optional<Key> key = origin.flatMap(o -> o.stackGroup().map(group -> new Key(o.account(), group,
                    o.logicalId())));
            if (key.isEmpty()) {
                continue;
            }
            String region = r.region().get();
            stackNames.computeIfAbsent(key.get().account() + "\n" + key.get().stacks(), k -> new TreeMap<>())
                    .putIfAbsent(region, origin.get().stackName());
            joined = joined == null ? DeclaredDeployed.of(topology) : joined;
            if (joined.declaredOf(r).isEmpty()) {
                groups.computeIfAbsent(key.get(), k -> new TreeMap<>()).putIfAbsent(region, r);
            }
        }
        for (Map.Entry<Key, Map<String, Resource>> group : groups.entrySet()) {
            Key key = group.getKey();
            Map<String, Resource> present = group.getValue();
            Map<String, String> deployedIn = stackNames.get(key.account() + "\n" + key.stacks());
            Resource first = present.values().iterator().next();
            List<String> absent = new ArrayList<>();
            for (Map.Entry<String, String> stack : deployedIn.entrySet()) {
                String region = stack.getKey();
                if (present.containsKey(region) || !counts(topology, region)
                        || !joined.recordedIn(first.type(), Optional.of(key.account()), Optional.of(region))
                        || topology.coverage().physicalId(Optional.of(key.account()), region, stack.getValue(),
                                key.logicalId()).isPresent()) {
                    continue;
                }
                absent.add(region);
            }
            if (!absent.isEmpty()) {
                report(context, key, first, present, absent, deployedIn);
            }
        }
    }

    private static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator
            .comparing(Key::account).thenComparing(Key::stacks)
            .thenComparing(Key::logicalId);

    /** An active or standby Region of the system (one the project file does not name counts as active). */
    private static boolean counts(Topology topology, String region) {
        return topology.regionRole(region).orElse(RegionRole.ACTIVE) != RegionRole.WITNESS;
    }

    private static void report(RuleContext context, Key key, Resource first, Map<String, Resource> present,
                               List<String> absent, Map<String, String> deployedIn) {
        String where = String.join(", ", present.keySet());
        String missing = String.join(", ", absent);
        String stacks = String.join(", ", absent.stream().map(r -> "'" + deployedIn.get(r) + "'").toList());
        String captured = first.observed().flatMap(o -> o.captureTime()).map(t -> " (captured " + t + ")").orElse("");
        var finding = context.report(Site.of(first), first.type() + " '" + first.physicalName() + "' (logical id '"
                + key.logicalId() + "' of the deployed stacks '" + key.stacks() + "') exists in " + where + captured
                + " but not in " + missing + ", where its twin stack " + stacks + " is deployed and AWS Config records "
                + first.type() + " resources: the Regions are not twins, so " + missing + " cannot take over what"
                + " this resource does; deploy the same template version to every twin stack (or, if a Condition"
                + " creates it in one Region only on purpose, suppress this finding for it)");
        absent.forEach(r -> finding.regions(Optional.of(r)));
        present.values().stream().skip(1).forEach(r -> finding.related(r, Optional.empty(), "the twin in "
                + r.region().get()));
        finding.key(key.stacks() + "/" + key.logicalId());
    }
}
