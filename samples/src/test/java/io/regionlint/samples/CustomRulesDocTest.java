package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.lang.RuleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every rule example in docs/custom-rules.md parses and passes the checker. */
class CustomRulesDocTest {

    @Test
    void theDocumentedExamplesAreValidRules() throws Exception {
        String doc = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("docs/custom-rules.md"));
        Matcher m = Pattern.compile("```rlr\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> problems = new ArrayList<>();
        int rules = 0;
        while (m.find()) {
            RuleFiles.Loaded loaded = RuleFiles.parse(m.group(1), "docs/custom-rules.md");
            loaded.problems().forEach(p -> problems.add(p.line() + ":" + p.column() + " " + p.message()));
            rules += loaded.rules().size();
        }
        assertEquals(List.of(), problems);
        assertTrue(rules >= 4, "expected the documented examples, found " + rules);
    }
}
