package io.regionlint.model;

import io.regionlint.config.ProjectFile;
import io.regionlint.config.ProjectFileLoader;
import io.regionlint.load.CloudAssembly;
import io.regionlint.load.CloudAssemblyReader;
import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputDiscovery;
import io.regionlint.load.InputError;
import io.regionlint.load.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Input planning, the model stage's other public entry point: which template goes to which
 * Region and account under which stack name. Turns the inputs of a run (project files, folders,
 * templates, CDK cloud assemblies, {@code --regions}) into stack specs, loading each file once,
 * so that every front end builds topologies the same way. Never throws for bad input: what
 * cannot be read is an input error in the plan.
 */
public final class InputPlanner {

    private final Request request;
    private final DocumentLoader loader;
    private final Map<Path, Optional<Document>> cache = new HashMap<>();
    private final Map<Path, DocumentLoader.Result> preloaded = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, List<Path>> folders = new HashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<String> stackGroups = new java.util.HashSet<>();
    private final List<StackSpec> specs = new ArrayList<>();
    private final Set<String> specNames = new java.util.HashSet<>();
    private final List<InputError> errors = new ArrayList<>();
    /** Inputs that name a cloud assembly, to the assembly folder. */
    private final Map<Path, Path> assemblyInputs = new HashMap<>();
    private final Set<Path> readAssemblies = new java.util.HashSet<>();
    private final Set<String> cdkRegions = new LinkedHashSet<>();
    private Optional<ProjectFile> project = Optional.empty();

    private InputPlanner(Request request) {
        this.request = request;
        this.loader = new DocumentLoader(request.limits());
    }

    /**
     * What to plan: the inputs of a run and the values that place them. Immutable.
     *
     * @param inputs template files, folders, or project files; empty means "the project file
     *     found from the base directory upwards"
     * @param configFile the project file named explicitly
     * @param regions Regions to deploy every plain template to (all active), from {@code --regions}
     * @param parameters parameter values for every stack, overriding the project file
     * @param baseDir the folder reported paths are relative to
     */
    public record Request(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                          Map<String, String> parameters, Optional<String> account, Path baseDir, Limits limits) {

        public Request {
            inputs = List.copyOf(inputs);
            regions = List.copyOf(regions);
            parameters = Map.copyOf(parameters);
        }
    }

    /** Plans one run. */
    public static InputPlan plan(Request request) {
        InputPlanner planner = new InputPlanner(request);
        planner.collect();
        return new InputPlan(List.of(new InputPlan.TopologyPlan(planner.specs, planner.regionRoles(),
                planner.project)), List.copyOf(planner.files), planner.errors);
    }

    Map<String, RegionRole> regionRoles() {
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        project.ifPresent(p -> roles.putAll(p.regions()));
        for (String region : request.regions()) {
            roles.putIfAbsent(region, RegionRole.ACTIVE);
        }
        if (project.isPresent() && project.get().regions().isEmpty()) {
            // a project that lists no roles: every Region it deploys to counts as active
            project.get().stacks().forEach(s -> s.regions().forEach(r -> roles.putIfAbsent(r, RegionRole.ACTIVE)));
        }
        if (project.isEmpty() || project.get().regions().isEmpty()) {
            // so do the Regions of a cloud assembly's stacks, where no project file gives roles
            cdkRegions.forEach(r -> roles.putIfAbsent(r, RegionRole.ACTIVE));
        }
        return roles;
    }

    void collect() {
        List<Path> plain = new ArrayList<>();
        Optional<Path> projectFile = request.configFile();
        List<Path> inputs = request.inputs();
        if (projectFile.isEmpty() && inputs.isEmpty()) {
            projectFile = ProjectFileLoader.find(request.baseDir());
            if (projectFile.isEmpty()) {
                errors.add(InputError.atFile(".", "no inputs given and no " + ProjectFileLoader.FILE_NAME
                        + " found in " + request.baseDir().toAbsolutePath().normalize() + " or its parents"));
            }
        }
        for (Path input : inputs) {
            if (Files.isDirectory(input) && Files.isRegularFile(input.resolve(ProjectFileLoader.FILE_NAME))
                    && projectFile.isEmpty()) {
                projectFile = Optional.of(input.resolve(ProjectFileLoader.FILE_NAME));
            } else if (input.getFileName() != null
                    && input.getFileName().toString().equals(ProjectFileLoader.FILE_NAME) && projectFile.isEmpty()) {
                projectFile = Optional.of(input);
            } else {
                plain.add(input);
            }
        }
        Optional<ProjectFile> declared = projectFile.map(this::readProject);
        for (Path input : plain) {
            assemblyOf(input).ifPresent(a -> assemblyInputs.put(input, a));
        }
        preload(declared, plain);
        declared.ifPresent(this::project);
        declared.flatMap(ProjectFile::cdk).ifPresent(this::projectAssembly);
        for (Path input : plain) {
            if (assemblyInputs.containsKey(input)) {
                assembly(assemblyInputs.get(input));
            } else {
                plainInput(input);
            }
        }
    }

