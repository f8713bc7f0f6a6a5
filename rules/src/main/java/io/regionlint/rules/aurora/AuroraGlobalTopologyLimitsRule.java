package io.regionlint.rules.aurora;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.rules.facts.AwsFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RL4003: the shape limits of an Aurora global database: at most so many secondary Regions,
 * every member in its own Region, primary readers plus secondaries within a bound, and at most so
 * many instances in a secondary (the numbers are in the AWS facts file).
 */
@RuleInfo(id = "RL4003", summary = "An Aurora global database exceeds the limits on secondary Regions, members per"
        + " Region or DB instances per cluster", severity = Severity.ERROR, category = "aurora", since = "0.1.0")
public final class AuroraGlobalTopologyLimitsRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        int maxSecondaries = AwsFacts.number("aurora.global.maxSecondaryRegions");
        int maxReadersPlusSecondaries = AwsFacts.number("aurora.global.maxPrimaryReadersPlusSecondaries");
        int maxSecondaryInstances = AwsFacts.number("aurora.global.maxSecondaryInstances");
        for (GlobalDatabase db : topology.globalDatabases()) {
            // Members that may not exist (an undecidable Condition) never push a count over a limit.
            List<Resource> members = GlobalDatabases.primaryFirst(db).stream().filter(m -> !m.conditionUnknown())
                    .toList();
            tooManySecondaries(context, db, members, maxSecondaries);
            sharedRegions(context, db, members);
            int secondaries = members.size() - 1;
            db.primary().filter(p -> !p.conditionUnknown()).ifPresent(p -> tooManyPrimaryReaders(context, topology,
                    db, p, secondaries, maxReadersPlusSecondaries));
            for (Resource secondary : GlobalDatabases.knownSecondaries(db)) {
                int instances = existing(topology.instancesOf(secondary));
                if (instances > maxSecondaryInstances) {
                    context.report(Site.of(secondary), "Secondary cluster " + secondary.describe() + " of global"
                            + " database " + GlobalDatabases.name(db) + " has " + instances + " DB instances; a"
                            + " secondary cluster holds at most " + maxSecondaryInstances + ": remove "
                            + plural(instances - maxSecondaryInstances, "instance"));
                }
            }
        }
    }

    private static void tooManySecondaries(RuleContext context, GlobalDatabase db, List<Resource> members, int max) {
        int secondaries = members.size() - 1;
        if (secondaries <= max) {
            return;
        }
        List<Resource> listed = db.primary().isPresent() ? members.subList(1, members.size()) : members;
        String regions = listed.stream().map(m -> m.stack().regionLabel()).distinct().collect(Collectors.joining(", "));
        String message = "Global database " + GlobalDatabases.name(db) + " has " + secondaries + " secondary clusters"
                + " besides its primary (" + (db.primary().isPresent() ? "in " : "members in ") + regions
                + "); Aurora allows at most " + max + " secondary Regions: remove " + (secondaries - max) + " of them";
        if (db.globalCluster().isPresent()) {
            context.report(Site.of(db.globalCluster().get()), message);
        } else {
            Resource first = members.get(max + 1);
            context.report(Site.of(first), message);
        }
    }

    private static void sharedRegions(RuleContext context, GlobalDatabase db, List<Resource> members) {
        Map<String, Resource> firstInRegion = new LinkedHashMap<>();
        for (Resource member : members) {
            if (member.region().isEmpty()) {
                continue;
            }
            Resource first = firstInRegion.putIfAbsent(member.region().get(), member);
            if (first != null) {
                context.report(Site.of(member), "Clusters " + first.describe() + " and '" + member.displayName()
                                + "' of global database " + GlobalDatabases.name(db) + " are both in "
                                + member.region().get() + "; every member of a global database must be in a"
                                + " different Region: move '" + member.displayName() + "' to another Region or"
                                + " remove it from the global database")
                        .related(first, Optional.empty(), "the other member in " + member.region().get());
            }
        }
    }

    private static void tooManyPrimaryReaders(RuleContext context, Topology topology, GlobalDatabase db,
                                              Resource primary, int secondaries, int max) {
        int instances = existing(topology.instancesOf(primary));
        int readers = instances - 1;
        if (readers < 1 || readers + secondaries <= max) {
            return;
        }
        int allowed = Math.max(0, max - secondaries);
        context.report(Site.of(primary), "Primary cluster " + primary.describe() + " of global database "
                + GlobalDatabases.name(db) + " has " + readers + " reader instances besides its writer and the"
                + " database has " + secondaries + " secondary clusters; Aurora allows at most " + max + " - "
                + secondaries + " = " + allowed + " readers in the primary: remove " + plural(readers - allowed, "reader")
                + " or a secondary cluster");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Instances that certainly exist (not guarded by an undecidable Condition). */
    private static int existing(List<Resource> instances) {
        return (int) instances.stream().filter(i -> !i.conditionUnknown()).count();
    }
}
