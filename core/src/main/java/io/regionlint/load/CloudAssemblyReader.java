package io.regionlint.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a CDK cloud assembly ({@code cdk.out}): {@code manifest.json}, every
 * {@code aws:cloudformation:stack} artifact with its template and environment, nested assemblies
 * ({@code cdk:cloud-assembly}, the {@code assembly-*} folders of stages) recursively, and nested
 * stacks whose templates sit beside their parent's. Asset folders are never read.
 *
 * <p>The manifest fields used here ({@code artifacts}, {@code type}, {@code environment},
 * {@code properties.templateFile}, {@code properties.stackName}, {@code properties.parameters},
 * {@code properties.directoryName}, {@code displayName}, inline {@code metadata}) are the same in
 * every manifest schema version seen in the wild (20.x up to 55.x): newer versions move the
 * construct metadata to {@code additionalMetadataFile} and always give {@code displayName};
 * where an older one lacks it, the stack's path comes from its inline metadata keys. Manifests
 * are read with the JSON loader that keeps positions, so a missing template is reported at its
 * {@code templateFile} line.
 */
public final class CloudAssemblyReader {

    /** The manifest's file name in every assembly folder. */
    public static final String MANIFEST = "manifest.json";
    private static final String STACK = "aws:cloudformation:stack";
    private static final String NESTED_ASSEMBLY = "cdk:cloud-assembly";
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    /** Stages within stages and stacks within stacks: far deeper than any real app. */
    private static final int MAX_DEPTH = 16;

    private final Path root;
    private final Function<Path, String> display;
    private final DocumentLoader loader;
    private final List<InputError> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> files = Collections.synchronizedList(new ArrayList<>());
    private final Set<Path> visitedAssemblies = new HashSet<>();

    private CloudAssemblyReader(Path root, Function<Path, String> display, DocumentLoader loader) {
        this.root = root.toAbsolutePath().normalize();
        this.display = display;
        this.loader = loader;
    }

    /** Reads an assembly with the default limits. */
    public static CloudAssembly read(Path cdkOut, Function<Path, String> displayPath) {
        return read(cdkOut, displayPath, new DocumentLoader());
    }

    /**
     * Reads an assembly. Never throws for bad input: what cannot be read is an input error and
     * the rest is still returned.
     *
     * @param displayPath how reports show a file (relative to the run's base folder)
     */
    public static CloudAssembly read(Path cdkOut, Function<Path, String> displayPath, DocumentLoader loader) {
        CloudAssemblyReader reader = new CloudAssemblyReader(cdkOut, displayPath, loader);
        List<Pending> pending = new ArrayList<>();
        reader.assembly(reader.root, "", 0, pending);
        // templates are independent: load them (and their nested stacks) on all cores, keep order
        List<Optional<CloudAssembly.Stack>> stacks = pending.parallelStream().map(reader::stack).toList();
        List<CloudAssembly.Stack> out = new ArrayList<>();
        stacks.forEach(s -> s.ifPresent(out::add));
        List<InputError> errors = new ArrayList<>(reader.errors);
        errors.sort(java.util.Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        List<Path> files = new ArrayList<>(reader.files);
        files.sort(null);
        return new CloudAssembly(reader.root, out, files, errors);
    }

    /**
     * True when a folder is a cloud assembly: it holds a {@code manifest.json} and is named
     * {@code cdk.out}, or holds the {@code cdk.out} version marker, or its manifest lists
     * artifacts.
     */
    public static boolean isAssembly(Path folder) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(manifest)) {
            return false;
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        if ((name != null && name.toString().equals("cdk.out")) || Files.isRegularFile(folder.resolve("cdk.out"))) {
            return true;
        }
        try {
            if (Files.size(manifest) > Limits.DEFAULT.maxFileBytes()) {
                return false;
            }
            JsonNode tree = new ObjectMapper().readTree(manifest.toFile());
            return tree != null && tree.isObject() && tree.path("artifacts").isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** A stack artifact read from a manifest, its template not yet loaded. */
    private record Pending(String artifactId, String stackName, String constructPath, String stagePath, Path template,
                           SourceRange declaredAt, Optional<String> account, Optional<String> region,
                           Map<String, String> parameters) {
    }

    private void assembly(Path dir, String stagePath, int depth, List<Pending> out) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!visitedAssemblies.add(dir)) {
            return;
        }
        if (!Files.isRegularFile(manifestFile)) {
            errors.add(InputError.atFile(display.apply(manifestFile), "no " + MANIFEST
                    + " here: not a CDK cloud assembly (run 'cdk synth' to write one)"));
            return;
        }
        DocumentLoader.Result loaded = loader.load(manifestFile, display.apply(manifestFile));
        files.add(manifestFile);
        if (loaded.error().isPresent()) {
            errors.add(loaded.error().get());
            return;
        }
        Node manifest = loaded.document().orElseThrow().root();
        Optional<MapNode> artifacts = manifest instanceof MapNode m ? map(m, "artifacts") : Optional.empty();
        if (artifacts.isEmpty()) {
            errors.add(InputError.at(manifest.range(), MANIFEST + " has no 'artifacts' mapping: not a CDK cloud"
                    + " assembly manifest"));
            return;
        }
        for (Map.Entry<String, Node> entry : artifacts.get().entries().entrySet()) {
            if (!(entry.getValue() instanceof MapNode artifact)) {
                continue;
            }
            String type = text(artifact, "type").orElse("");
            if (type.equals(STACK)) {
                stackArtifact(dir, entry.getKey(), artifact, stagePath).ifPresent(out::add);
            } else if (type.equals(NESTED_ASSEMBLY)) {
                nestedAssembly(dir, entry.getKey(), artifact, stagePath, depth, out);
            }
        }
    }

