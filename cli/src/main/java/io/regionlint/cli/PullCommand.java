package io.regionlint.cli;

import io.regionlint.pull.AwsClients;
import io.regionlint.pull.Credentials;
import io.regionlint.pull.PullRequest;
import io.regionlint.pull.PullResult;
import io.regionlint.pull.Puller;
import io.regionlint.report.ReportContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code regionlint pull}: snapshot what is deployed (AWS Config, CloudFormation) into a bundle, read-only. */
@Command(name = "pull", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        description = {
            "Snapshot what is deployed, read-only, into a bundle folder that 'check --deployed' and 'drift --deployed' "
                    + "read offline: the AWS Config items of the types regionlint models (S3 buckets, DynamoDB tables, "
                    + "RDS clusters, instances and global clusters, KMS keys, IAM roles and policies, secrets, "
                    + "CloudFormation stacks) and each Region's CloudFormation stacks with their resource lists and "
                    + "templates.",
            "",
            "Either name Regions (--region, one Config query per Region and type, the caller's account), or an "
                    + "AWS Config aggregator and its home Region (one query per type for every account and Region "
                    + "it aggregates; --region then says where to also pull stacks and templates). Credentials come "
                    + "from --profile, else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, else the AWS "
                    + "SDK's default chain; they are never written anywhere. Only Describe/List/Get/Select calls are "
                    + "made (never DetectStackDrift); the least-privilege IAM policy for each mode is in the README "
                    + "(section 'Pull deployed state').",
            "",
            "Progress goes to standard error. A part that fails (a Region refusing access, a type, a stack list) "
                    + "is reported, recorded in the manifest's coverage as failed, and the rest is still pulled: "
                    + "the exit code is then 3, never 0, since check and drift cannot conclude anything where the "
                    + "coverage says failed. The bundle format: docs/snapshot-bundle.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # Two Regions of the account of profile 'audit', then lint the system against them",
            "  regionlint pull --profile audit --region us-east-1 --region us-west-2 --output snapshot/",
            "  regionlint drift templates/ --regions us-east-1,us-west-2 --deployed snapshot/",
            "",
            "  # An organisation through its Config aggregator (home Region eu-west-1)",
            "  regionlint pull --aggregator org --aggregator-region eu-west-1 --output snapshot/"})
final class PullCommand implements Callable<Integer> {

