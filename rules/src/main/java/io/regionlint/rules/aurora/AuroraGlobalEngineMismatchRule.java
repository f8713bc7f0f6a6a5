package io.regionlint.rules.aurora;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * RL4001: managed cross-Region switchover and failover need every member of an Aurora global
 * database on the same engine and the same major and minor version; for Aurora MySQL, and for
 * Aurora PostgreSQL below the versions in the facts file, on the same patch level too.
 */
@RuleInfo(id = "RL4001", summary = "Members of an Aurora global database run different engines or engine versions",
        severity = Severity.ERROR, category = "aurora", since = "0.1.0")
public final class AuroraGlobalEngineMismatchRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GlobalDatabase db : context.topology().globalDatabases()) {
            List<Resource> members = GlobalDatabases.primaryFirst(db);
            Optional<String> engine = checkEngines(context, db, members);
            engine.ifPresent(e -> checkVersions(context, db, members, e));
        }
    }

    /** Reports members whose engine differs from the global cluster's (or the first known one); returns that engine. */
    private static Optional<String> checkEngines(RuleContext context, GlobalDatabase db, List<Resource> members) {
        Optional<Resource> owner = db.globalCluster().filter(g -> GlobalDatabases.lowerText(g, "Engine").isPresent())
                .or(() -> members.stream().filter(m -> GlobalDatabases.lowerText(m, "Engine").isPresent()).findFirst());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        String engine = GlobalDatabases.lowerText(owner.get(), "Engine").orElseThrow();
        String ownerName = owner.get().isType(GlobalDatabases.CLUSTER) ? GlobalDatabases.role(db, owner.get())
                : "global cluster " + owner.get().describe();
        for (Resource member : members) {
            Optional<String> own = GlobalDatabases.lowerText(member, "Engine");
            if (own.isEmpty() || own.get().equals(engine) || member.key().equals(owner.get().key())) {
                continue;
            }
            context.report(Site.of(member, member.properties().get("Engine").orElseThrow()), "Cluster "
                            + member.describe() + " of global database " + GlobalDatabases.name(db) + " runs "
                            + own.get() + ", but " + ownerName + " runs " + engine + "; every member of a global"
                            + " database runs the same engine: set Engine: " + engine)
                    .related(owner.get(), owner.get().properties().get("Engine"), "the engine of the global database");
        }
        return Optional.of(engine);
    }

    /** Compares each member's version with the primary's (or the first member's with a known version). */
    private static void checkVersions(RuleContext context, GlobalDatabase db, List<Resource> members, String engine) {
        Resource reference = null;
        EngineVersion expected = null;
        for (Resource member : members) {
            Optional<EngineVersion> version = version(member, engine);
            if (version.isEmpty()) {
                continue;
            }
            if (reference == null) {
                reference = member;
                expected = version.get();
                continue;
            }
            Optional<String> problem = problem(engine, expected, version.get());
            if (problem.isPresent()) {
                context.report(Site.of(member, member.properties().get("EngineVersion").orElseThrow()), "Cluster "
                                + member.describe() + " of global database " + GlobalDatabases.name(db) + " runs "
                                + engine + " " + version.get().text() + ", but " + GlobalDatabases.role(db, reference)
                                + " runs " + expected.text() + "; " + problem.get() + ": set the same EngineVersion on"
                                + " every member")
                        .related(reference, reference.properties().get("EngineVersion"),
                                "the engine version the other members are compared with");
            }
        }
    }

    /** The member's version when its engine is the database's and both are known. */
    private static Optional<EngineVersion> version(Resource member, String engine) {
        if (!GlobalDatabases.lowerText(member, "Engine").map(engine::equals).orElse(false)) {
            return Optional.empty();
        }
        return member.properties().textAt("EngineVersion").flatMap(EngineVersion::parse);
    }

    private static Optional<String> problem(String engine, EngineVersion expected, EngineVersion actual) {
        if (!expected.comparableWith(actual)) {
            return Optional.empty();
        }
        if (!expected.sameMajorAndMinor(actual)) {
            return Optional.of("managed cross-Region switchover and failover need the same major and minor version");
        }
        if (!expected.patchDiffers(actual) || expected.patchMayDiffer(engine)) {
            return Optional.empty();
        }
        String from = expected.patchThreshold(engine).map(t -> " (patch levels may differ from " + t + ")").orElse("");
        return Optional.of(engine + " " + expected.majorAndMinor() + " allows managed cross-Region switchover and"
                + " failover only between identical patch levels" + from);
    }
}