    /**
     * The cloud assembly an input names: a folder that is one ({@code cdk.out}, or a folder
     * whose manifest.json lists artifacts), or the manifest.json of one. Folders below an
     * input folder are never taken for assemblies: discovery skips {@code cdk.out}.
     */
    private Optional<Path> assemblyOf(Path input) {
        if (Files.isDirectory(input)) {
            return CloudAssemblyReader.isAssembly(input) ? Optional.of(input) : Optional.empty();
        }
        Path parent = input.toAbsolutePath().normalize().getParent();
        if (input.getFileName() != null && input.getFileName().toString().equals(CloudAssemblyReader.MANIFEST)
                && parent != null && CloudAssemblyReader.isAssembly(parent)) {
            return Optional.of(parent);
        }
        return Optional.empty();
    }

    private void projectAssembly(ProjectFile.CdkDecl cdk) {
        if (!Files.isDirectory(cdk.assembly()) || !Files.isRegularFile(cdk.assembly()
                .resolve(CloudAssemblyReader.MANIFEST))) {
            errors.add(InputError.at(cdk.declaredAt(), "topology.cdk: '" + cdk.text() + "' is not a CDK cloud"
                    + " assembly (no " + CloudAssemblyReader.MANIFEST + " there); run 'cdk synth' first"));
            return;
        }
        assembly(cdk.assembly());
    }

    /**
     * A cloud assembly's stacks become stack specs in manifest order, each nested stack right
     * after its parent. A stack with an environment is deployed there; an
     * environment-agnostic one to each Region of --regions or the project file, or, with
     * none, linted without a Region. The group of a CDK stack is its construct path below its
     * stage, so the copies of one stack in Regional stages are twins.
     */
    private void assembly(Path folder) {
        if (!readAssemblies.add(folder.toAbsolutePath().normalize())) {
            return; // named twice
        }
        CloudAssembly read = CloudAssemblyReader.read(folder, this::display, loader);
        errors.addAll(read.errors());
        read.files().stream().filter(f -> !f.getFileName().toString().equals(CloudAssemblyReader.MANIFEST))
                .forEach(f -> files.add(f.toAbsolutePath().normalize()));
        List<String> fallback = !request.regions().isEmpty() ? request.regions()
                : project.map(p -> List.copyOf(p.regions().keySet())).orElse(List.of());
        for (CloudAssembly.Stack stack : read.stacks()) {
            Optional<String> account = stack.account().or(request::account)
                    .or(() -> project.flatMap(ProjectFile::defaultAccount));
            Map<String, String> parameters = new LinkedHashMap<>(stack.parameters());
            parameters.putAll(request.parameters());
            if (stack.region().isPresent()) {
                cdkStack(stack.stackName(), stack, stack.region(), account, parameters);
            } else if (fallback.isEmpty()) {
                cdkStack(stack.stackName(), stack, Optional.empty(), account, parameters);
            } else {
                for (String region : fallback) {
                    cdkStack(stack.stackName() + "-" + region, stack, Optional.of(region), account, parameters);
                }
            }
        }
    }

    private void cdkStack(String name, CloudAssembly.Stack stack, Optional<String> region,
                          Optional<String> account, Map<String, String> parameters) {
        String unique = uniqueName(name);
        region.ifPresent(cdkRegions::add);
        addSpec(new StackSpec(unique, stack.pathInStage(), stack.template(), region, account, parameters));
        nestedStacks(unique, stack.pathInStage(), stack.nested(), region, account);
    }

    /** Nested stacks deploy with their parent: its Region and account, the parameters it passes. */
    private void nestedStacks(String parent, String parentGroup, List<CloudAssembly.NestedStack> nested,
                              Optional<String> region, Optional<String> account) {
        for (CloudAssembly.NestedStack n : nested) {
            String name = uniqueName(parent + "-" + n.logicalId());
            String group = parentGroup + "/" + n.logicalId();
            addSpec(StackSpec.nested(name, group, n.template(), region, account,
                    new StackSpec.NestedIn(parent, n.logicalId())));
            nestedStacks(name, group, n.nested(), region, account);
        }
    }

