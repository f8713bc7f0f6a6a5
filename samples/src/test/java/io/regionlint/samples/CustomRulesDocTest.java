package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.lang.RuleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule examples of docs/custom-rules.md parse, and each finds on {@code samples/custom-rules}
 * exactly what the sample's own rule of the same id finds (and something): the page shows rules
 * that work, not rules that merely parse.
 */
class CustomRulesDocTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String DOC_PREFIX = "DOC-";

    @TempDir
    Path tmp;

    @Test
    void theDocumentedExamplesFindWhatTheSamplesRulesFind() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/custom-rules.md"));
        Matcher m = Pattern.compile("```rlr\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        StringBuilder renamed = new StringBuilder();
        while (m.find()) {
            RuleFiles.Loaded loaded = RuleFiles.parse(m.group(1), "docs/custom-rules.md");
            loaded.problems().forEach(p -> problems.add(p.line() + ":" + p.column() + " " + p.message()));
            loaded.rules().forEach(r -> ids.add(r.metadata().orElseThrow().id()));
            // the sample reads its own rules of these ids too: the documented copies run under other ids
            renamed.append(m.group(1).replaceAll("(?m)^rule (\\S+)", "rule " + DOC_PREFIX + "$1")).append('\n');
        }
        assertEquals(List.of(), problems);
        assertTrue(ids.size() >= 4, "expected the documented examples, found " + ids);

        Path docRules = Files.writeString(tmp.resolve("doc.rlr"), renamed);
        Path sample = ROOT.resolve("samples/custom-rules");
        LintResult result = new Linter(RuleRegistry.load()).withRuleFiles(List.of(docRules))
                .run(LintRequest.of(List.of(sample.resolve(".regionlint.yaml")), sample));
        assertEquals(List.of(), result.errors(), "input errors");
        for (String id : ids) {
            Set<String> documented = places(result.findings(), DOC_PREFIX + id);
            assertFalse(documented.isEmpty(), id + " as documented finds nothing on samples/custom-rules");
            assertEquals(places(result.findings(), id), documented, id + " as documented and in the sample's rules/");
        }
    }

    /** Where, in which Regions and with which message each finding of a rule is. */
    private static Set<String> places(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.ruleId().equals(id))
                .map(f -> f.location().file() + ":" + f.location().line() + ":" + f.location().column() + " "
                        + f.regions() + " " + f.message())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
