package io.regionlint.rules.dynamodb;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.rules.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL3007: plain tables of one name in several Regions, each streaming new and old images, are
 * how version 2017.11.29 (legacy) global tables are built. A heuristic: the call that joins the
 * tables ({@code CreateGlobalTable}) is made outside CloudFormation.
 */
@RuleInfo(id = "RL3007", summary = "Tables look like a version 2017.11.29 (legacy) global table",
        severity = Severity.WARNING, category = "dynamodb", since = "0.1.0")
public final class DdbLegacyGlobalTableRule implements Rule {

    @Override
    public void check(RuleContext context) {
        Map<String, List<Resource>> byName = new LinkedHashMap<>();
        for (Resource table : context.topology().resources(DynamoDbFacts.TABLE)) {
            boolean streamsBothImages = table.properties().textAt("StreamSpecification", "StreamViewType")
                    .filter("NEW_AND_OLD_IMAGES"::equals).isPresent();
            if (streamsBothImages && table.region().isPresent() && !table.conditionUnknown()
                    && !Tokens.containsToken(table.physicalName())) {
                byName.computeIfAbsent(table.stack().account().orElse("?") + "|" + table.physicalName(),
                        k -> new ArrayList<>()).add(table);
            }
        }
        for (List<Resource> tables : byName.values()) {
            List<String> regions = tables.stream().map(t -> t.region().orElseThrow()).distinct().toList();
            if (regions.size() < 2) {
                continue;
            }
            for (Resource table : tables) {
                String region = table.region().orElseThrow();
                List<String> others = regions.stream().filter(r -> !r.equals(region)).toList();
                Site site = table.properties().get("TableName").map(v -> Site.of(table, v))
                        .orElseGet(() -> Site.of(table));
                boolean one = others.size() == 1;
                FindingBuilder finding = context.report(site, "Table " + table.describe() + " has the same name as "
                        + (one ? "a table in " : "tables in ") + Prose.list(others) + " and, like "
                        + (one ? "it" : "them") + ", streams NEW_AND_OLD_IMAGES: the shape of a version 2017.11.29"
                        + " (legacy) global table, which AWS says to avoid (inferred from the templates); upgrade it"
                        + " to version 2019.11.21 and declare it as one AWS::DynamoDB::GlobalTable");
                for (Resource other : tables) {
                    if (!other.region().equals(table.region())) {
                        finding.related(other, Optional.empty(), "a table of the same name in "
                                + other.stack().regionLabel());
                    }
                }
            }
        }
    }
}
