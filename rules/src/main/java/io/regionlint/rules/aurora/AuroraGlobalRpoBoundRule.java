package io.regionlint.rules.aurora;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import io.regionlint.rules.facts.AwsFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RL4007: {@code rds.global_db_rpo} (Aurora PostgreSQL's managed RPO) accepts only a range of
 * seconds, and in a global database with only two Regions AWS recommends leaving it unset in the
 * secondary Region's parameter group, where it would pause transactions after a failover.
 */
@RuleInfo(id = "RL4007", summary = "rds.global_db_rpo of an Aurora global database member is out of range or set in"
        + " the secondary of a two-Region database", severity = Severity.WARNING, category = "aurora",
        since = "0.1.0")
public final class AuroraGlobalRpoBoundRule implements Rule {

    static final String PARAMETER_GROUP = "AWS::RDS::DBClusterParameterGroup";
    static final String RPO = "rds.global_db_rpo";

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        BigDecimal min = BigDecimal.valueOf(AwsFacts.number("aurora.global.rpo.minSeconds"));
        BigDecimal max = new BigDecimal(AwsFacts.text("aurora.global.rpo.maxSeconds"));
        Map<String, List<Resource>> groups = groupsByName(topology);
        Set<String> reported = new HashSet<>();
        for (GlobalDatabase db : topology.globalDatabases()) {
            for (Resource member : GlobalDatabases.primaryFirst(db)) {
                Optional<Resource> group = parameterGroup(groups, member);
                Optional<Value> rpo = group.flatMap(g -> g.properties().at("Parameters", RPO));
                if (rpo.isEmpty() || rpo.get().text().isEmpty()) {
                    continue;
                }
                Resource g = group.get();
                String value = rpo.get().text().get().trim();
                Optional<BigDecimal> seconds = GlobalDatabases.number(rpo.get());
                boolean inRange = seconds.isPresent() && seconds.get().stripTrailingZeros().scale() <= 0
                        && seconds.get().compareTo(min) >= 0 && seconds.get().compareTo(max) <= 0;
                if (!inRange) {
                    if (reported.add(g.key())) {
                        context.report(Site.of(g, rpo.get()), "Cluster parameter group " + g.describe() + " of cluster "
                                        + member.describe() + " (global database " + GlobalDatabases.name(db)
                                        + ") sets " + RPO + " to " + value + "; Aurora accepts only whole seconds from "
                                        + min + " to " + max.toPlainString() + ": set a value in that range, or remove"
                                        + " the parameter to turn the RPO limit off")
                                .related(member, member.properties().get("DBClusterParameterGroupName"),
                                        "the cluster that uses the parameter group");
                    }
                } else if (twoRegionSecondary(db, member) && reported.add(g.key())) {
                    Resource primary = db.primary().orElseThrow();
                    context.report(Site.of(g, rpo.get()), "Cluster parameter group " + g.describe() + " of secondary"
                                    + " cluster " + member.describe() + " sets " + RPO + " to " + value + ", but global"
                                    + " database " + GlobalDatabases.name(db) + " has only two Regions; after a failover"
                                    + " out of " + primary.stack().regionLabel() + " the new primary has no secondary"
                                    + " and Aurora could pause transactions: keep the default (unset) " + RPO + " in the"
                                    + " secondary Region's parameter group")
                            .related(member, member.properties().get("DBClusterParameterGroupName"),
                                    "the secondary cluster that uses the parameter group");
                }
            }
        }
    }

    /** The secondary of a global database with exactly one primary and one secondary that surely exist. */
    private static boolean twoRegionSecondary(GlobalDatabase db, Resource member) {
        return db.primary().isPresent() && db.members().size() == 2
                && db.members().stream().noneMatch(Resource::conditionUnknown)
                && !db.primary().get().key().equals(member.key());
    }

    /** The loaded cluster parameter group a cluster names; empty when it is a default group, unknown or not loaded. */
    private static Optional<Resource> parameterGroup(Map<String, List<Resource>> groups, Resource cluster) {
        Optional<String> name = cluster.properties().textAt("DBClusterParameterGroupName");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return groups.getOrDefault(key(name.get()), List.of()).stream()
                .filter(g -> GlobalDatabases.samePlace(g, cluster) || Tokens.containsToken(name.get()))
                .findFirst();
    }

    /** Parameter groups by name (a literal name without case, or the token {@code Ref} gives). */
    private static Map<String, List<Resource>> groupsByName(Topology topology) {
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource group : topology.resources(PARAMETER_GROUP)) {
            if (group.properties().get("Parameters").map(p -> p instanceof MapValue).orElse(false)) {
                out.computeIfAbsent(key(group.physicalName()), k -> new ArrayList<>()).add(group);
            }
        }
        return out;
    }

    private static String key(String name) {
        return Tokens.containsToken(name) ? name : name.toLowerCase(Locale.ROOT);
    }
}