    /** A stack instance name no spec has yet (looked up in a set kept with the specs, not rebuilt). */
    private String uniqueName(String name) {
        String unique = name;
        for (int n = 2; specNames.contains(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }

    private void addSpec(StackSpec spec) {
        specs.add(spec);
        specNames.add(spec.name());
    }

    private ProjectFile readProject(Path file) {
        ProjectFileLoader.Result result = ProjectFileLoader.load(file, display(file), loader);
        errors.addAll(result.errors());
        project = result.project();
        return project.orElse(null);
    }

    /**
     * Parses every file the run will read, on all cores. Parsing dominates a large run and
     * files are independent; the sequential pass after it only assembles stacks in order.
     */
    private void preload(Optional<ProjectFile> declared, List<Path> plain) {
        List<Path> files = new ArrayList<>();
        declared.ifPresent(p -> p.stacks().forEach(s -> files.add(s.template())));
        for (Path input : plain) {
            if (assemblyInputs.containsKey(input)) {
                continue; // read through its manifest, never searched for templates
            }
            if (Files.isDirectory(input)) {
                try {
                    List<Path> found = InputDiscovery.candidates(input);
                    folders.put(input, found);
                    files.addAll(found);
                } catch (IOException e) {
                    errors.add(InputError.atFile(display(input), "cannot read folder: " + e.getMessage()));
                }
            } else {
                files.add(input);
            }
        }
        files.stream().filter(Files::isRegularFile).map(f -> f.toAbsolutePath().normalize()).distinct()
                .toList().parallelStream().forEach(f -> preloaded.put(f, loader.load(f, display(f))));
    }

    private void project(ProjectFile p) {
        for (ProjectFile.StackDecl stack : p.stacks()) {
            Optional<Document> template = template(stack.template(), true);
            if (template.isEmpty()) {
                continue;
            }
            List<String> regions = stack.regions().isEmpty() ? List.copyOf(p.regions().keySet()) : stack.regions();
            Optional<String> account = stack.account().or(request::account).or(p::defaultAccount);
            if (regions.isEmpty()) {
                addSpec(new StackSpec(stack.stackName().orElse(stack.name()), stack.name(), template.get(),
                        Optional.empty(), account, merge(stack.parameters(), Map.of()),
                        Optional.of(stack.declaredAt())));
            }
            for (String region : regions) {
                String name = stack.stackName().map(n -> regions.size() > 1 ? n + "-" + region : n)
                        .orElse(stack.name() + "-" + region);
                addSpec(new StackSpec(name, stack.name(), template.get(), Optional.of(region), account,
                        merge(stack.parameters(), stack.regionParameters().getOrDefault(region, Map.of())),
                        Optional.of(stack.declaredAt())));
            }
        }
    }

    private Map<String, String> merge(Map<String, String> base, Map<String, String> perRegion) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(perRegion);
        out.putAll(request.parameters());
        return out;
    }

    private void plainInput(Path input) {
        if (Files.isDirectory(input)) {
            for (Path file : folders.getOrDefault(input, List.of())) {
                template(file, false).ifPresent(d -> addPlain(file, d));
            }
        } else if (Files.exists(input)) {
            template(input, true).ifPresent(d -> addPlain(input, d));
        } else {
            errors.add(InputError.atFile(display(input), "no such file or folder"));
        }
    }

    private void addPlain(Path file, Document document) {
        // stack names must be unique: folders often hold several template.yaml
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String stem = base;
        for (int n = 2; !stackGroups.add(stem); n++) {
            stem = base + "-" + n;
        }
        Optional<String> account = request.account().or(() -> project.flatMap(ProjectFile::defaultAccount));
        if (request.regions().isEmpty()) {
            addSpec(new StackSpec(stem, stem, document, Optional.empty(), account, request.parameters()));
        }
        for (String region : request.regions()) {
            addSpec(new StackSpec(stem + "-" + region, stem, document, Optional.of(region), account,
                    request.parameters()));
        }
    }

    /**
     * Loads a template once. Named explicitly, a file that is not a template is an input
     * error; found by walking a folder, it is skipped (folders hold other YAML and JSON).
     */
    private Optional<Document> template(Path file, boolean explicit) {
        Path key = file.toAbsolutePath().normalize();
        if (cache.containsKey(key)) {
            return cache.get(key);
        }
        Optional<Document> result = Optional.empty();
        if (!Files.isRegularFile(file)) {
            errors.add(InputError.atFile(display(file), "no such file"));
        } else {
            DocumentLoader.Result loaded = preloaded.containsKey(key) ? preloaded.get(key)
                    : loader.load(file, display(file));
            files.add(key);
            loaded.error().ifPresent(errors::add);
            if (loaded.document().isPresent()) {
                Document d = loaded.document().get();
                if (InputDiscovery.isTemplate(d)) {
                    result = Optional.of(d);
                } else if (explicit) {
                    errors.add(InputError.atFile(d.displayPath(),
                            "not a CloudFormation template (no Resources or AWSTemplateFormatVersion section)"));
                } else {
                    files.remove(key);
                }
            }
        }
        cache.put(key, result);
        return result;
    }

    private String display(Path file) {
        Path base = request.baseDir().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
