package io.regionlint.rules.dynamodb;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RL3010: CloudFormation controls each global table from one stack in one Region. The same
 * table declared by several stack instances (the same literal {@code TableName}, or the same
 * logical id in twin instances of one stack) makes those stacks fight over its replicas.
 */
@RuleInfo(id = "RL3010", summary = "The same global table is declared by more than one stack instance",
        severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbGlobalTableInSeveralStacksRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Map<String, List<GlobalTable>> byIdentity = new LinkedHashMap<>();
        Map<String, Set<String>> managedRegions = new HashMap<>();
        for (GlobalTable table : context.topology().globalTables()) {
            if (table.table().conditionUnknown()) {
                continue; // an undecided Condition is often exactly the guard that keeps it in one Region
            }
            Set<String> regions = new LinkedHashSet<>(table.replicaRegions());
            regions.addAll(table.witnessRegions());
            managedRegions.put(table.table().key(), regions);
            for (String identity : identities(table.table())) {
                byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(table);
            }
        }
        for (GlobalTable table : context.topology().globalTables()) {
            Resource r = table.table();
            Set<String> mine = managedRegions.get(r.key());
            if (mine == null) {
                continue;
            }
            Map<String, Resource> peers = new LinkedHashMap<>();
            Set<String> shared = new LinkedHashSet<>();
            for (String identity : identities(r)) {
                for (GlobalTable other : byIdentity.get(identity)) {
                    if (other.table().stack().id().equals(r.stack().id())) {
                        continue; // one stack instance: not the several-stacks problem
                    }
                    Set<String> overlap = new LinkedHashSet<>(mine);
                    overlap.retainAll(managedRegions.get(other.table().key()));
                    if (!overlap.isEmpty()) {
                        peers.putIfAbsent(other.table().key(), other.table());
                        shared.addAll(overlap);
                    }
                }
            }
            if (peers.isEmpty()) {
                continue;
            }
            List<String> others = peers.values().stream().map(p -> p.stack().name() + " ("
                    + p.stack().regionLabel() + ")").toList();
            boolean twinsOnly = peers.values().stream().allMatch(p -> p.stack().group().equals(r.stack().group()));
            String fix = twinsOnly ? "guard the resource with a Condition so that only one Region creates it"
                    : "declare it in one of these stacks only and refer to it by name from the others";
            FindingBuilder finding = context.report(Site.of(r), "Global table '" + r.displayName() + "' of stack "
                    + r.stack().name() + " (" + r.stack().regionLabel() + ") is also declared by "
                    + (others.size() == 1 ? "stack " : "stacks ") + Prose.list(others) + ", and "
                    + (others.size() == 1 ? "both" : "all") + " would manage it in " + Prose.list(shared)
                    + "; CloudFormation controls a global table from one stack in one Region: " + fix);
            for (Resource peer : peers.values()) {
                finding.related(peer, Optional.empty(), "the same global table, declared by stack "
                        + peer.stack().name());
            }
        }
    }

    /**
     * What makes two declarations the same table: the same literal name in one account, or the
     * same logical id in twin instances (one stack deployed to several Regions) of one account.
     */
    private static List<String> identities(Resource table) {
        String account = table.stack().account().orElse("?");
        List<String> out = new ArrayList<>();
        if (!Tokens.containsToken(table.physicalName())) {
            out.add("name|" + account + "|" + table.physicalName());
        }
        out.add("twin|" + account + "|" + table.stack().group() + "|" + table.logicalId());
        return out;
    }
}
