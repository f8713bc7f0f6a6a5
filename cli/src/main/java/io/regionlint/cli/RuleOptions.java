package io.regionlint.cli;

import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which rules run and at which severity. Ids are prefixes ({@code RL2} means every S3 rule);
 * where several match, the longest wins. Each must match at least one rule, so that a typo is a
 * usage error rather than a run that silently checks nothing.
 */
public final class RuleOptions {

    @Option(names = "--rule", split = ",", paramLabel = "ID", converter = RuleIdConverter.class,
            description = "Run only these rules (ids or prefixes, e.g. RL2001,RL5); repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--skip-rule", split = ",", paramLabel = "ID", converter = RuleIdConverter.class,
            description = "Do not run these rules (ids or prefixes); repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            converter = {RuleIdConverter.class, SeverityConverter.class},
            description = "Report a rule (id or prefix) at another severity: error, warning or note; repeatable "
                    + "(e.g. --severity RL2005=error).")
    Map<String, Severity> severities = new LinkedHashMap<>();

    List<String> include() {
        return include;
    }

    List<String> exclude() {
        return exclude;
    }

    Map<String, Severity> severities() {
        return severities;
    }

    /** Throws a usage error for an id or prefix that matches no registered rule. */
    void validate(RuleRegistry registry, CommandLine commandLine) {
        check("--rule", include, registry, commandLine);
        check("--skip-rule", exclude, registry, commandLine);
        check("--severity", List.copyOf(severities.keySet()), registry, commandLine);
    }

    private static void check(String option, List<String> ids, RuleRegistry registry, CommandLine commandLine) {
        for (String id : ids) {
            boolean matches = registry.all().stream().map(RuleDescriptor::id).anyMatch(r -> r.startsWith(id));
            if (!matches) {
                throw new ParameterException(commandLine, option + " " + id + ": no rule id starts with " + id
                        + " (run 'regionlint rules' to list the rules)");
            }
        }
    }
}
