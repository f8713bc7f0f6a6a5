package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.InputError;
import io.regionlint.load.Limits;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input planning on realistic projects: stack names per Region, one topology per project, stack
 * sets and local nested stacks followed, and what is refused or not read said plainly.
 */
class InputPlannerTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InputPlannerTest.class.getResource("/planner/" + name).toURI());
    }

    private static InputPlan plan(List<Path> inputs, Path baseDir, List<String> regions) {
        return InputPlanner.plan(new InputPlanner.Request(inputs, Optional.empty(), regions, Map.of(),
                Optional.empty(), baseDir, Limits.DEFAULT));
    }

    private static List<String> names(InputPlan.TopologyPlan topology) {
        return topology.stacks().stream().map(s -> s.name() + "@" + s.region().orElse("-")).toList();
    }

    private static Resource resource(Topology t, String stack, String region, String logicalId) {
        return t.resources().stream().filter(r -> r.stack().name().equals(stack)
                && r.stack().region().equals(Optional.of(region)) && r.logicalId().equals(logicalId))
                .findFirst().orElseThrow(() -> new AssertionError(stack + "/" + region + "/" + logicalId + " in "
                        + t.resources().stream().map(r -> r.stack().name() + "@" + r.stack().region() + "/"
                        + r.logicalId()).toList()));
    }

    @Test
    void stackNameIsTheNameInEveryRegionUnlessItNamesTheRegion() throws Exception {
        Path project = resource("stack-name");
        InputPlan plan = plan(List.of(project), project, List.of());
        assertEquals(List.of(), plan.errors());
        assertEquals(List.of("network@us-east-1", "network@us-west-2", "app-us-east-1@us-east-1",
                "app-us-west-2@us-west-2", "logs-us-east-1@us-east-1"), names(plan.topologies().get(0)));
    }

    @Test
    void awsStackNameIsTheStackNameAndExportsBuiltFromItReachTheirImports() throws Exception {
        Path project = resource("stack-name");
        Topology t = TopologyBuilder.build(plan(List.of(project), project, List.of()).topologies().get(0))
                .topology();
        assertEquals(Optional.of("network-artifacts-us-east-1"),
                resource(t, "network", "us-east-1", "ArtifactsBucket").properties().textAt("BucketName"));
        assertEquals(Optional.of("app-us-west-2-role"),
                resource(t, "app-us-west-2", "us-west-2", "AppRole").properties().textAt("RoleName"));
        // the import names the export by the stack name, as written for `--stack-name network`
        Value policy = resource(t, "app-us-east-1", "us-east-1", "AppRole").properties().get("Policies")
                .orElseThrow();
        Value arn = ((ListValue) policy).items().get(0).at("PolicyDocument", "Statement").map(s -> ((ListValue) s)
                .items().get(0)).flatMap(s -> s.at("Resource")).orElseThrow();
        assertEquals(Optional.of("arn:aws:s3:::network-artifacts-us-east-1/*"), arn.text());
    }

    @Test
    void everyProjectGivenIsATopologyOfItsOwnAndLooseTemplatesAnother(@TempDir Path dir) throws Exception {
        Path prod = Files.createDirectories(dir.resolve("prod"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        String template = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
        Files.writeString(prod.resolve("app.yaml"), template);
        Files.writeString(staging.resolve("app.yaml"), template);
        Files.writeString(dir.resolve("loose.yaml"), template);
        Files.writeString(prod.resolve(".regionlint.yaml"), "version: 1\ntopology:\n  regions: {us-east-1: active,"
                + " eu-west-1: active}\n  accounts: {default: \"111122223333\"}\n  stacks:\n    - {name: app,"
                + " template: app.yaml}\n");
        Files.writeString(staging.resolve(".regionlint.yaml"), "version: 1\ntopology:\n  regions: {us-east-2:"
                + " active, us-west-2: standby}\n  accounts: {default: \"222233334444\"}\n  stacks:\n"
                + "    - {name: app, template: app.yaml}\n");
        InputPlan plan = plan(List.of(prod, staging.resolve(".regionlint.yaml"), dir.resolve("loose.yaml")), dir,
                List.of("ap-south-1"));
        assertEquals(List.of(), plan.errors());
        assertEquals(3, plan.topologies().size());
        InputPlan.TopologyPlan first = plan.topologies().get(0);
        InputPlan.TopologyPlan second = plan.topologies().get(1);
        InputPlan.TopologyPlan loose = plan.topologies().get(2);
        assertEquals(List.of("app-us-east-1@us-east-1", "app-eu-west-1@eu-west-1"), names(first));
        assertEquals(Optional.of("111122223333"), first.stacks().get(0).account());
        assertEquals(List.of("app-us-east-2@us-east-2", "app-us-west-2@us-west-2"), names(second));
        assertEquals(Optional.of("222233334444"), second.stacks().get(0).account());
        assertEquals(RegionRole.STANDBY, second.regionRoles().get("us-west-2"));
        assertTrue(second.project().isPresent());
        assertEquals(List.of("loose-ap-south-1@ap-south-1"), names(loose));
        assertTrue(loose.project().isEmpty());
        assertEquals(Optional.empty(), loose.stacks().get(0).account(), "a loose template takes no project's account");
        assertEquals(3, plan.files().size());

        // a path given twice (a hook passing overlapping paths) is planned once
        InputPlan twice = plan(List.of(prod, prod.resolve(".regionlint.yaml"), dir.resolve("loose.yaml"),
                dir.resolve("./loose.yaml")), dir, List.of("ap-south-1"));
        assertEquals(List.of(names(first), names(loose)), twice.topologies().stream().map(InputPlannerTest::names)
                .toList());
    }

    @Test
    void stackSetsBecomeStackInstancesInTheirGroupsRegionsWithTheirParameters() throws Exception {
        Path project = resource("stack-set");
        InputPlan plan = plan(List.of(project), project, List.of());
        assertEquals(List.of(), plan.errors());
        InputPlan.TopologyPlan planned = plan.topologies().get(0);
        assertEquals(List.of("org-admin@us-east-1", "replica-buckets-us-east-1@us-east-1",
                "replica-buckets-eu-west-1@eu-west-1", "logging-baseline-us-east-1@us-east-1",
                "logging-baseline-us-west-2@us-west-2", "org-admin-Logs@us-east-1"), names(planned));
        StackSpec replica = planned.stacks().get(2);
        assertEquals(Optional.of("111122223333"), replica.account());
        assertEquals("admin/ReplicaBuckets", replica.group(), "the instances of one stack set are twins");
        assertEquals(Optional.empty(), planned.stacks().get(3).account(),
                "accounts of an organizational unit are not known");

        Topology t = TopologyBuilder.build(planned).topology();
        // Parameters, with the ParameterOverrides of the group that deploys to eu-west-1
        assertEquals(Optional.of("replica-prod-us-east-1"), resource(t, "replica-buckets-us-east-1", "us-east-1",
                "ReplicaBucket").properties().textAt("BucketName"));
        assertEquals(Optional.of("replica-dr-eu-west-1"), resource(t, "replica-buckets-eu-west-1", "eu-west-1",
                "ReplicaBucket").properties().textAt("BucketName"));
        // the nested stack takes the parameters its resource passes, resolved in the parent
        assertEquals(Optional.of("prod-logs-us-east-1"), resource(t, "org-admin-Logs", "us-east-1", "LogsBucket")
                .properties().textAt("BucketName"));
        // an inline TemplateBody (a block scalar) is read in place: findings point into it
        Resource trail = resource(t, "logging-baseline-us-west-2", "us-west-2", "TrailBucket");
        assertEquals(44, trail.declaredAt().line());
        assertEquals(11, trail.declaredAt().column());
        assertTrue(trail.stack().file().endsWith("admin.yaml"), trail.stack().file());
    }

    @Test
    void whatAStackDeploysButIsNotReadIsAnUnresolvedPeerNamingWhy() throws Exception {
        Path project = resource("stack-set");
        Topology t = TopologyBuilder.build(plan(List.of(project), project, List.of()).topologies().get(0))
                .topology();
        List<String> unread = t.unresolvedPeers().stream().map(p -> p.from().logicalId() + ": " + p.kind())
                .toList();
        assertEquals(List.of("PackagedElsewhere: stack set template", "RolledOutLater: stack set Regions",
                "Monitoring: nested stack template"), unread);
        UnresolvedPeer packaged = t.unresolvedPeers().get(0);
        assertTrue(packaged.reason().contains("'https://s3.amazonaws.com/acme-templates/guardrails.yaml' is not a"
                + " local file"), packaged.reason());
        assertEquals(Optional.of("https://s3.amazonaws.com/acme-templates/guardrails.yaml"), packaged.at().text());
        assertTrue(t.unresolvedPeers().get(1).reason().contains("Regions of StackInstancesGroup item 1 are neither"),
                t.unresolvedPeers().get(1).reason());
    }

    @Test
    void anInlineTemplateBodyMappingIsResolvedInItsInstancesNotInTheParent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("admin.yaml"), """
                Resources:
                  Keys:
                    Type: AWS::CloudFormation::StackSet
                    Properties:
                      StackSetName: keys
                      PermissionModel: SELF_MANAGED
                      StackInstancesGroup:
                        - DeploymentTargets: { Accounts: ["111122223333"] }
                          Regions: [eu-west-1]
                      TemplateBody:
                        Resources:
                          Key:
                            Type: AWS::KMS::Key
                            Properties:
                              Description: !Sub "key of ${AWS::Region}"
                          Alias:
                            Type: AWS::KMS::Alias
                            Properties:
                              AliasName: alias/data
                              TargetKeyId: !GetAtt Key.Arn
                """);
        InputPlan plan = plan(List.of(dir.resolve("admin.yaml")), dir, List.of("us-east-1"));
        assertEquals(List.of(), plan.errors());
        Topology t = TopologyBuilder.build(plan.topologies().get(0)).topology();
        assertEquals(Optional.of("key of eu-west-1"), resource(t, "keys-eu-west-1", "eu-west-1", "Key").properties()
                .textAt("Description"));
        Resource key = resource(t, "keys-eu-west-1", "eu-west-1", "Key");
        assertEquals(12, key.declaredAt().line(), "the inline template keeps its place in the file");
        Value body = resource(t, "admin-us-east-1", "us-east-1", "Keys").properties().get("TemplateBody")
                .orElseThrow();
        assertTrue(body.isUnknown(), "the parent does not resolve the inline template's intrinsics: " + body);
    }

    @Test
    void malformedStackSetsAndNestedStacksNeverStopTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hostile.yaml"), """
                Resources:
                  NoProperties: { Type: AWS::CloudFormation::StackSet }
                  BodyIsAList:
                    Type: AWS::CloudFormation::StackSet
                    Properties: { TemplateBody: [a, b], StackInstancesGroup: [{Regions: [us-east-1]}] }
                  BodyIsNotATemplate:
                    Type: AWS::CloudFormation::StackSet
                    Properties: { TemplateBody: "just: text", StackInstancesGroup: [{Regions: [us-east-1]}] }
                  BodyDoesNotParse:
                    Type: AWS::CloudFormation::StackSet
                    Properties: { TemplateBody: "{ not json", StackInstancesGroup: [{Regions: [us-east-1]}] }
                  GroupsAreNotAList:
                    Type: AWS::CloudFormation::StackSet
                    Properties: { TemplateBody: { Resources: {} }, StackInstancesGroup: { Regions: [us-east-1] } }
                  RegionsHoldAMap:
                    Type: AWS::CloudFormation::StackSet
                    Properties:
                      TemplateBody: { Resources: { B: { Type: AWS::S3::Bucket } } }
                      StackInstancesGroup: [{Regions: [{a: b}]}, 7, {Regions: []}]
                  EmptyUrl:
                    Type: AWS::CloudFormation::Stack
                    Properties: { TemplateURL: "" }
                  UrlWithNul:
                    Type: AWS::CloudFormation::Stack
                    Properties: { TemplateURL: "a\\0b.yaml" }
                  UrlIsAFolder:
                    Type: AWS::CloudFormation::Stack
                    Properties: { TemplateURL: "." }
                """);
        InputPlan plan = plan(List.of(dir.resolve("hostile.yaml")), dir, List.of("us-east-1"));
        Topology t = TopologyBuilder.build(plan.topologies().get(0)).topology();
        List<String> errors = plan.errors().stream().map(e -> e.line() + ": " + e.message()).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("8: TemplateBody of stack set 'BodyIsNotATemplate' is not a"
                + " CloudFormation template"), errors.toString());
        assertTrue(errors.get(1).startsWith("11: TemplateBody of stack set 'BodyDoesNotParse': "), errors.toString());
        assertTrue(errors.get(2).startsWith("28: template '.' of nested stack 'UrlIsAFolder' does not exist"),
                errors.toString());
        // what was not read is said, per resource; the instance with an empty Regions list deploys nowhere
        assertEquals(List.of("NoProperties", "BodyIsAList", "GroupsAreNotAList", "RegionsHoldAMap", "RegionsHoldAMap",
                "EmptyUrl", "UrlWithNul"), t.unresolvedPeers().stream().map(p -> p.from().logicalId()).toList());
    }

    @Test
    void aProjectFileThatDeclaresNoStackIsNothingToLint(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".regionlint.yaml"), "version: 1\ntopology:\n  regions: {us-east-1: active}\n");
        InputPlan plan = plan(List.of(dir), dir, List.of());
        assertEquals(List.of(InputError.nothingToLint(".regionlint.yaml", "the project file declares no"
                + " topology.stacks and no topology.cdk")), plan.errors());
        assertEquals(InputError.Kind.NOTHING_TO_LINT, plan.errors().get(0).kind());
    }

    @Test
    void aStackSetTemplateThatIsMissingOrContainsItselfIsAnErrorAtItsUrl(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("loop.yaml"), """
                Resources:
                  Again:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./loop.yaml
                  Missing:
                    Type: AWS::CloudFormation::StackSet
                    Properties:
                      TemplateURL: ./gone.yaml
                      StackInstancesGroup:
                        - DeploymentTargets: { Accounts: ["111122223333"] }
                          Regions: [us-east-1]
                """);
        InputPlan plan = plan(List.of(dir.resolve("loop.yaml")), dir, List.of("us-east-1"));
        assertEquals(List.of(
                new InputError("loop.yaml", 5, 20, "nested stack 'Again' is not read: its template contains itself"),
                new InputError("loop.yaml", 9, 20, "template 'gone.yaml' of stack set 'Missing' does not exist")),
                plan.errors());
    }

    @Test
    void aProjectsTemplatesOutsideItsFolderAreRefusedUnlessItSaysSo(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("shared.yaml"), "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
        String file = "version: 1\ntopology:\n%s  stacks:\n    - name: shared\n      template: ../shared.yaml\n"
                + "      regions: [us-east-1]\n";
        Files.writeString(project.resolve(".regionlint.yaml"), file.formatted(""));
        InputPlan refused = plan(List.of(project), dir, List.of());
        assertEquals(1, refused.errors().size(), refused.errors().toString());
        InputError error = refused.errors().get(0);
        assertEquals("project/.regionlint.yaml", error.file());
        assertEquals(4, error.line());
        assertTrue(error.message().contains("template '../shared.yaml' of stack 'shared' lies outside the project"
                + " file's folder"), error.message());
        assertTrue(error.message().contains("topology.allowTemplatesOutside: true"), error.message());
        assertTrue(refused.topologies().get(0).stacks().isEmpty());
        assertFalse(refused.files().contains(dir.resolve("shared.yaml")), "never read");

        Files.writeString(project.resolve(".regionlint.yaml"), file.formatted("  allowTemplatesOutside: true\n"));
        InputPlan allowed = plan(List.of(project), dir, List.of());
        assertEquals(List.of(), allowed.errors());
        assertEquals(List.of("shared-us-east-1@us-east-1"), names(allowed.topologies().get(0)));
    }
}
