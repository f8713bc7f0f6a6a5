package io.regionlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.engine.Finding;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule on the real synthesised assemblies that core's tests keep
 * ({@code core/src/test/resources/cdk/}): what CDK adds to every template (the
 * {@code BootstrapVersion} parameter, the {@code CheckBootstrapVersion} rule, {@code CDKMetadata})
 * never gives a finding, and an environment-agnostic stack gets RL1003 exactly when no Region is
 * given.
 */
class CdkAssembliesTest {

    /** Tests run in the module folder {@code rules/}. */
    private static final Path ASSEMBLIES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../core/src/test/resources/cdk").normalize();

    @ParameterizedTest
    @CsvSource({"cross-region,", "stages,", "nested-stages,", "env-agnostic,", "env-agnostic,us-east-1;eu-west-1"})
    void scaffoldingNeverGivesFindings(String app, String regions) {
        Path cdkOut = ASSEMBLIES.resolve(app).resolve("cdk.out");
        assertTrue(Files.isDirectory(cdkOut), cdkOut + " (the tests run in the rules module folder)");
        List<String> given = regions == null ? List.of() : List.of(regions.split(";"));
        LintResult result = new Linter(RuleRegistry.load()).run(LintRequest.of(List.of(cdkOut), cdkOut.getParent())
                .withRegions(given));
        assertEquals(List.of(), result.errors());
        for (Finding f : result.findings()) {
            String pointer = f.location().pointer().orElse("");
            assertTrue(!pointer.startsWith("/Parameters/BootstrapVersion") && !pointer.startsWith("/Rules/")
                    && !pointer.startsWith("/Resources/CDKMetadata"), f.toString());
            assertTrue(!f.ruleId().equals("RL1005"), f.toString());
            assertTrue(f.location().file().startsWith("cdk.out/"), f.toString());
        }
        long regionless = result.findings().stream().filter(f -> f.ruleId().equals("RL1003")).count();
        assertEquals(app.equals("env-agnostic") && given.isEmpty() ? 1 : 0, regionless, result.findings().toString());
    }
}
