package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link compared with a resource stands for the resource at its far end: the long way to an
 * instance's cluster ({@code every resource c of type ... where some instance i of c: i == this})
 * finds what the {@code cluster} link finds (ACME-004 of samples/custom-rules).
 */
class LinkComparisonTest {

    private static final Path SAMPLE = Path.of("..").toAbsolutePath().normalize().resolve("samples/custom-rules");

    @TempDir
    Path tmp;

    @Test
    void aLinkEqualsTheResourceAtItsFarEnd() throws Exception {
        Path rules = Files.writeString(tmp.resolve("long-way.rlr"), """
                rule LONG-004 {
                  severity error
                  message "DB instance {resource} is smaller than every instance of the primary cluster {pc}"
                  select "AWS::RDS::DBInstance"
                  require every resource c of type "AWS::RDS::DBCluster" where some instance i of c: i == this:
                    every primary pc of c: some instance p of pc:
                      size(Properties.DBInstanceClass) >= size(p.Properties.DBInstanceClass)
                  at Properties.DBInstanceClass
                }
                """);
        LintResult result = new Linter(RuleRegistry.load()).withRuleFiles(List.of(rules))
                .run(LintRequest.of(List.of(SAMPLE.resolve(".regionlint.yaml")), SAMPLE));
        assertEquals(List.of(), result.errors());
        Set<String> longWay = places(result.findings(), "LONG-004");
        assertFalse(longWay.isEmpty(), "i == this never matched");
        assertEquals(places(result.findings(), "ACME-004"), longWay);
    }

    private static Set<String> places(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.ruleId().equals(id))
                .map(f -> f.location().file() + ":" + f.location().line() + " " + f.regions())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
