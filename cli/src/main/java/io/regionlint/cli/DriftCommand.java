package io.regionlint.cli;

import io.regionlint.engine.LintResult;
import io.regionlint.engine.RuleRegistry;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code regionlint drift}: {@code check} with the drift rules only (RL8xxx, and the input rules
 * that say what could not be read), refusing to answer when no deployed state was read, since
 * drift with nothing deployed would be an empty pass.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        abbreviateSynopsis = true,
        description = {
            "Compare what the templates declare with what AWS Config recorded as deployed, and report the "
                    + "differences that decide how the system survives a Region: RL8001 (a setting changed), "
                    + "RL8002 (a declared resource not deployed), RL8003 (a deployed resource of a stack that its "
                    + "template does not declare), RL8004 (twins in two Regions differ), RL8005 (resilience "
                    + "weakened: replication disabled or removed, versioning suspended, ...), RL8006 (replica "
                    + "Regions changed), RL8007 (a linked resource that no longer exists: replication destination "
                    + "or role, a replica key's primary), RL8008 (a twin stack's resource missing in one Region) "
                    + "and RL8009 (a hand-made resource the managed ones depend on); notes RL1013 (a Region and "
                    + "type the deployed inputs do not cover), RL1014 (stale items) and RL1015 (the stack's "
                    + "resource list and CloudFormation's tags disagree).",
            "",
            "Takes what check takes (templates, folders, cdk.out, a project file) plus the deployed state: "
                    + "AWS Config snapshot files or folders with --deployed, or topology.deployed in the project "
                    + "file. Declared and deployed resources are joined by the deployed stack's resource list "
                    + "(a pull bundle's, or AWS::CloudFormation::Stack items), then CloudFormation's tags, then "
                    + "type, Region and literal name. Reports, exit codes, suppressions and baselines are check's. "
                    + "Without deployed state drift refuses to answer (exit 2)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # The sample's templates against its Regions' Config snapshots",
            "  regionlint drift templates/ --regions us-east-1,us-west-2 --deployed snapshots/",
            "",
            "  # A project whose .regionlint.yaml lists topology.deployed; SARIF for code scanning",
            "  regionlint drift . --format sarif --output drift.sarif"})
final class DriftCommand extends CheckCommand {

    @Override
    RuleRegistry registry(RuleRegistry all) {
        return all.only(r -> r.category().equals("drift") || r.category().equals("inputs"));
    }

    @Override
    Optional<String> refuse(LintResult result) {
        boolean deployed = result.topologies().stream().flatMap(t -> t.resources().stream())
                .anyMatch(r -> r.observed().isPresent());
        boolean declared = result.topologies().stream().flatMap(t -> t.resources().stream())
                .anyMatch(r -> r.observed().isEmpty());
        if (!deployed) {
            return Optional.of("drift compares templates with deployed state, and no deployed resource was read:"
                    + " give AWS Config snapshot files or folders with --deployed (or topology.deployed in the"
                    + " project file)");
        }
        if (!declared) {
            return Optional.of("drift compares templates with deployed state, and no template resource was read:"
                    + " give templates, a cdk.out or a project file beside --deployed (use check to lint"
                    + " deployed state alone)");
        }
        return Optional.empty();
    }
}
