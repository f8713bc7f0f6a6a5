package io.regionlint.pull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.AggregatedSourceStatus;
import software.amazon.awssdk.services.config.model.BatchGetResourceConfigResponse;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.config.model.ResourceKey;
import software.amazon.awssdk.services.config.model.SelectAggregateResourceConfigResponse;
import software.amazon.awssdk.services.config.model.SelectResourceConfigResponse;

/**
 * Pulls deployed state into a snapshot bundle, read-only: Config items per type (advanced query,
 * or list and batch-get where advanced query is refused), CloudFormation stacks with their
 * resource lists and templates. A part that fails (an account, Region and type; a Region's stack
 * list) is recorded in the manifest's coverage and reported, and the rest goes on. Never calls
 * {@code DetectStackDrift} or anything that changes an account.
 */
public final class Puller {

    /** The fields every query names (explicitly: {@code SELECT *}'s set is not documented). */
    static final String SELECT = "SELECT version, accountId, awsRegion, resourceType, resourceId, resourceName, arn,"
            + " availabilityZone, resourceCreationTime, configurationItemCaptureTime, configurationItemStatus,"
            + " configurationStateId, configuration, supplementaryConfiguration, tags, relationships";
    /** Advanced query's and ListDiscoveredResources' largest page; BatchGetResourceConfig's most keys. */
    static final int PAGE = 100;
    private static final int BATCH_ROUNDS = 5;

    private final AwsClients clients;
    private final Optional<PrintWriter> progress;
    private final Clock clock;
    private final Redactor redactor;
    private final List<String> failures = new ArrayList<>();

    /**
     * @param progress where progress goes (standard error), empty for {@code --quiet}
     * @param credentials only to keep its secrets out of every message
     */
    public Puller(AwsClients clients, Optional<PrintWriter> progress, Clock clock, Credentials credentials) {
        this.clients = clients;
        this.progress = progress;
        this.clock = clock;
        this.redactor = new Redactor(credentials);
    }

    /** What Config was asked for one type in one place. */
    private record Outcome(String region, String type, Coverage.Status status, Optional<String> error) {
    }

    public PullResult pull(PullRequest request) throws IOException {
        Instant pulledAt = clock.instant();
        long start = System.nanoTime();
        Bundle bundle = new Bundle();
        List<Coverage> coverage;
        List<Coverage> stackCoverage = new ArrayList<>();
        if (request.usesAggregator()) {
            say("regionlint pull: aggregator '" + request.aggregator().get() + "' in "
                    + request.aggregatorRegion().get() + ", " + request.resourceTypes().size() + " types");
            coverage = aggregator(request, bundle);
        } else {
            say("regionlint pull: " + request.regions().size() + " Region(s) " + String.join(", ", request.regions())
                    + ", " + request.resourceTypes().size() + " types");
            coverage = regions(request, bundle);
        }
        if (request.stacks()) {
            for (String region : request.regions()) {
                stackCoverage.add(stacks(region, bundle, accountHint(bundle, coverage)));
            }
        }
        Path manifest = bundle.write(request.output(), pulledAt, "regionlint " + request.toolVersion(),
                request.aggregator(), coverage, stackCoverage);
        say(String.format(Locale.ROOT, "pulled %d items and %d stacks into %s in %s%s", bundle.itemCount(),
                bundle.stackCount(), request.output(), seconds(start), failures.isEmpty() ? ""
                        : "; " + failures.size() + " part(s) failed, recorded in manifest.json's coverage"));
        return new PullResult(manifest, bundle.itemCount(), bundle.stackCount(), coverage, failures);
    }

    // ---- without an aggregator: each Region on its own

