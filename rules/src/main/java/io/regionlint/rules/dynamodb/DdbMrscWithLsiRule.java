package io.regionlint.rules.dynamodb;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.MapValue;
import io.regionlint.model.Value;
import io.regionlint.rules.Prose;
import java.util.List;
import java.util.Optional;

/** RL3005: local secondary indexes are not supported on global tables with multi-Region strong consistency. */
@NotRecordedByConfig(value = "a DynamoDB table's multi-Region consistency (MultiRegionConsistency, witnesses), which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable"})
@RuleInfo(id = "RL3005", summary = "A global table with multi-Region strong consistency declares local secondary"
        + " indexes", severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbMrscWithLsiRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            Value properties = table.table().properties();
            Optional<List<Value>> indexes = DynamoDbFacts.items(properties, "LocalSecondaryIndexes");
            if (!table.strong() || indexes.isEmpty() || indexes.get().isEmpty()) {
                continue;
            }
            List<String> names = indexes.get().stream().filter(MapValue.class::isInstance)
                    .flatMap(i -> i.textAt("IndexName").stream()).toList();
            int n = indexes.get().size();
            context.report(Site.of(table.table(), properties.lookup("LocalSecondaryIndexes").orElseThrow()),
                    "MRSC " + DynamoDbFacts.name(table) + " declares " + DynamoDbFacts.count(n,
                            "local secondary index", "local secondary indexes")
                            + (names.isEmpty() ? "" : " (" + Prose.list(names) + ")")
                            + ", which multi-Region strong consistency does not support; replace "
                            + (n == 1 ? "it with a global secondary index" : "them with global secondary indexes")
                            + ", or use MultiRegionConsistency: EVENTUAL");
        }
    }
}