    private Optional<Pending> stackArtifact(Path dir, String id, MapNode artifact, String stagePath) {
        MapNode properties = map(artifact, "properties").orElse(null);
        Optional<Node> templateNode = properties == null ? Optional.empty() : properties.get("templateFile");
        Optional<String> templateFile = properties == null ? Optional.empty() : text(properties, "templateFile");
        if (templateFile.isEmpty() || templateFile.get().isBlank()) {
            errors.add(InputError.at(artifact.range(), "stack artifact '" + id + "' names no properties.templateFile"));
            return Optional.empty();
        }
        String stackName = text(properties, "stackName").filter(s -> !s.isBlank()).orElse(id);
        String constructPath = text(artifact, "displayName").filter(s -> !s.isBlank())
                .or(() -> shortestMetadataKey(artifact))
                .orElse(stagePath.isEmpty() ? id : stagePath + "/" + id);
        Optional<String> account = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<String> environment = text(artifact, "environment");
        if (environment.isPresent() && environment.get().startsWith("aws://")) {
            String[] parts = environment.get().substring("aws://".length()).split("/", -1);
            if (parts.length == 2) {
                account = Optional.of(parts[0]).filter(a -> ACCOUNT.matcher(a).matches());
                region = Optional.of(parts[1]).filter(r -> REGION.matcher(r).matches());
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        map(properties, "parameters").ifPresent(p -> p.entries().forEach((k, v) -> {
            if (v instanceof ScalarNode s) {
                parameters.put(k, s.text());
            }
        }));
        Path template = dir.resolve(templateFile.get()).normalize();
        if (!template.startsWith(root)) {
            // cdk synth writes templates into the assembly; a path out of it is hand-edited or hostile
            errors.add(InputError.at(templateNode.get().range(), "template '" + templateFile.get() + "' of stack '"
                    + stackName + "' lies outside the cloud assembly folder, so it was not read; a manifest"
                    + " written by 'cdk synth' names templates inside it: synthesise again"));
            return Optional.empty();
        }
        return Optional.of(new Pending(id, stackName, constructPath, stagePath, template, templateNode.get().range(),
                account, region, parameters));
    }

    /** Older manifests have no displayName; their inline metadata is keyed by construct path. */
    private static Optional<String> shortestMetadataKey(MapNode artifact) {
        return map(artifact, "metadata").flatMap(m -> m.entries().keySet().stream()
                .filter(k -> k.startsWith("/") && k.length() > 1)
                .min(java.util.Comparator.comparingInt(String::length))).map(k -> k.substring(1));
    }

    private void nestedAssembly(Path dir, String id, MapNode artifact, String stagePath, int depth,
                                List<Pending> out) {
        Optional<MapNode> properties = map(artifact, "properties");
        Optional<String> directory = properties.flatMap(p -> text(p, "directoryName"));
        if (directory.isEmpty() || directory.get().isBlank()) {
            errors.add(InputError.at(artifact.range(), "nested assembly '" + id + "' names no properties.directoryName"));
            return;
        }
        Path sub = dir.resolve(directory.get()).normalize();
        SourceRange at = properties.get().get("directoryName").orElseThrow().range();
        if (!sub.startsWith(root)) {
            errors.add(InputError.at(at, "nested assembly '" + id + "' lies outside the cloud assembly"));
            return;
        }
        if (depth >= MAX_DEPTH) {
            errors.add(InputError.at(at, "nested assemblies deeper than " + MAX_DEPTH + " levels are not read"));
            return;
        }
        if (!Files.isDirectory(sub)) {
            errors.add(InputError.at(at, "nested assembly '" + id + "': folder '" + directory.get()
                    + "' does not exist"));
            return;
        }
        String displayName = properties.flatMap(p -> text(p, "displayName")).or(() -> text(artifact, "displayName"))
                .filter(s -> !s.isBlank())
                .orElseGet(() -> {
                    String own = id.startsWith("assembly-") ? id.substring("assembly-".length()) : id;
                    return stagePath.isEmpty() ? own : stagePath + "/" + own;
                });
        assembly(sub, displayName, depth + 1, out);
    }

    private Optional<CloudAssembly.Stack> stack(Pending p) {
        if (!Files.isRegularFile(p.template)) {
            errors.add(InputError.at(p.declaredAt, "template '" + display.apply(p.template) + "' of stack '"
                    + p.stackName + "' does not exist"));
            return Optional.empty();
        }
        Optional<Document> template = load(p.template);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Set<Path> chain = new HashSet<>();
        chain.add(p.template);
        List<CloudAssembly.NestedStack> nested = nestedStacks(template.get(), chain, 0);
        return Optional.of(new CloudAssembly.Stack(p.artifactId, p.stackName, p.constructPath, p.stagePath,
                template.get(), p.account, p.region, p.parameters, nested));
    }

    private Optional<Document> load(Path file) {
        DocumentLoader.Result loaded = loader.load(file, display.apply(file));
        files.add(file);
        loaded.error().ifPresent(errors::add);
        return loaded.document();
    }

    /**
     * The nested stacks of a template: {@code AWS::CloudFormation::Stack} resources whose
     * {@code aws:asset:path} metadata names a template in the same folder.
     */
    private List<CloudAssembly.NestedStack> nestedStacks(Document parent, Set<Path> chain, int depth) {
        List<CloudAssembly.NestedStack> out = new ArrayList<>();
        Optional<MapNode> resources = parent.root() instanceof MapNode r ? map(r, "Resources") : Optional.empty();
        if (resources.isEmpty()) {
            return out;
        }
        Path folder = parent.path().toAbsolutePath().normalize().getParent();
        for (Map.Entry<String, Node> entry : resources.get().entries().entrySet()) {
            if (!(entry.getValue() instanceof MapNode resource)
                    || !text(resource, "Type").orElse("").equals("AWS::CloudFormation::Stack")) {
                continue;
            }
            Optional<Node> assetPath = map(resource, "Metadata").flatMap(m -> m.get("aws:asset:path"))
                    .filter(ScalarNode.class::isInstance);
            if (assetPath.isEmpty() || !((ScalarNode) assetPath.get()).text().endsWith(".json")) {
                continue; // a nested stack from elsewhere (TemplateURL only): its template is not given
            }
            String named = ((ScalarNode) assetPath.get()).text();
            Path file = folder.resolve(named).normalize();
            if (!Files.isRegularFile(file) || !file.startsWith(root)) {
                // older CDK versions wrote an absolute path from the machine that synthesised; a path
                // out of the assembly is never read, only the file of that name beside the parent
                Path fileName = Path.of(named).getFileName();
                file = fileName == null ? file : folder.resolve(fileName.toString()).normalize();
            }
            SourceRange at = assetPath.get().range();
            if (!Files.isRegularFile(file)) {
                errors.add(InputError.at(at, "template '" + named + "' of nested stack '" + entry.getKey()
                        + "' is not in the cloud assembly"));
                continue;
            }
            if (chain.contains(file) || depth >= MAX_DEPTH) {
                errors.add(InputError.at(at, "nested stack '" + entry.getKey() + "' is not read: "
                        + (chain.contains(file) ? "its template contains itself" : "nested stacks deeper than "
                        + MAX_DEPTH + " levels are not read")));
                continue;
            }
            Optional<Document> template = load(file);
            if (template.isPresent()) {
                Set<Path> deeper = new HashSet<>(chain);
                deeper.add(file);
                out.add(new CloudAssembly.NestedStack(entry.getKey(), template.get(),
                        nestedStacks(template.get(), deeper, depth + 1)));
            }
        }
        return out;
    }

    private static Optional<MapNode> map(MapNode parent, String key) {
        return parent == null ? Optional.empty()
                : parent.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    private static Optional<String> text(MapNode parent, String key) {
        return parent.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }
}
