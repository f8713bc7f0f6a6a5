package io.regionlint.rules.dynamodb;

import io.regionlint.engine.NotRecordedByConfig;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.GlobalTable;
import io.regionlint.model.Value;
import java.util.Optional;

/** RL3004: Time to Live is not supported on global tables with multi-Region strong consistency. */
@NotRecordedByConfig(value = "a DynamoDB table's time to live and multi-Region consistency, which AWS Config does not record", types = {"AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::Table"})
@RuleInfo(id = "RL3004", summary = "A global table with multi-Region strong consistency enables Time to Live",
        severity = Severity.ERROR, category = "dynamodb", since = "0.1.0")
public final class DdbMrscWithTtlRule implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GlobalTable table : context.topology().globalTables()) {
            Value properties = table.table().properties();
            if (!table.strong() || !DynamoDbFacts.flag(properties, false, "TimeToLiveSpecification", "Enabled")
                    .orElse(false)) {
                continue;
            }
            Value at = properties.lookup("TimeToLiveSpecification", "Enabled").orElseThrow();
            Optional<String> attribute = properties.textAt("TimeToLiveSpecification", "AttributeName");
            context.report(Site.of(table.table(), at), "MRSC " + DynamoDbFacts.name(table) + " enables Time to Live"
                    + attribute.map(a -> " (attribute '" + a + "')").orElse("") + ", which multi-Region strong"
                    + " consistency does not support; remove TimeToLiveSpecification and expire items another way,"
                    + " or use MultiRegionConsistency: EVENTUAL");
        }
    }
}
