package io.regionlint.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.regionlint.load.Defect;
import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Regions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .regionlint.yaml}: YAML with positions, validated against the JSON schema shipped
 * in the jar, so a typo is an error with a line number.
 */
public final class ProjectFileLoader {

    /** The project file's conventional name. */
    public static final String FILE_NAME = ".regionlint.yaml";
    private static final JsonSchema SCHEMA = loadSchema();

    /** Exactly one of project and errors is non-empty. */
    public record Result(Optional<ProjectFile> project, List<InputError> errors) {
    }

    private ProjectFileLoader() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ProjectFileLoader.class.getResourceAsStream("project.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("project.schema.json is missing from the jar");
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("project.schema.json cannot be read", e);
        }
    }

    /** Finds {@code .regionlint.yaml} in the folder or its parents. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result load(Path file, String displayPath, DocumentLoader loader) {
        DocumentLoader.Result loaded = loader.load(file, displayPath);
        if (loaded.error().isPresent()) {
            return new Result(Optional.empty(), List.of(loaded.error().get()));
        }
        Document document = loaded.document().orElseThrow();
        Node root = document.root();
        List<InputError> errors = new ArrayList<>();
        for (Defect defect : document.defects()) {
            // a template may repeat a key (CloudFormation keeps the last); a configuration may not:
            // which of the two settings was meant is anybody's guess
            defect.related().filter(first -> defect.kind() == Defect.Kind.DUPLICATE_KEY).ifPresent(first -> errors.add(InputError.at(defect.range(), "project file: key '"
                    + lastToken(defect.pointer()) + "' appears twice (first at line " + first.range().line()
                    + ", column " + first.range().column() + "); keep one")));
        }
        for (ValidationMessage message : sorted(SCHEMA.validate(toJson(root)))) {
            Node at = locate(root, message.getInstanceLocation());
            errors.add(InputError.at(at.range(), "project file: " + describe(message)));
        }
        if (errors.isEmpty()) {
            errors.addAll(invalidDates(root));
            errors.addAll(unknownRegions((MapNode) root));
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(Optional.of(read((MapNode) root, file.toAbsolutePath().normalize())), List.of());
    }

    /**
     * Suppression dates the schema's pattern lets through but the calendar does not have
     * ({@code 2026-02-30}, {@code 2025-13-01}): such a suppression would never expire.
     */
    private static List<InputError> invalidDates(Node root) {
        List<InputError> errors = new ArrayList<>();
        if (!(root instanceof MapNode map) || !(map.get("suppressions").orElse(null) instanceof ListNode list)) {
            return errors;
        }
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i) instanceof MapNode s && s.get("expires").orElse(null) instanceof ScalarNode at) {
                Optional<String> problem = dateProblem(at.text());
                if (problem.isPresent()) {
                    errors.add(InputError.at(at.range(), "project file: suppressions[" + i + "].expires: '"
                            + at.text() + "' is not a date: " + problem.get() + " (write YYYY-MM-DD)"));
                }
            }
        }
        return errors;
    }

    /**
     * Every Region code of the topology (roles, stack Regions, regionParameters) that the
     * partitions' list does not know, at its own line, unless {@code topology.allowUnknownRegions}
     * says the system uses Regions newer than the list. A typo would otherwise deploy stacks to a
     * Region that does not exist and report findings about it.
     */
    private static List<InputError> unknownRegions(MapNode root) {
        Optional<MapNode> topology = map(root, "topology");
        if (topology.isEmpty() || topology.get().get("allowUnknownRegions")
                .map(n -> Boolean.TRUE.equals(((ScalarNode) n).value())).orElse(false)) {
            return List.of();
        }
        List<InputError> errors = new ArrayList<>();
        map(topology.get(), "regions").ifPresent(r -> r.entries().keySet()
                .forEach(code -> checkRegion(code, r.keyRange(code), errors)));
        Optional<Node> stackList = topology.get().get("stacks");
        if (stackList.isPresent() && stackList.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                MapNode stack = (MapNode) item;
                stack.get("regions").filter(ListNode.class::isInstance).ifPresent(r -> ((ListNode) r).items()
                        .forEach(code -> checkRegion(text(code), code.range(), errors)));
                map(stack, "regionParameters").ifPresent(rp -> rp.entries().keySet()
                        .forEach(code -> checkRegion(code, rp.keyRange(code), errors)));
            }
        }
        return errors;
    }

    private static void checkRegion(String code, io.regionlint.load.SourceRange at, List<InputError> errors) {
        if (!Regions.isKnown(code)) {
            errors.add(InputError.at(at, "project file: " + Regions.unknownMessage(code) + " (for a Region newer "
                    + "than regionlint's list of " + Regions.verified() + ", set topology.allowUnknownRegions: true)"));
        }
    }

    /** What is wrong with a YYYY-MM-DD text as a calendar date, if anything. */
    static Optional<String> dateProblem(String text) {
        try {
            LocalDate.parse(text); // ISO_LOCAL_DATE resolves strictly: no 30 February
            return Optional.empty();
        } catch (DateTimeParseException e) {
            int year;
            int month;
            int day;
            try {
                year = Integer.parseInt(text.substring(0, 4));
                month = Integer.parseInt(text.substring(5, 7));
                day = Integer.parseInt(text.substring(8, 10));
            } catch (RuntimeException notDigits) {
                return Optional.of("it does not have the form YYYY-MM-DD");
            }
            if (month < 1 || month > 12) {
                return Optional.of("there is no month " + month);
            }
            java.time.YearMonth yearMonth = java.time.YearMonth.of(year, month);
            if (day < 1 || day > yearMonth.lengthOfMonth()) {
                return Optional.of(yearMonth.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                        java.util.Locale.ENGLISH) + " " + year + " has " + yearMonth.lengthOfMonth() + " days");
            }
            return Optional.of("it does not have the form YYYY-MM-DD");
        }
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static List<ValidationMessage> sorted(java.util.Set<ValidationMessage> messages) {
        List<ValidationMessage> list = new ArrayList<>(messages);
        list.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        return list;
    }

    private static String describe(ValidationMessage message) {
        String text = message.getMessage();
        // networknt prefixes the JSON path ("$.topology.regions: ..."); the line already says where
        int colon = text.indexOf(": ");
        String path = message.getInstanceLocation().toString();
        String readable = path.equals("$") ? "" : path.substring(2) + ": ";
        return readable + (colon > 0 && text.startsWith("$") ? text.substring(colon + 2) : text);
    }

    private static Node locate(Node root, JsonNodePath path) {
        Node current = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (current instanceof MapNode map && element instanceof String key && map.get(key).isPresent()) {
                current = map.get(key).get();
            } else if (current instanceof ListNode list && element instanceof Integer index
                    && index < list.items().size()) {
                current = list.items().get(index);
            } else {
                break;
            }
        }
        return current;
    }

    static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MapNode map) {
            ObjectNode o = f.objectNode();
            map.entries().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (node instanceof ListNode list) {
            ArrayNode a = f.arrayNode();
            list.items().forEach(item -> a.add(toJson(item)));
            return a;
        }
        Object v = ((ScalarNode) node).value();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return f.numberNode(b);
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        return f.textNode(v.toString());
    }

    // ---- reading the validated tree ---------------------------------------------------------

    private static ProjectFile read(MapNode root, Path file) {
        Path dir = file.getParent();
        Map<String, RegionRole> regions = new LinkedHashMap<>();
        Optional<String> account = Optional.empty();
        List<ProjectFile.StackDecl> stacks = new ArrayList<>();
        Optional<ProjectFile.CdkDecl> cdk = Optional.empty();
        boolean allowOutside = false;
        List<ProjectFile.DeployedDecl> deployed = new ArrayList<>();
        List<ProjectFile.TwinsDecl> twins = new ArrayList<>();
        Optional<MapNode> topology = map(root, "topology");
        if (topology.isPresent()) {
            map(topology.get(), "regions").ifPresent(r -> r.entries().forEach((region, role) ->
                    regions.put(region, RegionRole.parse(text(role)).orElseThrow())));
            account = map(topology.get(), "accounts").flatMap(a -> a.get("default")).map(ProjectFileLoader::text);
            cdk = topology.get().get("cdk").filter(ScalarNode.class::isInstance).map(n -> new ProjectFile.CdkDecl(
                    dir.resolve(text(n)).normalize(), text(n), n.range()));
            allowOutside = topology.get().get("allowTemplatesOutside")
                    .map(n -> n instanceof ScalarNode s && Boolean.TRUE.equals(s.value())).orElse(false);
            topology.get().get("deployed").filter(ListNode.class::isInstance).ifPresent(l -> ((ListNode) l).items()
                    .forEach(n -> deployed.add(new ProjectFile.DeployedDecl(dir.resolve(text(n)).normalize(), text(n),
                            n.range()))));
            topology.get().get("twins").filter(ListNode.class::isInstance).ifPresent(l -> ((ListNode) l).items()
                    .forEach(n -> twins.add(new ProjectFile.TwinsDecl(((ListNode) n).items().stream()
                            .map(ProjectFileLoader::text).toList(), n.range()))));
            Optional<Node> stackList = topology.get().get("stacks");
            if (stackList.isPresent() && stackList.get() instanceof ListNode list) {
                for (Node item : list.items()) {
                    stacks.add(stack((MapNode) item, dir));
                }
            }
        }
        Map<String, ProjectFile.RuleSetting> rules = new LinkedHashMap<>();
        List<ProjectFile.DeployedDecl> ruleFiles = new ArrayList<>();
        map(root, "rules").ifPresent(r -> {
            int index = 0;
            for (Map.Entry<String, Node> e : r.entries().entrySet()) {
                SourceRange key = r.keyRange(index++);
                if (e.getKey().equals("files") && e.getValue() instanceof ListNode files) {
                    files.items().forEach(n -> ruleFiles.add(new ProjectFile.DeployedDecl(dir.resolve(text(n))
                            .normalize(), text(n), n.range())));
                    continue;
                }
                rules.put(e.getKey(), rule(e.getKey(), e.getValue(), key));
            }
        });
        List<ProjectFile.SuppressionDecl> suppressions = new ArrayList<>();
        Optional<Node> suppressionList = root.get("suppressions");
        if (suppressionList.isPresent() && suppressionList.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                MapNode s = (MapNode) item;
                suppressions.add(new ProjectFile.SuppressionDecl(text(s.get("rule").orElseThrow()),
                        s.get("resource").map(ProjectFileLoader::text), text(s.get("reason").orElseThrow()),
                        s.get("expires").map(ProjectFileLoader::text).flatMap(ProjectFileLoader::date), s.range()));
            }
        }
        Optional<Path> baseline = root.get("baseline").filter(ScalarNode.class::isInstance)
                .map(n -> dir.resolve(text(n)).normalize());
        return new ProjectFile(file, regions, account, stacks, rules, suppressions, cdk, baseline, allowOutside,
                deployed, ruleFiles, twins);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ProjectFile.StackDecl stack(MapNode s, Path dir) {
        String templateText = text(s.get("template").orElseThrow());
        List<String> regions = new ArrayList<>();
        s.get("regions").filter(ListNode.class::isInstance)
                .ifPresent(r -> ((ListNode) r).items().forEach(i -> regions.add(text(i))));
        Map<String, Map<String, String>> regionParameters = new LinkedHashMap<>();
        map(s, "regionParameters").ifPresent(rp -> rp.entries().forEach((region, params) ->
                regionParameters.put(region, parameters((MapNode) params))));
        return new ProjectFile.StackDecl(text(s.get("name").orElseThrow()), s.get("stackName")
                .map(ProjectFileLoader::text), dir.resolve(templateText).normalize(), templateText, regions,
                s.get("account").map(ProjectFileLoader::text),
                map(s, "parameters").map(ProjectFileLoader::parameters).orElse(Map.of()), regionParameters,
                s.range());
    }

    private static Map<String, String> parameters(MapNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.entries().forEach((k, v) -> out.put(k, v instanceof ListNode list
                ? String.join(",", list.items().stream().map(ProjectFileLoader::text).toList()) : text(v)));
        return out;
    }

    private static ProjectFile.RuleSetting rule(String id, Node setting, SourceRange key) {
        if (setting instanceof ScalarNode scalar) {
            Object v = scalar.value();
            boolean enabled = !(Boolean.FALSE.equals(v) || "off".equals(v));
            return new ProjectFile.RuleSetting(id, enabled, Optional.empty(), Map.of(), Optional.of(key));
        }
        MapNode m = (MapNode) setting;
        Optional<String> severity = m.get("severity").map(ProjectFileLoader::text);
        // "severity: off" is the word --severity ID=off uses: both turn the rule off
        boolean off = severity.filter("off"::equals).isPresent();
        boolean enabled = !off && m.get("enabled").map(n -> !Boolean.FALSE.equals(((ScalarNode) n).value())).orElse(true);
        Map<String, Object> options = new LinkedHashMap<>();
        map(m, "options").ifPresent(o -> o.entries().forEach((k, v) -> options.put(k, plain(v))));
        return new ProjectFile.RuleSetting(id, enabled, off ? Optional.empty() : severity, options, Optional.of(key));
    }

    private static Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        if (node instanceof ListNode l) {
            return l.items().stream().map(ProjectFileLoader::plain).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((MapNode) node).entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Optional<MapNode> map(MapNode parent, String key) {
        return parent.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.text() : "";
    }
}
