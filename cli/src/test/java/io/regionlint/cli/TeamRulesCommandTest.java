package io.regionlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's own rules through the CLI: listed, explained, selected and reported like built-in ones. */
class TeamRulesCommandTest {

    private static final String TEAM_RULES = """
            # Acme's platform rules
            rule ACME-010 {
              severity warning
              category "Cost"
              summary "Every bucket carries a CostCenter tag"
              message "Bucket {resource} has no CostCenter tag; add one"
              description \"""
            Finance splits the storage bill by the CostCenter tag.
            \"""
              select "AWS::S3::Bucket"
              require exists tags.CostCenter
            }
            """;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(project.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions: { us-east-1: active, eu-west-1: active }
                  accounts: { default: "111122223333" }
                  stacks:
                    - name: assets
                      template: templates/assets.yaml
                      regions: [us-east-1, eu-west-1]
                """);
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("templates/assets.yaml"), """
                Resources:
                  AssetsBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "acme-assets-${AWS::Region}"
                      Tags:
                        - { Key: Team, Value: storefront }
                """);
        Files.createDirectories(project.resolve("rules"));
        Files.writeString(project.resolve("rules/team.rlr"), TEAM_RULES);
        cli = CliRunner.in(dir).rules(io.regionlint.engine.RuleRegistry::load);
    }

    @Test
    void rulesListsTheProjectsTeamRulesBesideTheBuiltInOnes() {
        CliRunner.Run run = cli.run("rules", "shop");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("ACME-010 +custom-acme010 +warning +Every bucket carries"
                + " a CostCenter tag")), run::toString);
        assertTrue(run.out().contains("RL2001"), run::toString);
        assertFalse(cli.run("rules").out().contains("ACME-010"), "no project file at or above the working folder");
    }

    @Test
    void explainShowsATeamRulesDescriptionAndWhereItIsDeclared() {
        CliRunner.Run run = cli.run("explain", "ACME-010", "shop");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("# ACME-010 Every bucket carries a CostCenter tag\n"), run::toString);
        assertTrue(run.out().contains("Finance splits the storage bill"), run::toString);
        assertTrue(run.out().contains("rules/team.rlr:2"), run::toString);
    }

    @Test
    void aBrokenRuleFileIsReportedAtItsLineAndTheOtherRulesAreStillListed() throws IOException {
        Files.writeString(dir.resolve("broken.rlr"), "rule ACME-011 {\n  severity urgent\n}\n");
        CliRunner.Run run = cli.run("rules", "--rules", "broken.rlr", "shop");
        assertEquals(ExitCode.INPUT_ERROR.code(), run.exitCode(), run::toString);
        assertTrue(run.err().contains("broken.rlr:2:12: error: rule file: 'urgent' is not a severity"), run::toString);
        assertTrue(run.out().contains("ACME-010"), run::toString);
    }

    @Test
    void checkSelectsATeamRuleAndReportsItInSarifWithItsHelp() throws IOException {
        CliRunner.Run run = cli.run("check", "shop", "--rule", "ACME-010", "--format", "sarif", "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        JsonNode results = sarif.at("/runs/0/results");
        assertEquals(2, results.size(), "one finding per Region's bucket: " + results);
        for (JsonNode r : results) {
            assertEquals("ACME-010", r.get("ruleId").asText());
            assertEquals("shop/templates/assets.yaml",
                    r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        }
        JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
        assertEquals("ACME-010", rule.get("id").asText(), "only the selected rule is described");
        assertTrue(rule.at("/help/markdown").asText().contains("Finance splits the storage bill"), rule::toString);
        assertTrue(rule.get("helpUri") == null, "a rule file is no absolute URI, so no helpUri: " + rule);
    }
}