    private List<Coverage> regions(PullRequest request, Bundle bundle) {
        Map<String, Optional<String>> accountOf = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (String region : request.regions()) {
            ConfigClient config = clients.config(region);
            Recorder recorder = recorder(config, region);
            boolean selectRefused = false;
            for (String type : request.resourceTypes()) {
                long start = System.nanoTime();
                String where = "[" + region + "] " + type;
                if (!recorder.records(type)) {
                    outcomes.add(new Outcome(region, type, Coverage.Status.NOT_RECORDED, recorder.why()));
                    say(where + ": not recorded by Config here (" + recorder.why().orElse("") + ")");
                    continue;
                }
                List<ObjectNode> items = null;
                String error = null;
                if (!selectRefused) {
                    try {
                        items = select(config, type);
                    } catch (SdkException | IllegalArgumentException | IOException e) {
                        error = message(e);
                        selectRefused = e instanceof AwsServiceException service && service.statusCode() < 500
                                && !service.isThrottlingException();
                    }
                }
                if (items == null) {
                    try {
                        items = listAndBatchGet(config, type);
                        if (error != null) {
                            say(where + ": advanced query refused (" + error + "); listed and batch-read instead,"
                                    + " without tags and relationships");
                        }
                    } catch (SdkException | IOException e) {
                        error = error == null ? message(e) : error + "; then " + message(e);
                    }
                }
                if (items == null) {
                    outcomes.add(new Outcome(region, type, Coverage.Status.FAILED, Optional.of(error)));
                    fail(where, error, start);
                    continue;
                }
                items.forEach(bundle::add);
                outcomes.add(new Outcome(region, type, Coverage.Status.COMPLETE, Optional.empty()));
                say(where + ": " + items.size() + " item(s) (" + seconds(start) + ")");
            }
            accountOf.put(region, recorder.account());
        }
        // the account of a Region: its recorder's role, else what its items or any Region says
        Optional<String> anyAccount = accountOf.values().stream().flatMap(Optional::stream).findFirst()
                .or(() -> bundle.parts().stream().map(p -> p[0]).findFirst());
        List<Coverage> coverage = new ArrayList<>();
        Map<String, List<Outcome>> global = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (isGlobal(o.type())) {
                global.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o);
                continue;
            }
            String account = accountOf.get(o.region()).or(() -> accountIn(bundle, o.region())).or(() -> anyAccount)
                    .orElse("unknown");
            coverage.add(new Coverage(account, o.region(), o.type(), o.status(),
                    bundle.count(account, o.region(), o.type()), o.error()));
        }
        // a global type is covered once per account: by any Region whose recorder records it
        for (Map.Entry<String, List<Outcome>> e : global.entrySet()) {
            String account = anyAccount.orElse("unknown");
            List<Outcome> all = e.getValue();
            Coverage.Status status = all.stream().anyMatch(o -> o.status() == Coverage.Status.COMPLETE)
                    ? Coverage.Status.COMPLETE
                    : all.stream().anyMatch(o -> o.status() == Coverage.Status.FAILED) ? Coverage.Status.FAILED
                    : Coverage.Status.NOT_RECORDED;
            Optional<String> error = status == Coverage.Status.COMPLETE ? Optional.empty()
                    : all.stream().filter(o -> o.status() == status).map(o -> o.region() + ": " + o.error().orElse(""))
                    .reduce((a, b) -> a + "; " + b);
            coverage.add(new Coverage(account, "global", e.getKey(), status, bundle.count(account, "global", e.getKey()),
                    error));
        }
        return coverage;
    }

    private static Optional<String> accountIn(Bundle bundle, String region) {
        return bundle.parts().stream().filter(p -> p[1].equals(region)).map(p -> p[0]).findFirst();
    }

    static boolean isGlobal(String type) {
        return type.startsWith("AWS::IAM::");
    }

    private List<ObjectNode> select(ConfigClient config, String type) throws IOException {
        List<ObjectNode> items = new ArrayList<>();
        for (SelectResourceConfigResponse page : config.selectResourceConfigPaginator(
                r -> r.expression(expression(type)).limit(PAGE))) {
            for (String result : page.results()) {
                items.add(ItemShapes.fromSelect(result));
            }
        }
        return items;
    }

    static String expression(String type) {
        return SELECT + " WHERE resourceType = '" + type + "'";
    }

    /** The fallback: no tags and no relationships (BatchGetResourceConfig leaves them out). */
    private List<ObjectNode> listAndBatchGet(ConfigClient config, String type) throws IOException {
        List<ResourceKey> keys = new ArrayList<>();
        for (ResourceIdentifier id : config.listDiscoveredResourcesPaginator(r -> r.resourceType(type).limit(PAGE))
                .resourceIdentifiers()) {
            keys.add(ResourceKey.builder().resourceType(type).resourceId(id.resourceId()).build());
        }
        List<ObjectNode> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += PAGE) {
            List<ResourceKey> batch = keys.subList(from, Math.min(keys.size(), from + PAGE));
            for (int round = 0; !batch.isEmpty(); round++) {
                if (round == BATCH_ROUNDS) {
                    throw new IOException(batch.size() + " resource(s) left unprocessed by BatchGetResourceConfig after "
                            + BATCH_ROUNDS + " rounds");
                }
                List<ResourceKey> ask = batch;
                BatchGetResourceConfigResponse response = config.batchGetResourceConfig(r -> r.resourceKeys(ask));
                response.baseConfigurationItems().forEach(i -> items.add(ItemShapes.fromBatchGet(i)));
                batch = response.unprocessedResourceKeys();
            }
        }
        return items;
    }

    /** Which types a Region's recorders record, and whose account they belong to. */
    private record Recorder(Optional<String> account, Optional<Set<String>> types, Optional<String> why) {

        boolean records(String type) {
            return types.map(t -> t.contains(type)).orElse(true);
        }
    }

    private Recorder recorder(ConfigClient config, String region) {
        List<ConfigurationRecorder> recorders;
        try {
            recorders = config.describeConfigurationRecorders().configurationRecorders();
        } catch (SdkException e) {
            say("[" + region + "] which types Config records is unknown (" + message(e) + "); every type is queried");
            return new Recorder(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> account = recorders.stream().map(ConfigurationRecorder::roleARN).filter(a -> a != null)
                .map(Puller::accountOfArn).flatMap(Optional::stream).findFirst();
        if (recorders.isEmpty()) {
            return new Recorder(account, Optional.of(Set.of()), Optional.of("no configuration recorder in " + region));
        }
        Set<String> types = new TreeSet<>();
        for (ConfigurationRecorder recorder : recorders) {
            RecordingGroup group = recorder.recordingGroup();
            if (group == null || Boolean.TRUE.equals(group.allSupported())) {
                return new Recorder(account, Optional.empty(), Optional.empty());
            }
            types.addAll(group.resourceTypesAsStrings());
            if (group.exclusionByResourceTypes() != null && group.exclusionByResourceTypes().hasResourceTypes()) {
                Set<String> excluded = new LinkedHashSet<>(group.exclusionByResourceTypes().resourceTypesAsStrings());
                // recording all types but these
                return new Recorder(account, Optional.of(allBut(excluded)), Optional.of("excluded by the recorder"));
            }
        }
        return new Recorder(account, Optional.of(types), Optional.of("not in the recorder's resource types"));
    }

    private static Set<String> allBut(Set<String> excluded) {
        Set<String> all = new TreeSet<>(PullRequest.DEFAULT_TYPES);
        all.removeAll(excluded);
        return all;
    }

    static Optional<String> accountOfArn(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && parts[4].matches("\\d{12}") ? Optional.of(parts[4]) : Optional.empty();
    }

    // ---- with an aggregator: one query per type for every account and Region

    private List<Coverage> aggregator(PullRequest request, Bundle bundle) {
        String name = request.aggregator().get();
        ConfigClient config = clients.config(request.aggregatorRegion().get());
        // (account, Region) → why its source failed, or empty when it is current
        Map<String, Optional<String>> sources = new TreeMap<>();
        long start = System.nanoTime();
        try {
            for (AggregatedSourceStatus s : config.describeConfigurationAggregatorSourcesStatusPaginator(
                    r -> r.configurationAggregatorName(name)).aggregatedSourceStatusList()) {
                if (s.sourceId() == null || !s.sourceId().matches("\\d{12}") || s.awsRegion() == null) {
                    continue;
                }
                boolean failed = "FAILED".equals(s.lastUpdateStatusAsString());
                sources.put(s.sourceId() + "/" + s.awsRegion(), failed ? Optional.of("the aggregator's last update from "
                        + "this source failed: " + s.lastErrorCode() + ": " + s.lastErrorMessage()) : Optional.empty());
            }
            say("[aggregator " + name + "] " + sources.size() + " source account/Region(s), "
                    + sources.values().stream().filter(Optional::isPresent).count() + " failing (" + seconds(start) + ")");
        } catch (SdkException e) {
            fail("[aggregator " + name + "] source status", message(e), start);
        }
        Map<String, Optional<String>> failedTypes = new LinkedHashMap<>();
        for (String type : request.resourceTypes()) {
            start = System.nanoTime();
            String where = "[aggregator " + name + "] " + type;
            try {
                int count = 0;
                Set<String> places = new TreeSet<>();
                for (SelectAggregateResourceConfigResponse page : config.selectAggregateResourceConfigPaginator(
                        r -> r.expression(expression(type)).configurationAggregatorName(name).limit(PAGE))) {
                    for (String result : page.results()) {
                        ObjectNode item = ItemShapes.fromSelect(result);
                        bundle.add(item);
                        places.add(item.path("awsAccountId").asText() + "/" + item.path("awsRegion").asText());
                        count++;
                    }
                }
                failedTypes.put(type, Optional.empty());
                say(where + ": " + count + " item(s) in " + places.size() + " account/Region(s) (" + seconds(start) + ")");
            } catch (SdkException | IllegalArgumentException | IOException e) {
                failedTypes.put(type, Optional.of(message(e)));
                fail(where, message(e), start);
            }
        }
        // every place known: the aggregator's sources, and wherever items came from
        Set<String> places = new TreeSet<>(sources.keySet());
        Set<String> accounts = new TreeSet<>();
        for (String[] part : bundle.parts()) {
            if (!part[1].equals("global")) {
                places.add(part[0] + "/" + part[1]);
            }
            accounts.add(part[0]);
        }
        places.forEach(p -> accounts.add(p.substring(0, p.indexOf('/'))));
        List<Coverage> coverage = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> t : failedTypes.entrySet()) {
            String type = t.getKey();
            Optional<String> typeError = t.getValue();
            if (isGlobal(type)) {
                for (String account : accounts) {
                    coverage.add(new Coverage(account, "global", type, typeError.isPresent() ? Coverage.Status.FAILED
                            : Coverage.Status.COMPLETE, bundle.count(account, "global", type), typeError));
                }
                if (accounts.isEmpty() && typeError.isPresent()) {
                    coverage.add(new Coverage("*", "global", type, Coverage.Status.FAILED, 0, typeError));
                }
                continue;
            }
            for (String place : places) {
                String account = place.substring(0, place.indexOf('/'));
                String region = place.substring(place.indexOf('/') + 1);
                Optional<String> error = typeError.or(() -> sources.getOrDefault(place, Optional.empty()));
                coverage.add(new Coverage(account, region, type, error.isPresent() ? Coverage.Status.FAILED
                        : Coverage.Status.COMPLETE, bundle.count(account, region, type), error));
            }
            if (places.isEmpty() && typeError.isPresent()) {
                coverage.add(new Coverage("*", "*", type, Coverage.Status.FAILED, 0, typeError));
            }
        }
        sources.forEach((place, error) -> error.ifPresent(e -> failures.add("[aggregator " + name + "] " + place + ": " + e)));
        return coverage;
    }

    // ---- CloudFormation, per Region (Query protocol)

    private static Optional<String> accountHint(Bundle bundle, List<Coverage> coverage) {
        return coverage.stream().map(Coverage::account).filter(a -> a.matches("\\d{12}")).findFirst()
                .or(() -> bundle.parts().stream().map(p -> p[0]).findFirst());
    }

    private Coverage stacks(String region, Bundle bundle, Optional<String> accountHint) {
        long start = System.nanoTime();
        String where = "[" + region + "] CloudFormation stacks";
        CloudFormationClient cloudFormation = clients.cloudFormation(region);
        List<Stack> stacks = new ArrayList<>();
        try {
            for (Stack stack : cloudFormation.describeStacksPaginator(r -> { }).stacks()) {
                if (stack.stackStatus() != StackStatus.DELETE_COMPLETE) {
                    stacks.add(stack);
                }
            }
        } catch (SdkException e) {
            fail(where, message(e), start);
            return new Coverage(accountHint.orElse("unknown"), region, "AWS::CloudFormation::Stack",
                    Coverage.Status.FAILED, 0, Optional.of(message(e)));
        }
        stacks.sort(Comparator.comparing(Stack::stackName));
        String account = accountHint.orElse("unknown");
        for (Stack stack : stacks) {
            account = accountOfArn(stack.stackId()).orElse(account);
            bundle.add(stack(cloudFormation, region, account, stack));
        }
        say(where + ": " + stacks.size() + " stack(s) (" + seconds(start) + ")");
        return new Coverage(account, region, "AWS::CloudFormation::Stack", Coverage.Status.COMPLETE, stacks.size(),
                Optional.empty());
    }

    private Bundle.StackFiles stack(CloudFormationClient cloudFormation, String region, String account, Stack stack) {
        String folder = Bundle.stackFolder(account, region, stack.stackName().replaceAll("[^A-Za-z0-9._-]", "_"));
        String where = "[" + region + "] stack " + stack.stackName();
        long start = System.nanoTime();
        ObjectNode resources = ItemShapes.JSON.createObjectNode();
        String resourcesPath = folder + "resources.json";
        try {
            List<StackResourceSummary> summaries = new ArrayList<>();
            cloudFormation.listStackResourcesPaginator(r -> r.stackName(stack.stackId())).stackResourceSummaries()
                    .forEach(summaries::add);
            summaries.sort(Comparator.comparing(StackResourceSummary::logicalResourceId));
            ArrayNode array = resources.putArray("StackResourceSummaries");
            for (StackResourceSummary s : summaries) {
                ObjectNode o = array.addObject();
                o.put("LogicalResourceId", s.logicalResourceId());
                if (s.physicalResourceId() != null) {
                    o.put("PhysicalResourceId", s.physicalResourceId());
                }
                o.put("ResourceType", s.resourceType());
                if (s.lastUpdatedTimestamp() != null) {
                    o.put("LastUpdatedTimestamp", ItemShapes.iso(s.lastUpdatedTimestamp()));
                }
                o.put("ResourceStatus", s.resourceStatusAsString());
                if (s.driftInformation() != null) {
                    ObjectNode drift = o.putObject("DriftInformation");
                    drift.put("StackResourceDriftStatus", s.driftInformation().stackResourceDriftStatusAsString());
                    if (s.driftInformation().lastCheckTimestamp() != null) {
                        drift.put("LastCheckTimestamp", ItemShapes.iso(s.driftInformation().lastCheckTimestamp()));
                    }
                }
            }
        } catch (SdkException e) {
            fail(where + " resources", message(e), start);
            resourcesPath = null;
        }
        Optional<String> body = Optional.empty();
        String templatePath = null;
        try {
            String text = cloudFormation.getTemplate(r -> r.stackName(stack.stackId())
                    .templateStage(TemplateStage.ORIGINAL)).templateBody();
            if (text != null) {
                body = Optional.of(text);
                templatePath = folder + (text.strip().startsWith("{") ? "template.json" : "template.yaml");
            }
        } catch (SdkException e) {
            fail(where + " template", message(e), start);
        }
        Map<String, String> parameters = new TreeMap<>();
        if (stack.hasParameters()) {
            for (Parameter p : stack.parameters()) {
                // an SSM parameter's resolved value is what the stack was deployed with
                String value = p.resolvedValue() != null ? p.resolvedValue() : p.parameterValue();
                parameters.put(p.parameterKey(), value == null ? "" : value);
            }
        }
        return new Bundle.StackFiles(new StackEntry(account, region, stack.stackName(), stack.stackId(),
                stack.stackStatusAsString(), resourcesPath, templatePath, parameters), resources, body);
    }

    // ---- messages

    private void fail(String where, String error, long start) {
        failures.add(where + ": " + error);
        say(where + ": FAILED: " + error + " (" + seconds(start) + ")");
    }

    private void say(String line) {
        progress.ifPresent(p -> {
            p.println(redactor.redact(line));
            p.flush();
        });
    }

    /** What went wrong, for people: the service's error code and message, never a request's headers. */
    String message(Exception e) {
        String text;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String detail = service.awsErrorDetails().errorMessage();
            text = (code == null ? "HTTP " + service.statusCode() : code + " (HTTP " + service.statusCode() + ")")
                    + (detail == null || detail.isBlank() ? "" : ": " + detail);
        } else {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return redactor.redact(text.replaceAll("\\s+", " ").strip());
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Keeps the secret key and session token out of every line, whatever an exception says. */
    static final class Redactor {
        private final List<String> secrets = new ArrayList<>();

        Redactor(Credentials credentials) {
            if (credentials.kind() == Credentials.Kind.KEYS) {
                secrets.add(credentials.secretAccessKey());
                credentials.sessionToken().ifPresent(secrets::add);
            }
        }

        String redact(String text) {
            String out = text;
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    out = out.replace(secret, "****");
                }
            }
            return out;
        }
    }
}
