package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regionlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule options are declared and typed: a misspelt name or a wrong value is an input error at its line. */
class RuleOptionsTest {

    @TempDir
    Path dir;

    private CliRunner.Run check(String rulesSection) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/assets.yaml"), """
                Resources:
                  AssetsBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "acme-assets-${AWS::Region}"
                """);
        Files.writeString(dir.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active }
                  stacks:
                    - { name: assets, template: templates/assets.yaml }
                rules:
                """ + rulesSection);
        return CliRunner.in(dir).rules(RuleRegistry::load).run("check");
    }

    @Test
    void aDeclaredOptionOfTheRightTypeIsAccepted() throws IOException {
        CliRunner.Run run = check("  RL6003: { options: { maxTtlSeconds: 30 } }\n  RL3001: { options: { legacyRegionSets: true } }\n");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void aMisspeltOptionIsAnInputErrorThatNamesTheRulesOptions() throws IOException {
        CliRunner.Run run = check("  RL6003: { options: { maxTtl: 30 } }\n");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains(".regionlint.yaml:7:3: error: project file: rules: 'maxTtl' is not an option of"
                + " RL6003 (options: maxTtlSeconds)"), run::toString);
    }

    @Test
    void anOptionOfARuleWithoutOptionsIsAnInputError() throws IOException {
        CliRunner.Run run = check("  RL2001: { options: { strict: true } }\n");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("'strict' is not an option of RL2001, which has none"), run::toString);
    }

    @Test
    void aValueOfTheWrongTypeIsAnInputErrorThatSaysWhatIsExpected() throws IOException {
        CliRunner.Run run = check("  RL7005: { options: { minSharePercent: 150 } }\n  RL3001: { options: { legacyRegionSets: yes please } }\n");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains(".regionlint.yaml:7:3: error: project file: rules: option minSharePercent of RL7005"
                + " is a whole number from 1 to 100, not '150'; the default, 100, stays in force"), run::toString);
        assertTrue(run.out().contains(".regionlint.yaml:8:3: error: project file: rules: option legacyRegionSets of"
                + " RL3001 is true or false, not 'yes please'"), run::toString);
    }

    @Test
    void explainAndTheJsonListShowTheOptions() throws IOException {
        CliRunner cli = CliRunner.in(dir).rules(RuleRegistry::load);
        CliRunner.Run explain = cli.run("explain", "RL6003");
        assertEquals(0, explain.exitCode(), explain::toString);
        assertTrue(explain.out().contains("## Options\n"), explain::toString);
        assertTrue(explain.out().contains("| `maxTtlSeconds` | a whole number from 0 to 172800 | `60` |"), explain::toString);

        JsonNode rules = new ObjectMapper().readTree(cli.run("rules", "--format", "json").out()).get("rules");
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals("RL3001")) {
                JsonNode option = rule.at("/options/0");
                assertEquals("legacyRegionSets", option.get("name").asText());
                assertEquals("boolean", option.get("type").asText());
                assertEquals(false, option.get("default").asBoolean(true));
                return;
            }
        }
        throw new AssertionError("RL3001 is not listed");
    }
}
