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

/**
 * RL3002: a global table with multi-Region strong consistency spans exactly three Regions:
 * three replicas, or two replicas and one witness.
 */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency (MultiRegionConsistency, witnesses), which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL3002", summary = "A global table with multi-Region strong consistency does not span exactly three"
        + " Regions", severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbMrscNotThreeRegionsRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            if (!table.strong() || !table.complete()) {
                continue; // an unknown Region could be any Region, or a repeat of a known one
            }
            List<String> replicas = table.replicaRegions();
            List<String> witnesses = table.witnessRegions();
            boolean valid = replicas.size() == 3 && witnesses.isEmpty()
                    || replicas.size() == 2 && witnesses.size() == 1;
            if (valid) {
                continue;
            }
            Value at = table.table().properties().get("Replicas").orElse(table.table().properties());
            String witnessText = witnesses.isEmpty() ? "no witness"
                    : DynamoDbFacts.count(witnesses.size(), "witness Region", "witness Regions") + " ("
                    + Prose.list(witnesses) + ")";
            context.report(Site.of(table.table(), at), "MRSC " + DynamoDbFacts.name(table) + " has "
                    + DynamoDbFacts.count(replicas.size(), "replica Region", "replica Regions")
                    + (replicas.isEmpty() ? "" : " (" + Prose.list(replicas) + ")") + " and " + witnessText
                    + "; multi-Region strong consistency needs exactly three Regions: " + advice(replicas.size(),
                    witnesses.size()));
        }
    }

    private static String advice(int replicas, int witnesses) {
        if (replicas == 2 && witnesses == 0) {
            return "add a third replica, or a witness Region in GlobalTableWitnesses";
        }
        if (replicas < 2) {
            return "declare three replicas, or two replicas and one witness Region";
        }
        if (witnesses > 0 && replicas >= 3) {
            return "remove the witness (three replicas need none) or remove replicas down to two";
        }
        return "keep three replicas, or two replicas and one witness Region";
    }
}
