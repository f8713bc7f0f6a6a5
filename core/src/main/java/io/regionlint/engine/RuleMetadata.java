package io.regionlint.engine;

import java.util.Optional;

/**
 * A rule's metadata as data, for rules that are not a class with {@link RuleInfo} (a team's own
 * rules, read from a rule file): everything {@link RuleDescriptor} shows about a rule.
 *
 * @param id the rule's id: {@code RL9xxx}, or the team's own scheme such as {@code ACME-001}
 * @param pascalName the friendly name in PascalCase, as SARIF wants it
 * @param explanation the long explanation in Markdown, as {@code explain} prints it
 * @param helpUri where the rule is documented (the rule file where nothing else is given)
 * @param source where the rule was declared, as reports name it ({@code rules/team.rlr:3})
 */
public record RuleMetadata(String id, String pascalName, String summary, Severity severity, String category,
                           String since, Optional<String> explanation, String helpUri, Optional<String> source) {
}
