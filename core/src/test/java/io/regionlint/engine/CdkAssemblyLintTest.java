package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.regionlint.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.regionlint.load.InputError;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.StackInstance;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import io.regionlint.report.ReportContext;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.Reporter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints the real synthesised assemblies under {@code src/test/resources/cdk/}: stack instances,
 * twins, nested stacks, environment-agnostic stacks, cross-Region references, and how findings
 * on CDK resources are reported.
 */
class CdkAssemblyLintTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reports nothing; keeps the topology it was shown. */
    @RuleInfo(id = "RL9801", summary = "Test rule: captures the topology", severity = Severity.NOTE,
            category = "test", since = "0.1.0")
    static final class CaptureRule implements Rule {
        volatile Topology topology;

        @Override
        public void check(RuleContext context) {
            topology = context.topology();
        }
    }

    /** One finding per bucket, at its versioning status. */
    @RuleInfo(id = "RL9802", summary = "Test rule: every bucket", severity = Severity.WARNING,
            category = "test", since = "0.1.0")
    static final class EveryBucketRule implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Resource bucket : context.topology().resources("AWS::S3::Bucket")) {
                Value at = bucket.properties().at("VersioningConfiguration", "Status").orElse(bucket.properties());
                context.report(Site.of(bucket, at), "Bucket " + bucket.describe());
            }
        }
    }

    private final CaptureRule capture = new CaptureRule();
    private final Linter linter = new Linter(new RuleRegistry(List.of(capture, new EveryBucketRule())));

    private static Path assembly(String app) throws URISyntaxException {
        return Path.of(CdkAssemblyLintTest.class.getResource("/cdk/" + app + "/cdk.out").toURI());
    }

    private LintResult lint(Path input, List<String> regions) {
        return linter.run(LintRequest.of(List.of(input), input.getParent()).withRegions(regions));
    }

    private static StackInstance stack(Topology t, String name) {
        return t.stacks().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + t.stacks().stream().map(StackInstance::name)
                        .toList()));
    }

    private static Resource resource(Topology t, String stack, String logicalId) {
        return t.resources().stream().filter(r -> r.stack().name().equals(stack) && r.logicalId().equals(logicalId))
                .findFirst().orElseThrow(() -> new AssertionError(stack + "/" + logicalId));
    }

    @Test
    void regionalStagesAreTwinsAndTheirNestedStacksAreFollowed() throws Exception {
        LintResult result = lint(assembly("stages"), List.of());
        assertEquals(List.of(), result.errors());
        Topology t = capture.topology;
        assertEquals(List.of("Prod-us-east-1-App", "Prod-us-east-1-App-TablesNestedStackTablesNestedStackResource7FF045E1",
                "Prod-eu-west-1-App", "Prod-eu-west-1-App-TablesNestedStackTablesNestedStackResource7FF045E1"),
                t.stacks().stream().map(StackInstance::name).toList());
        StackInstance east = stack(t, "Prod-us-east-1-App");
        StackInstance west = stack(t, "Prod-eu-west-1-App");
        assertEquals(Optional.of("us-east-1"), east.region());
        assertEquals(Optional.of("eu-west-1"), west.region());
        assertEquals(Optional.of("111122223333"), west.account());
        assertEquals("App", east.group());
        assertEquals(east.group(), west.group(), "twins");
        Map<String, List<String>> regionsByGroup = t.stacks().stream().collect(Collectors.groupingBy(
                StackInstance::group, java.util.LinkedHashMap::new,
                Collectors.mapping(s -> s.region().orElseThrow(), Collectors.toList())));
        assertEquals(Map.of("App", List.of("us-east-1", "eu-west-1"),
                "App/TablesNestedStackTablesNestedStackResource7FF045E1", List.of("us-east-1", "eu-west-1")),
                regionsByGroup);
        // the nested stack: its resources, with construct paths, in the parent's Region and account
        String nested = "Prod-us-east-1-App-TablesNestedStackTablesNestedStackResource7FF045E1";
        Resource orders = resource(t, nested, "Orders");
        assertEquals(Optional.of("Prod-us-east-1/App/Tables/Orders"), orders.constructPath());
        assertEquals(Optional.of("us-east-1"), orders.region());
        assertEquals(Optional.of("orders-us-east-1"), orders.properties().textAt("TableName"));
        assertEquals(Optional.of(new io.regionlint.model.StackSpec.NestedIn("Prod-us-east-1-App",
                "TablesNestedStackTablesNestedStackResource7FF045E1")), stack(t, nested).nestedIn());
        // parameters the parent passes are resolved in the parent
        Resource policy = resource(t, nested, "DataPolicy");
        assertEquals(Optional.of("orders-data-us-east-1"), policy.properties().textAt("Bucket"));
        assertEquals("arn:aws:s3:::orders-data-us-east-1", ((io.regionlint.model.ListValue) policy.properties()
                .at("PolicyDocument").flatMap(d -> d.at("Statement")).map(s -> ((io.regionlint.model.ListValue) s)
                        .items().get(0)).flatMap(s -> s.at("Resource")).orElseThrow()).items().get(0).text().orElseThrow());
        // the parent reads the nested stack's outputs: the archive bucket's ARN names that bucket
        Resource readPolicy = resource(t, "Prod-us-east-1-App", "ArchiveReaderDefaultPolicy7CAFD440");
        Value granted = ((io.regionlint.model.ListValue) readPolicy.properties().at("PolicyDocument", "Statement")
                .map(s -> ((io.regionlint.model.ListValue) s).items().get(0)).flatMap(s -> s.at("Resource"))
                .orElseThrow()).items().get(0);
        assertEquals(Optional.of("arn:aws:s3:::" + io.regionlint.model.Tokens.ref(stack(t, nested).id(),
                "ArchiveDA4CB258")),
                granted.text());
        assertEquals("cdk.out/assembly-Prod-us-east-1/Produseast1App23060204.template.json",
                granted.range().file(), "located where the parent reads it");
        // scaffolding: no CDKMetadata resource, and BootstrapVersion has a default
        assertTrue(t.resources().stream().noneMatch(r -> r.isType("AWS::CDK::Metadata")));
        assertTrue(t.stacks().stream().allMatch(s -> s.unknownParameters().isEmpty()),
                t.stacks().stream().map(StackInstance::unknownParameters).toList().toString());
        assertEquals(4, result.summary().stacks());
        assertEquals(4, result.summary().files(), "two templates and two nested templates");
    }

    @Test
    void stagesWithinStagesAreTwinsToo() throws Exception {
        lint(assembly("nested-stages"), List.of());
        Topology t = capture.topology;
        assertEquals(List.of("Pipeline-Blue-App", "Pipeline-Green-App"), t.stacks().stream().map(StackInstance::name)
                .toList());
        assertEquals(List.of("App", "App"), t.stacks().stream().map(StackInstance::group).toList());
        assertEquals(Optional.of("Pipeline/Green/App/Assets/Resource"),
                t.resources("AWS::S3::Bucket").get(1).constructPath());
    }

    @Test
    void environmentAgnosticStackIsRegionlessWithoutRegions() throws Exception {
        LintResult result = lint(assembly("env-agnostic"), List.of());
        assertEquals(List.of(), result.errors());
        Topology t = capture.topology;
        assertEquals(List.of("Logs", "Logs-AuditNestedStackAuditNestedStackResourceF69BD105"),
                t.stacks().stream().map(StackInstance::name).toList());
        assertTrue(t.stacks().stream().allMatch(s -> s.region().isEmpty()));
        assertTrue(t.resources("AWS::S3::Bucket").get(0).properties().get("BucketName").orElseThrow().isUnknown());
    }

    @Test
    void environmentAgnosticStackIsDeployedToEachGivenRegion() throws Exception {
        Path cdkOut = assembly("env-agnostic");
        linter.run(LintRequest.of(List.of(cdkOut), cdkOut.getParent()).withRegions(List.of("us-east-1", "eu-west-1"))
                .withParameters(Map.of(), Optional.of("444455556666")));
        Topology t = capture.topology;
        String nested = "AuditNestedStackAuditNestedStackResourceF69BD105";
        assertEquals(List.of("Logs-us-east-1", "Logs-us-east-1-" + nested, "Logs-eu-west-1", "Logs-eu-west-1-" + nested),
                t.stacks().stream().map(StackInstance::name).toList());
        assertEquals(List.of("Logs", "Logs/" + nested, "Logs", "Logs/" + nested),
                t.stacks().stream().map(StackInstance::group).toList());
        assertEquals(List.of(Optional.of("us-east-1"), Optional.of("us-east-1"), Optional.of("eu-west-1"),
                Optional.of("eu-west-1")), t.stacks().stream().map(StackInstance::region).toList());
        assertEquals(List.of("logs-444455556666-us-east-1", "logs-444455556666-eu-west-1"),
                t.resources("AWS::S3::Bucket").stream().map(Resource::physicalName)
                        .filter(n -> n.startsWith("logs-")).toList());
        assertEquals(Optional.of("Logs/Audit/Audit/Resource"), resource(t, "Logs-eu-west-1-" + nested,
                "Audit3D8ADE0A").constructPath());
    }

    @Test
    void environmentAgnosticStackTakesTheProjectFilesRegions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".regionlint.yaml"), """
                version: 1
                topology:
                  regions:
                    us-east-1: active
                    us-west-2: standby
                  accounts: { default: "111122223333" }
                  cdk: cdk.out
                """);
        TestFiles.copyTree(assembly("env-agnostic"), dir.resolve("cdk.out"));
        LintResult result = linter.run(LintRequest.of(List.of(), dir).withConfig(Optional.of(dir.resolve(".regionlint.yaml")),
                Map.of()));
        assertEquals(List.of(), result.errors());
        Topology t = capture.topology;
        assertEquals(List.of("Logs-us-east-1", "Logs-us-west-2"), t.stacks().stream().filter(s -> s.nestedIn().isEmpty())
                .map(StackInstance::name).toList());
        assertEquals("cdk.out/Logs.template.json", t.stacks().get(0).file());
        assertEquals(Optional.of("logs-111122223333-us-west-2"), resource(t, "Logs-us-west-2", "Logs6819BB44")
                .properties().textAt("BucketName"));
    }

    @Test
    void oneStackNameInTwoEnvironmentsKeepsItsNameInBoth(@TempDir Path dir) throws Exception {
        // new App(); new Stack(app, 'East', {stackName: 'app', env: {region: 'us-east-1'}}) and
        // the same for 'West' in us-west-2: two stacks named 'app', unique per Region
        String template = """
                {"Resources": {"Data": {"Type": "AWS::S3::Bucket",
                  "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-data-${AWS::Region}"}}}}}
                """;
        Files.writeString(dir.resolve("East.template.json"), template);
        Files.writeString(dir.resolve("West.template.json"), template);
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": "55.0.0", "artifacts": {
                  "East": {"type": "aws:cloudformation:stack", "environment": "aws://111122223333/us-east-1",
                    "displayName": "East", "properties": {"templateFile": "East.template.json", "stackName": "app"}},
                  "West": {"type": "aws:cloudformation:stack", "environment": "aws://111122223333/us-west-2",
                    "displayName": "West", "properties": {"templateFile": "West.template.json", "stackName": "app"}}}}
                """);
        LintResult result = lint(dir, List.of());
        assertEquals(List.of(), result.errors());
        Topology t = capture.topology;
        assertEquals(List.of("app", "app"), t.stacks().stream().map(StackInstance::name).toList());
        assertEquals(List.of(Optional.of("app-data-us-east-1"), Optional.of("app-data-us-west-2")),
                t.resources().stream().map(r -> r.properties().textAt("BucketName")).toList(),
                "AWS::StackName is the name the stack has in its Region");
    }

    @Test
    void projectFileNamingNoAssemblyIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".regionlint.yaml"), "version: 1\ntopology:\n  cdk: build/cdk.out\n");
        LintResult result = linter.run(LintRequest.of(List.of(dir.resolve(".regionlint.yaml")), dir));
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertEquals(3, result.errors().get(0).line());
        assertTrue(result.errors().get(0).message().contains("not a CDK cloud assembly"), result.errors().toString());
    }

    @Test
    void aFolderHoldingCdkOutIsSearchedWithoutIt() throws Exception {
        Path app = assembly("stages").getParent();
        LintResult result = lint(app, List.of());
        assertEquals(0, capture.topology.stacks().size(), "cdk.out below a searched folder is skipped");
        // but a run that read nothing says so, and where the templates are
        assertEquals(1, result.errors().size(), result.errors().toString());
        InputError error = result.errors().get(0);
        assertEquals(InputError.Kind.NOTHING_TO_LINT, error.kind());
        assertTrue(error.message().contains("cdk.out is a CDK cloud assembly, read only when named: check "),
                error.message());
    }

    @Test
    void theManifestFileNamesItsAssembly() throws Exception {
        lint(assembly("cross-region").resolve("manifest.json"), List.of());
        assertEquals(2, capture.topology.stacks().size());
    }

    @Test
    void crossRegionReferencesLinkTheTwoRegions() throws Exception {
        LintResult result = lint(assembly("cross-region"), List.of());
        assertEquals(List.of(), result.errors());
        Topology t = capture.topology;
        Resource source = resource(t, "SourceStack", "Source");
        Resource replica = resource(t, "ReplicaStack", "ReplicaDDFB2A87");
        Value destination = source.properties().at("ReplicationConfiguration").flatMap(v -> v.at("Rules"))
                .map(v -> ((io.regionlint.model.ListValue) v).items().get(0)).flatMap(v -> v.at("Destination", "Bucket"))
                .orElseThrow();
        assertEquals(Optional.of("arn:aws:s3:::orders-replica-us-west-2"), destination.text());
        // located in the consumer's template, where the reference is read
        assertEquals("cdk.out/SourceStack.template.json", destination.range().file());
        List<ReplicationRule> rules = t.replicationRulesFrom(source);
        assertEquals(1, rules.size());
        assertEquals(Optional.of(replica), rules.get(0).destination());
        assertTrue(rules.get(0).crossRegion());
        assertEquals(List.of(), t.unresolvedPeers());
        // the reader's own SSM dynamic references resolve too
        Resource reader = resource(t, "SourceStack", "ExportsReader8B249524");
        assertEquals(Optional.of("arn:aws:s3:::orders-replica-us-west-2"), reader.properties().textAt("ReaderProps",
                "imports", "/cdk/exports/SourceStack/ReplicaStackuswest2FnGetAttReplicaDDFB2A87Arn8185256B"));
    }

    @Test
    void crossRegionReferenceWithoutTheProducerStaysUnknown() throws Exception {
        Path source = assembly("cross-region").resolve("SourceStack.template.json");
        lint(source, List.of("us-east-1"));
        Topology t = capture.topology;
        Value destination = t.resources("AWS::S3::Bucket").get(0).properties().at("ReplicationConfiguration")
                .flatMap(v -> v.at("Rules")).map(v -> ((io.regionlint.model.ListValue) v).items().get(0))
                .flatMap(v -> v.at("Destination", "Bucket")).orElseThrow();
        assertTrue(destination.isUnknown(), destination.toString());
        assertTrue(((io.regionlint.model.UnknownValue) destination).reason().contains("CDK cross-Region reference"),
                destination.toString());
    }

    @Test
    void findingsOnCdkResourcesCarryTheirConstructPath() throws Exception {
        LintResult result = lint(assembly("stages"), List.of());
        Finding finding = result.findings().stream().filter(f -> f.ruleId().equals("RL9802")
                && f.resource().orElseThrow().logicalId().equals("Data666C94C7")
                && f.regions().equals(List.of("us-east-1"))).findFirst().orElseThrow();
        assertEquals(Optional.of("Prod-us-east-1/App/Data/Resource"), finding.resource().orElseThrow().constructPath());
        assertEquals("cdk.out/assembly-Prod-us-east-1/Produseast1App23060204.template.json", finding.location().file());
        ReportContext context = new ReportContext("1.0.0", false, assembly("stages").getParent());
        JsonNode json = MAPPER.readTree(render(ReportFormat.JSON, result, context));
        JsonNode jsonFinding = find(json.get("findings"), "Data666C94C7", "us-east-1");
        assertEquals("Prod-us-east-1/App/Data/Resource", jsonFinding.at("/resource/constructPath").asText());
        assertEquals(finding.location().line(), jsonFinding.at("/location/line").asInt());
        JsonNode sarif = MAPPER.readTree(render(ReportFormat.SARIF, result, context));
        JsonNode sarifResult = null;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.at("/partialFingerprints").elements().next().asText().equals(finding.fingerprint())) {
                sarifResult = r;
            }
        }
        assertTrue(sarifResult != null);
        JsonNode location = sarifResult.at("/locations/0");
        assertEquals("Prod-us-east-1/App/Data/Resource", location.at("/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("cdk.out/assembly-Prod-us-east-1/Produseast1App23060204.template.json",
                location.at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals(finding.location().line(), location.at("/physicalLocation/region/startLine").asInt());
        String text = render(ReportFormat.TEXT, result, context);
        assertTrue(text.contains("construct path: Prod-us-east-1/App/Data/Resource"), text);
    }

    @Test
    void fingerprintsOfCdkFindingsSurviveARegeneratedAssembly(@TempDir Path dir) throws Exception {
        Path original = assembly("stages");
        LintResult before = lint(original, List.of());
        // the same assembly with every template laid out anew: other lines, same constructs
        Path copy = TestFiles.copyTree(original, dir.resolve("cdk.out"));
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".template.json")).toList()) {
                JsonNode template = MAPPER.readTree(f.toFile());
                Files.writeString(f, "\n\n\n" + pretty.writeValueAsString(template));
            }
        }
        LintResult after = lint(copy, List.of());
        List<Finding> a = before.findings().stream().filter(f -> f.ruleId().equals("RL9802")).toList();
        List<Finding> b = after.findings().stream().filter(f -> f.ruleId().equals("RL9802")).toList();
        assertEquals(4, a.size(), "one bucket per Region in the stacks, one per Region in the nested stacks");
        assertEquals(a.stream().map(Finding::fingerprint).sorted().toList(),
                b.stream().map(Finding::fingerprint).sorted().toList());
        assertNotEquals(a.stream().map(f -> f.location().line()).sorted().toList(),
                b.stream().map(f -> f.location().line()).sorted().toList(), "the lines did move");
        assertEquals(a.size(), a.stream().map(Finding::fingerprint).distinct().count(), "unique");
    }

    @Test
    void oneEnvironmentAgnosticStackInTwoRegionsHasDistinctFingerprints() throws Exception {
        LintResult result = lint(assembly("env-agnostic"), List.of("us-east-1", "eu-west-1"));
        List<Finding> buckets = result.findings().stream().filter(f -> f.ruleId().equals("RL9802")).toList();
        assertEquals(4, buckets.size(), "a bucket in the stack and one in its nested stack, in each Region");
        assertEquals(4, buckets.stream().map(Finding::fingerprint).distinct().count());
    }

    private static JsonNode find(JsonNode findings, String logicalId, String region) {
        for (JsonNode f : findings) {
            if (f.at("/resource/logicalId").asText().equals(logicalId) && f.at("/resource/region").asText().equals(region)) {
                return f;
            }
        }
        throw new AssertionError(logicalId + " in " + region);
    }

    private static String render(ReportFormat format, LintResult result, ReportContext context) throws IOException {
        StringWriter out = new StringWriter();
        new Reporter().write(format, result, context, out);
        return out.toString();
    }
}
