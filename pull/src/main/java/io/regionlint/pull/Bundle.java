package io.regionlint.pull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The snapshot bundle being pulled, held until the end and then written (docs/snapshot-bundle.md):
 * {@code manifest.json}, {@code config/<account>/<region>/<Type>.json} in the delivered-file shape
 * and {@code cloudformation/<account>/<region>/<stack>/}. Every JSON file is pretty-printed one
 * field per line, items sorted by ARN, so findings get useful lines and two pulls diff well.
 */
final class Bundle {

    static final String FORMAT = "regionlint-snapshot-bundle";
    static final int VERSION = 1;

    /** A stack's files, written beside its manifest entry. */
    record StackFiles(StackEntry entry, ObjectNode resources, Optional<String> templateBody) {
    }

    private record Part(String account, String region, String type) implements Comparable<Part> {
        @Override
        public int compareTo(Part o) {
            return Comparator.comparing(Part::account).thenComparing(Part::region).thenComparing(Part::type)
                    .compare(this, o);
        }
    }

    private final Map<Part, TreeMap<String, ObjectNode>> items = new TreeMap<>();
    private final List<StackFiles> stacks = new ArrayList<>();

    /** Adds an item under its own account and Region (IAM's {@code global} included); one ARN once. */
    void add(ObjectNode item) {
        Part part = new Part(item.path("awsAccountId").asText("unknown"), item.path("awsRegion").asText("unknown"),
                item.path("resourceType").asText("unknown"));
        items.computeIfAbsent(part, p -> new TreeMap<>()).putIfAbsent(ItemShapes.sortKey(item), item);
    }

    void add(StackFiles stack) {
        stacks.add(stack);
    }

    int itemCount() {
        return items.values().stream().mapToInt(Map::size).sum();
    }

    int stackCount() {
        return stacks.size();
    }

    /** How many distinct items of a type the bundle holds in an account and Region. */
    int count(String account, String region, String type) {
        TreeMap<String, ObjectNode> part = items.get(new Part(account, region, type));
        return part == null ? 0 : part.size();
    }

    /** The (account, Region, type) parts that hold items. */
    List<String[]> parts() {
        return items.keySet().stream().map(p -> new String[] {p.account(), p.region(), p.type()}).toList();
    }

    /** Removes what an earlier bundle left in the folder, then writes this one. */
    Path write(Path dir, Instant pulledAt, String tool, Optional<String> aggregator, List<Coverage> coverage,
               List<Coverage> stackCoverage) throws IOException {
        clear(dir);
        Files.createDirectories(dir);
        for (Map.Entry<Part, TreeMap<String, ObjectNode>> e : items.entrySet()) {
            Part p = e.getKey();
            ObjectNode file = ItemShapes.JSON.createObjectNode();
            file.put("fileVersion", "1.0");
            ArrayNode array = ItemShapes.JSON.createArrayNode();
            e.getValue().values().forEach(array::add);
            // the same items give the same id, so an unchanged account pulls to an unchanged file
            file.put("configSnapshotId", UUID.nameUUIDFromBytes((p.account() + "/" + p.region() + "/" + p.type() + "/"
                    + array).getBytes(StandardCharsets.UTF_8)).toString());
            file.set("configurationItems", array);
            writeJson(dir.resolve(configPath(p.account(), p.region(), p.type())), file);
        }
        for (StackFiles s : stacks) {
            if (s.entry().resources() != null) {
                writeJson(dir.resolve(s.entry().resources()), s.resources());
            }
            if (s.templateBody().isPresent() && s.entry().template() != null) {
                Path template = dir.resolve(s.entry().template());
                Files.createDirectories(template.getParent());
                Files.writeString(template, s.templateBody().get(), StandardCharsets.UTF_8);
            }
        }
        Path manifest = dir.resolve("manifest.json");
        writeJson(manifest, manifest(pulledAt, tool, aggregator, coverage, stackCoverage));
        return manifest;
    }

    static String configPath(String account, String region, String type) {
        return "config/" + account + "/" + region + "/" + type.replace("::", "_") + ".json";
    }

    static String stackFolder(String account, String region, String stackName) {
        return "cloudformation/" + account + "/" + region + "/" + stackName + "/";
    }

    private ObjectNode manifest(Instant pulledAt, String tool, Optional<String> aggregator, List<Coverage> coverage,
                                List<Coverage> stackCoverage) {
        ObjectNode m = ItemShapes.JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("pulledAt", ItemShapes.iso(pulledAt));
        m.put("tool", tool);
        m.put("mode", aggregator.isPresent() ? "aggregator" : "regions");
        if (aggregator.isPresent()) {
            m.put("aggregator", aggregator.get());
        } else {
            m.putNull("aggregator");
        }
        m.set("coverage", coverageArray(coverage, true));
        ArrayNode stackArray = m.putArray("stacks");
        stacks.stream().map(StackFiles::entry).sorted(StackEntry.ORDER).forEach(s -> {
            ObjectNode o = stackArray.addObject();
            o.put("account", s.account());
            o.put("region", s.region());
            o.put("stackName", s.stackName());
            o.put("stackId", s.stackId());
            o.put("status", s.status());
            if (s.resources() == null) {
                o.putNull("resources");
            } else {
                o.put("resources", s.resources());
            }
            if (s.template() == null) {
                o.putNull("template");
            } else {
                o.put("template", s.template());
            }
            ObjectNode parameters = o.putObject("parameters");
            new TreeMap<>(s.parameters()).forEach(parameters::put);
        });
        m.set("stackCoverage", coverageArray(stackCoverage, false));
        return m;
    }

    private static ArrayNode coverageArray(List<Coverage> coverage, boolean withType) {
        ArrayNode array = ItemShapes.JSON.createArrayNode();
        coverage.stream().sorted(Coverage.ORDER).forEach(c -> {
            ObjectNode o = array.addObject();
            o.put("account", c.account());
            o.put("region", c.region());
            if (withType) {
                o.put("resourceType", c.resourceType());
            }
            o.put("status", c.status().label());
            o.put("items", c.items());
            if (c.error().isPresent()) {
                o.put("error", c.error().get());
            } else {
                o.putNull("error");
            }
        });
        return array;
    }

    /** An earlier bundle's files go (a stale type or stack must not survive a new pull); nothing else. */
    private static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("manifest.json"));
        for (String sub : List.of("config", "cloudformation")) {
            Path root = dir.resolve(sub);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    static final DefaultPrettyPrinter PRINTER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter);
        PRINTER.indentArraysWith(indenter);
    }

    static void writeJson(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator generator = ItemShapes.JSON.getFactory().createGenerator(out)) {
            generator.setPrettyPrinter(PRINTER);
            ItemShapes.JSON.writeTree(generator, node);
            generator.flush();
            out.write("\n");
        }
    }
}
