package io.regionlint.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Config and CloudFormation on loopback, for the real SDK clients: Config speaks JSON 1.1
 * ({@code X-Amz-Target: StarlingDoveService.<Operation>}), CloudFormation the Query protocol
 * (form-encoded {@code Action=...}, XML answers), with the shapes the services return. The Region
 * of a request is read from its SigV4 credential scope. Pages are small so that every paginator
 * follows several {@code NextToken}s; faults are switched on per Region or operation.
 */
public final class FakeAws implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String operation, String region, Map<String, String> headers, String body) {
    }

    /** The account the test credentials belong to (direct, non-aggregate calls see only its items). */
    public static final String ACCOUNT = "111122223333";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TYPE = Pattern.compile("resourceType = '([^']+)'");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");

    private final HttpServer server;
    private final List<ObjectNode> items = new ArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Regions where every call is refused (AccessDenied), and where every call fails with 500. */
    public final Set<String> deniedRegions = new HashSet<>();
    public final Set<String> brokenRegions = new HashSet<>();
    /** Regions where advanced query is refused, so pull lists and batch-reads there. */
    public final Set<String> selectDenied = new HashSet<>();
    /** Aggregator sources whose last update failed, as "account/Region". */
    public final Set<String> failedSources = new HashSet<>();
    /** How many ThrottlingException answers the next Select requests get before one succeeds. */
    public final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger batchCalls = new AtomicInteger();
    public int pageSize = 2;

    static {
        // the JDK server writes headers and body apart; without this every answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        try (InputStream in = FakeAws.class.getResourceAsStream("fake-items.json")) {
            for (JsonNode item : JSON.readTree(in)) {
                items.add((ObjectNode) item);
            }
        }
    }

    public static FakeAws start() throws IOException {
        return new FakeAws();
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Matcher scope = SCOPE.matcher(headers.getOrDefault("authorization", ""));
            String region = scope.find() ? scope.group(1) : "?";
            String target = headers.get("x-amz-target");
            if (target != null) {
                String operation = target.substring(target.indexOf('.') + 1);
                requests.add(new Request(operation, region, headers, body));
                config(exchange, operation, region, (ObjectNode) JSON.readTree(body.isEmpty() ? "{}" : body));
            } else {
                Map<String, String> form = form(body);
                String operation = form.getOrDefault("Action", "?");
                requests.add(new Request(operation, region, headers, body));
                cloudFormation(exchange, operation, region, form);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    // ---- AWS Config, JSON 1.1

    private void config(HttpExchange exchange, String operation, String region, ObjectNode in) throws IOException {
        if (brokenRegions.contains(region)) {
            json(exchange, 500, "{\"__type\":\"InternalFailure\",\"message\":\"We encountered an internal error.\"}");
            return;
        }
        if (deniedRegions.contains(region) || operation.equals("SelectResourceConfig") && selectDenied.contains(region)) {
            json(exchange, 400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:iam::" + ACCOUNT
                    + ":user/auditor is not authorized to perform: config:" + operation + "\"}");
            return;
        }
        if (operation.startsWith("Select") && throttles.get() > 0 && throttles.getAndDecrement() > 0) {
            json(exchange, 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "DescribeConfigurationRecorders" -> {
                ObjectNode recorder = out.putArray("ConfigurationRecorders").addObject();
                recorder.put("name", "default");
                recorder.put("roleARN", "arn:aws:iam::" + ACCOUNT
                        + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
                ObjectNode group = recorder.putObject("recordingGroup");
                group.put("allSupported", true);
                group.put("includeGlobalResourceTypes", region.equals("us-east-1"));
            }
            case "SelectResourceConfig", "SelectAggregateResourceConfig" -> {
                boolean aggregate = operation.startsWith("SelectAggregate");
                Matcher type = TYPE.matcher(in.path("Expression").asText());
                if (!type.find()) {
                    json(exchange, 400, "{\"__type\":\"InvalidExpressionException\",\"message\":\"no type\"}");
                    return;
                }
                List<ObjectNode> found = items.stream().filter(i -> i.path("resourceType").asText().equals(type.group(1)))
                        .filter(i -> aggregate || i.path("accountId").asText().equals(ACCOUNT)
                                && (i.path("awsRegion").asText().equals(region)
                                    || i.path("awsRegion").asText().equals("global") && region.equals("us-east-1")))
                        .toList();
                int from = in.has("NextToken") ? Integer.parseInt(in.path("NextToken").asText().substring(5)) : 0;
                ArrayNode results = out.putArray("Results");
                for (int i = from; i < Math.min(found.size(), from + pageSize); i++) {
                    results.add(JSON.writeValueAsString(found.get(i)));
                }
                ArrayNode fields = out.putObject("QueryInfo").putArray("SelectFields");
                for (String f : List.of("version", "accountId", "awsRegion", "resourceType", "resourceId")) {
                    fields.addObject().put("Name", f);
                }
                if (from + pageSize < found.size()) {
                    out.put("NextToken", "page-" + (from + pageSize));
                }
            }
            case "DescribeConfigurationAggregatorSourcesStatus" -> {
                ArrayNode list = out.putArray("AggregatedSourceStatusList");
                for (String place : List.of(ACCOUNT + "/us-east-1", ACCOUNT + "/us-west-2", "444455556666/us-west-2",
                        "444455556666/eu-west-1")) {
                    ObjectNode s = list.addObject();
                    s.put("SourceId", place.substring(0, 12));
                    s.put("SourceType", "ACCOUNT");
                    s.put("AwsRegion", place.substring(13));
                    boolean failed = failedSources.contains(place);
                    s.put("LastUpdateStatus", failed ? "FAILED" : "SUCCEEDED");
                    s.put("LastUpdateTime", 1764586800);
                    if (failed) {
                        s.put("LastErrorCode", "AccessDeniedException");
                        s.put("LastErrorMessage", "The aggregator's role cannot read this source.");
                    }
                }
            }
            case "ListDiscoveredResources" -> {
                String type = in.path("resourceType").asText();
                List<ObjectNode> found = mine(region, type);
                int from = in.has("nextToken") ? Integer.parseInt(in.path("nextToken").asText()) : 0;
                ArrayNode ids = out.putArray("resourceIdentifiers");
                for (int i = from; i < Math.min(found.size(), from + pageSize); i++) {
                    ObjectNode id = ids.addObject();
                    id.put("resourceType", type);
                    id.put("resourceId", found.get(i).path("resourceId").asText());
                    id.put("resourceName", found.get(i).path("resourceName").asText());
                }
                if (from + pageSize < found.size()) {
                    out.put("nextToken", Integer.toString(from + pageSize));
                }
            }
            case "BatchGetResourceConfig" -> {
                // the first batch leaves its last key unprocessed, as the service may under load
                boolean first = batchCalls.getAndIncrement() == 0;
                ArrayNode keys = (ArrayNode) in.path("resourceKeys");
                ArrayNode got = out.putArray("baseConfigurationItems");
                ArrayNode left = out.putArray("unprocessedResourceKeys");
                for (int k = 0; k < keys.size(); k++) {
                    JsonNode key = keys.get(k);
                    if (first && k == keys.size() - 1 && keys.size() > 1) {
                        left.add(key);
                        continue;
                    }
                    mine(region, key.path("resourceType").asText()).stream()
                            .filter(i -> i.path("resourceId").asText().equals(key.path("resourceId").asText()))
                            .forEach(i -> got.add(baseItem(i)));
                }
            }
            default -> {
                json(exchange, 400, "{\"__type\":\"UnknownOperationException\"}");
                return;
            }
        }
        json(exchange, 200, JSON.writeValueAsString(out));
    }

    private List<ObjectNode> mine(String region, String type) {
        return items.stream().filter(i -> i.path("accountId").asText().equals(ACCOUNT)
                && i.path("awsRegion").asText().equals(region) && i.path("resourceType").asText().equals(type)).toList();
    }

    /** BatchGetResourceConfig's shape: newer names, configuration and supplementary values as strings. */
    private static ObjectNode baseItem(ObjectNode select) {
        ObjectNode o = JSON.createObjectNode();
        for (String f : List.of("version", "accountId", "configurationItemStatus", "configurationStateId", "arn",
                "resourceType", "resourceId", "resourceName", "awsRegion", "availabilityZone")) {
            if (select.has(f)) {
                o.set(f, select.get(f));
            }
        }
        o.put("configurationItemCaptureTime",
                Instant.parse(select.path("configurationItemCaptureTime").asText()).toEpochMilli() / 1000.0);
        o.put("configuration", select.path("configuration").toString());
        ObjectNode supplementary = o.putObject("supplementaryConfiguration");
        select.path("supplementaryConfiguration").fields().forEachRemaining(f -> supplementary.put(f.getKey(),
                f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
        return o;
    }

    // ---- CloudFormation, Query protocol

    private record FakeStack(String name, String region, List<String[]> resources, String template) {
        String id() {
            return "arn:aws:cloudformation:" + region + ":" + ACCOUNT + ":stack/" + name + "/0a1b2c3d-1111-2222-3333-"
                    + (region.equals("us-east-1") ? "444455556666" : "777788889999");
        }
    }

    private List<FakeStack> stacks(String region) {
        String yaml = resource("fake-template.yaml");
        List<FakeStack> out = new ArrayList<>();
        out.add(new FakeStack("app", region, List.of(
                new String[] {"Orders", "orders-" + region, "AWS::S3::Bucket"},
                new String[] {"OrdersTable", "orders", "AWS::DynamoDB::Table"},
                new String[] {"ReplicationRole", "orders-replication", "AWS::IAM::Role"}), yaml));
        if (region.equals("us-east-1")) {
            out.add(new FakeStack("network", region, List.<String[]>of(new String[] {"Zone", "Z0123456789", "AWS::Route53::HostedZone"}),
                    "{\n  \"Resources\": {\n    \"Zone\": {\"Type\": \"AWS::Route53::HostedZone\", \"Properties\": {\"Name\": \"example.com\"}}\n  }\n}\n"));
        }
        return out;
    }

    private void cloudFormation(HttpExchange exchange, String operation, String region, Map<String, String> form)
            throws IOException {
        if (brokenRegions.contains(region)) {
            xml(exchange, 500, error("Receiver", "InternalFailure", "We encountered an internal error."));
            return;
        }
        if (deniedRegions.contains(region)) {
            xml(exchange, 403, error("Sender", "AccessDenied", "User: arn:aws:iam::" + ACCOUNT
                    + ":user/auditor is not authorized to perform: cloudformation:" + operation));
            return;
        }
        List<FakeStack> stacks = stacks(region);
        StringBuilder result = new StringBuilder();
        switch (operation) {
            case "DescribeStacks" -> {
                int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
                result.append("<Stacks>");
                for (int i = from; i < Math.min(stacks.size(), from + 1); i++) {
                    FakeStack s = stacks.get(i);
                    result.append("<member><StackName>").append(s.name()).append("</StackName><StackId>").append(s.id())
                            .append("</StackId><CreationTime>2026-10-01T08:00:00.000Z</CreationTime>")
                            .append("<StackStatus>UPDATE_COMPLETE</StackStatus>");
                    if (s.name().equals("app")) {
                        result.append("<Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>prod")
                                .append("</ParameterValue></member></Parameters>");
                    }
                    result.append("</member>");
                }
                result.append("</Stacks>");
                if (from + 1 < stacks.size()) {
                    result.append("<NextToken>").append(from + 1).append("</NextToken>");
                }
            }
            case "ListStackResources" -> {
                FakeStack s = stacks.stream().filter(x -> x.id().equals(form.get("StackName"))).findFirst().orElseThrow();
                int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
                result.append("<StackResourceSummaries>");
                for (int i = from; i < Math.min(s.resources().size(), from + pageSize); i++) {
                    String[] r = s.resources().get(i);
                    result.append("<member><LogicalResourceId>").append(r[0]).append("</LogicalResourceId>")
                            .append("<PhysicalResourceId>").append(r[1]).append("</PhysicalResourceId>")
                            .append("<ResourceType>").append(r[2]).append("</ResourceType>")
                            .append("<LastUpdatedTimestamp>2026-10-01T08:03:00.000Z</LastUpdatedTimestamp>")
                            .append("<ResourceStatus>UPDATE_COMPLETE</ResourceStatus>")
                            .append("<DriftInformation><StackResourceDriftStatus>NOT_CHECKED</StackResourceDriftStatus>")
                            .append("</DriftInformation></member>");
                }
                result.append("</StackResourceSummaries>");
                if (from + pageSize < s.resources().size()) {
                    result.append("<NextToken>").append(from + pageSize).append("</NextToken>");
                }
            }
            case "GetTemplate" -> {
                FakeStack s = stacks.stream().filter(x -> x.id().equals(form.get("StackName"))).findFirst().orElseThrow();
                result.append("<TemplateBody>").append(escape(s.template())).append("</TemplateBody>")
                        .append("<StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>");
            }
            default -> {
                xml(exchange, 400, error("Sender", "InvalidAction", operation));
                return;
            }
        }
        xml(exchange, 200, "<" + operation + "Response xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<" + operation + "Result>" + result + "</" + operation + "Result>"
                + "<ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>"
                + "</" + operation + "Response>");
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error>"
                + "<RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ErrorResponse>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = FakeAws.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/x-amz-json-1.1", body);
    }

    private static void xml(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/xml", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "b9b4b068-3a41-11e5-94eb-example");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
