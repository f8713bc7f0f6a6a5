package io.regionlint.rules.aurora;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.Resource;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL4004: features Aurora Global Database does not support on its members: Backtrack, Aurora
 * Serverless v1, Secrets Manager integration for the master password, and Aurora Auto Scaling of
 * a secondary cluster's readers.
 */
@RuleInfo(id = "RL4004", summary = "A member of an Aurora global database uses a feature global databases do not"
        + " support", severity = Severity.ERROR, category = "aurora", since = "0.1.0")
public final class AuroraGlobalUnsupportedFeatureRule implements Rule {

    static final String SCALABLE_TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";
    private static final String READ_REPLICA_COUNT = "rds:cluster:ReadReplicaCount";
    private static final String CLUSTER_PREFIX = "cluster:";

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        Map<String, List<Resource>> targetsByPlace = readerScalingTargets(topology);
        for (GlobalDatabase db : topology.globalDatabases()) {
            for (Resource member : db.members()) {
                backtrack(context, db, member);
                serverlessV1(context, db, member);
                managedPassword(context, db, member);
            }
            for (Resource secondary : GlobalDatabases.knownSecondaries(db)) {
                for (Resource target : targetsByPlace.getOrDefault(place(secondary), List.of())) {
                    Value resourceId = target.properties().get("ResourceId").orElseThrow();
                    String id = resourceId.text().orElseThrow().substring(CLUSTER_PREFIX.length());
                    if (GlobalDatabases.names(id, secondary)) {
                        context.report(Site.of(target, resourceId), "Scalable target '" + target.logicalId() + "' ("
                                        + target.stack().regionLabel() + ") scales the readers of secondary cluster "
                                        + secondary.describe() + " of global database " + GlobalDatabases.name(db)
                                        + ", but Aurora Global Database does not support Aurora Auto Scaling for"
                                        + " secondary clusters: remove the scalable target from the secondary Region"
                                        + " (for example with a Condition) and provision the readers it needs")
                                .related(secondary, Optional.empty(), "the secondary cluster");
                    }
                }
            }
        }
    }

    private static void backtrack(RuleContext context, GlobalDatabase db, Resource member) {
        Optional<Value> window = member.properties().get("BacktrackWindow");
        Optional<BigDecimal> seconds = window.flatMap(GlobalDatabases::number);
        if (seconds.isPresent() && seconds.get().signum() > 0) {
            context.report(Site.of(member, window.get()), "Cluster " + member.describe() + " of global database "
                    + GlobalDatabases.name(db) + " sets BacktrackWindow: " + seconds.get().toPlainString() + ", but"
                    + " Aurora Global Database does not support backtracking: remove BacktrackWindow (or set it to 0)");
        }
    }

    private static void serverlessV1(RuleContext context, GlobalDatabase db, Resource member) {
        if (GlobalDatabases.lowerText(member, "EngineMode").map("serverless"::equals).orElse(false)) {
            context.report(Site.of(member, member.properties().get("EngineMode").orElseThrow()), "Cluster "
                    + member.describe() + " of global database " + GlobalDatabases.name(db) + " uses EngineMode:"
                    + " serverless (Aurora Serverless v1), which Aurora Global Database does not support: use"
                    + " EngineMode: provisioned, with db.serverless instances for Aurora Serverless v2");
        }
    }

    private static void managedPassword(RuleContext context, GlobalDatabase db, Resource member) {
        if (GlobalDatabases.flag(member, "ManageMasterUserPassword", false).orElse(false)) {
            context.report(Site.of(member, member.properties().get("ManageMasterUserPassword").orElseThrow()),
                    "Cluster " + member.describe() + " of global database " + GlobalDatabases.name(db) + " sets"
                            + " ManageMasterUserPassword: true, but Secrets Manager integration does not support"
                            + " Aurora Global Database: remove it and set MasterUserPassword from a secret you"
                            + " manage, for example a dynamic reference {{resolve:secretsmanager:...}}");
        }
    }

    /** Scalable targets of Aurora reader counts, by the account and Region they are in. */
    private static Map<String, List<Resource>> readerScalingTargets(Topology topology) {
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource target : topology.resources(SCALABLE_TARGET)) {
            boolean rds = target.properties().textAt("ServiceNamespace").map("rds"::equals).orElse(false);
            boolean readers = target.properties().textAt("ScalableDimension").map(READ_REPLICA_COUNT::equals)
                    .orElse(false);
            boolean cluster = target.properties().textAt("ResourceId").map(t -> t.startsWith(CLUSTER_PREFIX))
                    .orElse(false);
            if (rds && readers && cluster && target.region().isPresent()) {
                out.computeIfAbsent(place(target), k -> new ArrayList<>()).add(target);
            }
        }
        return out;
    }

    private static String place(Resource resource) {
        return resource.stack().account().orElse("?") + "|" + resource.region().orElse("?");
    }
}
