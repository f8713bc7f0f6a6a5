package io.regionlint.cli;

import io.regionlint.engine.LintRequest;
import io.regionlint.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which rules run and at which level. Ids are prefixes ({@code RL2} means every S3 rule); where
 * several match, the longest wins. The values go to the core's {@link LintRequest.Builder} as
 * given: it checks each id against the registry (a typo is a usage error rather than a run that
 * silently checks nothing) and each level, the same way for the Maven plugin and the project file.
 */
public final class RuleOptions {

    @Option(names = "--rule", split = ",", paramLabel = "ID",
            description = "Run only these rules (ids or prefixes, e.g. RL2001,RL5); repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--skip-rule", split = ",", paramLabel = "ID",
            description = "Do not run these rules (ids or prefixes); repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            description = "Report a rule (id or prefix) at another level: error, warning or note, or off to turn "
                    + "it off, as in the project file; repeatable (e.g. --severity RL2005=error).")
    Map<String, String> severities = new LinkedHashMap<>();

    /** Whether any option names rules (then team rules must be known before the run to check the ids). */
    boolean namesRules() {
        return !include.isEmpty() || !exclude.isEmpty() || !severities.isEmpty();
    }

    /** Hands the options to the request builder, which validates them. */
    LintRequest.Builder applyTo(LintRequest.Builder builder) {
        return builder.rules(include).skipRules(exclude).severities(severities);
    }

    /** The core's request with these rule options; what the core refuses is a usage error naming the option. */
    LintRequest build(LintRequest.Builder builder, RuleRegistry registry, picocli.CommandLine commandLine) {
        try {
            return applyTo(builder).build(registry);
        } catch (LintRequest.InvalidRequestException e) {
            LintRequest.Problem problem = e.problems().get(0);
            String hint = problem.message().startsWith("no rule id") ? " (run 'regionlint rules' to list the rules)" : "";
            throw new picocli.CommandLine.ParameterException(commandLine, optionOf(problem.field()) + " "
                    + problem.value() + ": " + problem.message() + hint);
        }
    }

    /** The option a request field comes from, for usage errors. */
    static String optionOf(LintRequest.Field field) {
        return switch (field) {
            case RULES -> "--rule";
            case SKIP_RULES -> "--skip-rule";
            case SEVERITIES -> "--severity";
            case REGIONS -> "--regions";
            case ACCOUNT -> "--account";
        };
    }
}