    /** For tests only: every request goes to this endpoint (a local fake) instead of AWS. */
    static final String ENDPOINT_PROPERTY = "regionlint.endpoint";

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "The bundle folder: created; an earlier bundle in it is replaced. A folder that holds "
                    + "anything else is refused.")
    private String output;

    @Option(names = "--region", paramLabel = "REGION", split = ",", converter = RegionConverter.class,
            description = "A Region to pull (repeatable, or comma-separated). With --aggregator: where to pull "
                    + "CloudFormation stacks and templates of the caller's account.")
    private List<String> regions = new ArrayList<>();

    @Option(names = "--aggregator", paramLabel = "NAME",
            description = "An AWS Config aggregator: one query per type covers all its accounts and Regions.")
    private String aggregator;

    @Option(names = "--aggregator-region", paramLabel = "REGION", converter = RegionConverter.class,
            description = "The aggregator's home Region (required with --aggregator).")
    private String aggregatorRegion;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A profile of ~/.aws/config and ~/.aws/credentials (keys or credential_process; for SSO "
                    + "or role profiles export the credentials first: aws configure export-credentials).")
    private String profile;

    @Option(names = "--no-stacks", description = "Do not pull CloudFormation stacks, resource lists and templates.")
    private boolean noStacks;

    @Option(names = "--retry-mode", paramLabel = "MODE", defaultValue = "adaptive",
            description = "standard or adaptive (default: ${DEFAULT-VALUE}: the SDK also slows itself down when "
                    + "throttled).")
    private String retryMode;

    @Option(names = "--max-requests-per-second", paramLabel = "N", defaultValue = "5",
            description = "At most N requests a second across all Regions, retries included (default: "
                    + "${DEFAULT-VALUE}); Config's and CloudFormation's rate limits are shared with the account's other "
                    + "callers.")
    private double maxRequestsPerSecond;

    @Option(names = "--quiet", description = "No progress on standard error (failures are still reported).")
    private boolean quiet;

    @Option(names = "--endpoint", hidden = true,
            description = "For tests only: send every request to this URL (a local fake), not to AWS.")
    private String endpoint;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        Environment environment = main.environment();
        Optional<String> aggregatorName = Optional.ofNullable(aggregator).filter(a -> !a.isBlank());
        if (aggregatorName.isPresent() && aggregatorRegion == null) {
            throw new ParameterException(spec.commandLine(), "--aggregator " + aggregator + " needs its home Region: "
                    + "--aggregator-region REGION");
        }
        if (aggregatorName.isEmpty() && aggregatorRegion != null) {
            throw new ParameterException(spec.commandLine(), "--aggregator-region is only used with --aggregator NAME");
        }
        if (aggregatorName.isEmpty() && regions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to pull: give --region REGION (repeatable) or "
                    + "--aggregator NAME --aggregator-region REGION");
        }
        AwsClients.RetryMode mode;
        try {
            mode = AwsClients.RetryMode.valueOf(retryMode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--retry-mode " + retryMode
                    + " is not a retry mode (expected standard or adaptive)");
        }
        if (!(maxRequestsPerSecond > 0)) {
            throw new ParameterException(spec.commandLine(), "--max-requests-per-second must be more than 0");
        }
        Path dir = environment.resolve(output);
        refuseForeignFolder(dir);
        Optional<URI> fake = Optional.ofNullable(endpoint).or(() -> Optional.ofNullable(System.getProperty(ENDPOINT_PROPERTY)))
                .map(URI::create);
        Credentials credentials = credentials(environment);
        PullRequest request = new PullRequest(dir, List.copyOf(new java.util.LinkedHashSet<>(regions)), aggregatorName,
                Optional.ofNullable(aggregatorRegion), PullRequest.DEFAULT_TYPES, !noStacks,
                ReportContext.currentVersion());
        PrintWriter err = spec.commandLine().getErr();
        PullResult result;
        try (AwsClients clients = AwsClients.create(credentials, fake, mode, maxRequestsPerSecond)) {
            result = new Puller(clients, quiet ? Optional.empty() : Optional.of(err), Clock.systemUTC(), credentials)
                    .pull(request);
        } catch (IOException e) {
            err.println("regionlint: cannot write the bundle to " + dir + ": " + e.getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        if (!result.complete()) {
            if (quiet) {
                result.failures().forEach(f -> err.println("regionlint pull: " + f));
            }
            err.println("regionlint pull: partial: " + result.failures().size() + " part(s) could not be pulled; "
                    + "the bundle's coverage marks them failed");
            err.flush();
            return ExitCode.INPUT_ERROR.code();
        }
        return ExitCode.OK.code();
    }

    /** --profile, else keys in the environment, else the SDK's default chain. */
    private Credentials credentials(Environment environment) {
        if (profile != null) {
            return Credentials.profile(profile);
        }
        String id = environment.variables().get("AWS_ACCESS_KEY_ID");
        String secret = environment.variables().get("AWS_SECRET_ACCESS_KEY");
        if (id != null && !id.isEmpty() && secret != null && !secret.isEmpty()) {
            return Credentials.keys(id, secret, Optional.ofNullable(environment.variables().get("AWS_SESSION_TOKEN"))
                    .filter(t -> !t.isEmpty()));
        }
        return Credentials.defaultChain();
    }

    /** A bundle is replaced; a folder holding anything else is the user's, never emptied. */
    private void refuseForeignFolder(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " is a file; give a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            Path manifest = dir.resolve("manifest.json");
            if (Files.isRegularFile(manifest) && Files.readString(manifest).contains("\"regionlint-snapshot-bundle\"")) {
                return;
            }
            if (entries.findAny().isPresent()) {
                throw new ParameterException(spec.commandLine(), "--output " + output + " holds files but no bundle "
                        + "(manifest.json); give an empty or new folder");
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " cannot be read: " + e.getMessage());
        }
    }
}
