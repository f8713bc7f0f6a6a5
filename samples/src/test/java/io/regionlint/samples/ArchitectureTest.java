package io.regionlint.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module and package edges of STYLE.md true by reading the compiled classes' constant
 * pools: a class that names another package's type carries that name as text.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void coreNeverReachesIntoRulesOrFrontEnds() throws IOException {
        assertNoReference(ROOT.resolve("core/target/classes"), List.of("io/regionlint/rules/", "io/regionlint/cli/",
                "io/regionlint/maven/", "picocli/"));
    }

    @Test
    void rulesSeeTheModelNeverTheParser() throws IOException {
        assertNoReference(ROOT.resolve("rules/target/classes"), List.of("org/yaml/snakeyaml/", "com/fasterxml/",
                "io/regionlint/load/DocumentLoader", "io/regionlint/load/YamlReader", "io/regionlint/load/JsonReader",
                "io/regionlint/cli/", "io/regionlint/report/", "picocli/"));
    }

    @Test
    void onlyTheReportPackageWritesReports() throws IOException {
        assertNoReference(ROOT.resolve("core/target/classes/io/regionlint/model"), List.of("io/regionlint/report/",
                "io/regionlint/engine/", "io/regionlint/graph/"));
        assertNoReference(ROOT.resolve("core/target/classes/io/regionlint/engine"), List.of("io/regionlint/report/",
                "io/regionlint/graph/"));
        assertNoReference(ROOT.resolve("core/target/classes/io/regionlint/load"), List.of("io/regionlint/model/",
                "io/regionlint/engine/", "io/regionlint/report/"));
    }

    @Test
    void onlyTheLanguagePackageTouchesAntlr() throws IOException {
        for (String pkg : List.of("engine", "model", "load", "report", "config", "graph")) {
            assertNoReference(ROOT.resolve("core/target/classes/io/regionlint/" + pkg), List.of("org/antlr/"));
        }
        assertNoReference(ROOT.resolve("rules/target/classes"), List.of("org/antlr/", "io/regionlint/lang/"));
        assertNoReference(ROOT.resolve("cli/target/classes"), List.of("org/antlr/"));
        // the engine finds the language through RuleFileReader: no cycle between the two packages
        assertNoReference(ROOT.resolve("core/target/classes/io/regionlint/engine"), List.of("io/regionlint/lang/"));
    }

    @Test
    void theCliKnowsNoRuleAndNoParser() throws IOException {
        assertNoReference(ROOT.resolve("cli/target/classes"), List.of("io/regionlint/rules/", "org/yaml/snakeyaml/",
                "io/regionlint/load/YamlReader", "io/regionlint/load/JsonReader"));
    }

    @Test
    void onlyThePullModuleTouchesTheAwsSdk() throws IOException {
        for (String module : List.of("core", "rules", "cli", "maven-plugin")) {
            assertNoReference(ROOT.resolve(module + "/target/classes"), List.of("software/amazon/awssdk/"));
        }
        assertNoReference(ROOT.resolve("pull/target/classes"), List.of("io/regionlint/rules/", "io/regionlint/cli/",
                "picocli/"));
    }

    private static void assertNoReference(Path classes, List<String> forbidden) throws IOException {
        assertTrue(Files.isDirectory(classes), "compiled classes expected at " + classes);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String name : forbidden) {
                    if (text.contains(name)) {
                        violations.add(classes.relativize(file) + " refers to " + name);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "architecture edges broken:\n  " + String.join("\n  ", violations));
    }
}
