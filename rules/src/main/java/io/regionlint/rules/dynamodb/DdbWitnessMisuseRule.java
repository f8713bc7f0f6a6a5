package io.regionlint.rules.dynamodb;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.Value;
import io.regionlint.rules.Prose;
import java.util.List;
import java.util.Optional;

/**
 * RL3003: a witness Region belongs only to a table with multi-Region strong consistency, must
 * be a Region without a replica, and there is at most one.
 */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency (MultiRegionConsistency, witnesses), which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL3003", summary = "A global table's witness Region is declared where DynamoDB does not accept it",
        severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbWitnessMisuseRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            Optional<Value> list = table.table().properties().get("GlobalTableWitnesses");
            if (list.isEmpty() || table.witnesses().isEmpty()) {
                continue;
            }
            List<String> witnessRegions = table.witnessRegions();
            String regionsText = witnessRegions.isEmpty() ? "" : " (" + Prose.list(witnessRegions) + ")";
            if (table.consistency().filter("EVENTUAL"::equals).isPresent()) {
                boolean defaulted = table.table().properties().get("MultiRegionConsistency").isEmpty();
                context.report(Site.of(table.table(), list.get()), "Eventually consistent "
                                + DynamoDbFacts.name(table) + " declares a witness Region" + regionsText
                                + (defaulted ? " but sets no MultiRegionConsistency, which means EVENTUAL" : "")
                                + "; witnesses exist only for multi-Region strong consistency: remove"
                                + " GlobalTableWitnesses, or create the table with MultiRegionConsistency: STRONG")
                        .key("eventual");
            }
            List<String> replicaRegions = table.replicaRegions();
            for (GlobalTable.Witness witness : table.witnesses()) {
                if (witness.region().isPresent() && replicaRegions.contains(witness.region().get())) {
                    Value at = witness.spec().get("Region").orElse(witness.spec());
                    context.report(Site.of(table.table(), at), "Global table " + table.table().describe()
                                    + " has its witness in " + witness.region().get() + ", which also holds a"
                                    + " replica; the witness must be in a Region without a replica: move it to a third"
                                    + " Region")
                            .key("witness-in-replica-region " + witness.region().get());
                }
            }
            if (table.witnesses().size() > 1) {
                GlobalTable.Witness second = table.witnesses().get(1);
                context.report(Site.of(table.table(), second.spec()), "Global table " + table.table().describe()
                                + " declares " + table.witnesses().size() + " witnesses" + regionsText
                                + "; a global table takes at most one witness Region: keep one")
                        .key("several-witnesses");
            }
        }
    }
}
