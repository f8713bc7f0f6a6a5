package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.engine.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Six built-in rules rewritten in the rule language ({@code lang/builtins.rlr}) report exactly
 * the built-in rules' resources and Regions on the samples: what the language cannot say shows
 * here as a difference.
 */
class CustomRulesEquivalenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, String> BUILT_IN = Map.of("RL9001", "RL2001", "RL9002", "RL2002",
            "RL9003", "RL2002", "RL9004", "RL2003", "RL9005", "RL3004", "RL9006", "RL5001", "RL9007", "RL4002");

    @ParameterizedTest
    @ValueSource(strings = {"two-region-app", "all-correct", "data-tier", "cdk-app"})
    void rewrittenRulesFindWhatTheBuiltInsFind(String sample) throws Exception {
        Path rules = Path.of(CustomRulesEquivalenceTest.class.getResource("/lang/builtins.rlr").toURI());
        Path base = ROOT.resolve("samples").resolve(sample);
        LintResult result = new Linter(RuleRegistry.load()).withRuleFiles(List.of(rules))
                .run(LintRequest.of(List.of(base.resolve(".regionlint.yaml")), base));
        assertTrue(result.errors().stream().noneMatch(e -> e.file().endsWith(".rlr")),
                () -> "rule file problems: " + result.errors());
        for (String builtIn : new TreeSet<>(BUILT_IN.values())) {
            Set<String> expected = places(result.findings(), Set.of(builtIn));
            Set<String> custom = places(result.findings(), BUILT_IN.entrySet().stream()
                    .filter(e -> e.getValue().equals(builtIn)).map(Map.Entry::getKey).collect(Collectors.toSet()));
            assertEquals(expected, custom, sample + ": " + builtIn + " and its rewrite");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-region-app", "data-tier"})
    void theSamplesExerciseTheRewrites(String sample) throws Exception {
        Path rules = Path.of(CustomRulesEquivalenceTest.class.getResource("/lang/builtins.rlr").toURI());
        Path base = ROOT.resolve("samples").resolve(sample);
        LintResult result = new Linter(RuleRegistry.load()).withRuleFiles(List.of(rules))
                .run(LintRequest.of(List.of(base.resolve(".regionlint.yaml")), base));
        assertFalse(places(result.findings(), BUILT_IN.keySet()).isEmpty(), "no rewritten rule fired on " + sample);
    }

    /** Resource and Regions of each error or warning of the given rules. */
    private static Set<String> places(List<Finding> findings, Set<String> ids) {
        return findings.stream().filter(f -> ids.contains(f.ruleId()) && f.severity() != Severity.NOTE)
                .map(f -> f.resource().map(r -> r.stack() + "@" + r.region().orElse("?") + "/" + r.logicalId())
                        .orElse(f.location().file()) + " " + f.regions())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
