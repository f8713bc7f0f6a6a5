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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RL4006: write forwarding lets an application write through its own Region's secondary
 * cluster; when only some secondaries forward, the same application works in some Regions and
 * gets errors in others.
 */
@RuleInfo(id = "RL4006", summary = "Write forwarding is on for some secondary clusters of an Aurora global database"
        + " and off for others", severity = Severity.NOTE, category = "aurora", since = "0.1.0")
public final class AuroraGlobalWriteForwardingInconsistentRule implements Rule {

    private static final String PROPERTY = "EnableGlobalWriteForwarding";

    @Override
    public void check(RuleContext context) {
        Topology topology = context.topology();
        for (GlobalDatabase db : topology.globalDatabases()) {
            List<Resource> forwarding = new ArrayList<>();
            List<Resource> notForwarding = new ArrayList<>();
            boolean known = true;
            for (Resource secondary : GlobalDatabases.knownSecondaries(db)) {
                if (GlobalDatabases.inQuietRegion(topology, secondary)) {
                    continue;
                }
                Optional<Boolean> on = GlobalDatabases.flag(secondary, PROPERTY, false);
                known &= on.isPresent();
                on.ifPresent(o -> (o ? forwarding : notForwarding).add(secondary));
            }
            if (!known || forwarding.isEmpty() || notForwarding.isEmpty()) {
                continue;
            }
            Resource example = forwarding.get(0);
            for (Resource secondary : notForwarding) {
                Optional<Value> value = secondary.properties().get(PROPERTY);
                Site site = value.map(v -> Site.of(secondary, v)).orElseGet(() -> Site.of(secondary));
                context.report(site, "Secondary cluster " + secondary.describe() + " of global database "
                                + GlobalDatabases.name(db) + " does not forward writes, but " + example.describe()
                                + " does (EnableGlobalWriteForwarding: true); an application that writes through its"
                                + " Region's cluster works in " + example.stack().regionLabel() + " and fails in "
                                + secondary.stack().regionLabel() + ": set EnableGlobalWriteForwarding the same on"
                                + " every secondary cluster")
                        .related(example, example.properties().get(PROPERTY), "a secondary cluster that forwards writes");
            }
        }
    }
}
