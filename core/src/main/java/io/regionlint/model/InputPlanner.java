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
    private final Map<Path, InputDiscovery.Discovery> folders = new HashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final List<InputError> errors = new ArrayList<>();
    /** Inputs that name a cloud assembly, to the assembly folder. */
    private final Map<Path, Path> assemblyInputs = new HashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final DeployedInputs deployed = new DeployedInputs(this::display);
    private final List<DeployedCoverage.StackList> stackLists = new ArrayList<>();

    private InputPlanner(Request request) {
        this.request = request;
        this.loader = new DocumentLoader(request.limits());
    }

    /**
     * What to plan: the inputs of a run and the values that place them. Immutable.
     *
     * @param inputs template files, folders, or project files; empty means "the project file
     *     found from the base directory upwards"
     * @param configFile the project file named explicitly; the plain inputs join its topology
     * @param regions Regions to deploy every plain template to (all active), from {@code --regions}
     * @param parameters parameter values for every stack, overriding the project file
     * @param baseDir the folder reported paths are relative to
     * @param deployed AWS Config snapshot files and folders ({@code --deployed}): their resources
     *     join the topology of the plain inputs (or of {@code --config}'s project, or of the
     *     first project given)
     */
    public record Request(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                          Map<String, String> parameters, Optional<String> account, Path baseDir, Limits limits,
                          List<Path> deployed) {

        public Request {
            inputs = List.copyOf(inputs);
            regions = List.copyOf(regions);
            parameters = Map.copyOf(parameters);
            deployed = List.copyOf(deployed);
        }

        /** A request without deployed state. */
        public Request(List<Path> inputs, Optional<Path> configFile, List<String> regions,
                       Map<String, String> parameters, Optional<String> account, Path baseDir, Limits limits) {
            this(inputs, configFile, regions, parameters, account, baseDir, limits, List.of());
        }
    }

    /**
     * Plans one run. Every project file given (a folder holding {@code .regionlint.yaml}, or the
     * file itself) is a topology of its own, in the order given; templates, folders and cloud
     * assemblies given beside them form one more, placed by {@code --regions}. With
     * {@code --config}, that project file and every input given form one topology. The plan
     * always holds at least one topology, so that input errors are reported.
     */
    public static InputPlan plan(Request request) {
        InputPlanner planner = new InputPlanner(request);
        planner.collect();
        List<InputPlan.TopologyPlan> topologies = planner.drafts.stream().map(Draft::plan).toList();
        return new InputPlan(topologies, List.copyOf(planner.files), planner.errors, planner.deployed.manifests(),
                planner.stackLists);
    }

    /** One topology being planned: its project file, its specs, the names they took. */
    final class Draft {

        private Optional<ProjectFile> project = Optional.empty();
        private final List<Path> plain = new ArrayList<>();
        private final Set<String> stackGroups = new java.util.HashSet<>();
        private final List<StackSpec> specs = new ArrayList<>();
        private final Set<String> specNames = new java.util.HashSet<>();
        private final Set<Path> readAssemblies = new java.util.HashSet<>();
        private final Set<String> cdkRegions = new LinkedHashSet<>();
        private final List<InputPlan.NotFollowed> notFollowed = new ArrayList<>();
        /** Config snapshot files and folders, with where each is named (a project file's line, or none). */
        private final List<Map.Entry<Path, Optional<io.regionlint.load.SourceRange>>> deployedPaths = new ArrayList<>();
        /** The Regions deployed state was recorded in: active where nothing else gives roles. */
        private final Set<String> observedRegions = new java.util.TreeSet<>();

        InputPlan.TopologyPlan plan() {
            return new InputPlan.TopologyPlan(twinned(), regionRoles(), project, notFollowed);
        }

        /**
         * The specs with the project file's {@code twins} applied: the instances an entry names
         * join the group of the first, so that they are twins like the instances of one stack.
         * A name that is no stack instance of the project is an input error at the entry.
         */
        private List<StackSpec> twinned() {
            List<ProjectFile.TwinsDecl> twins = project.map(ProjectFile::twins).orElse(List.of());
            if (twins.isEmpty()) {
                return specs;
            }
            Map<String, String> groupOf = new LinkedHashMap<>();
            for (ProjectFile.TwinsDecl entry : twins) {
                Optional<String> group = Optional.empty();
                for (String name : entry.stacks()) {
                    Optional<StackSpec> spec = specs.stream().filter(s -> s.name().equals(name) && s.nestedIn().isEmpty()
                            && s.observed().isEmpty()).findFirst();
                    if (spec.isEmpty()) {
                        errors.add(InputError.at(entry.declaredAt(), "twins names stack '" + name + "', which is not"
                                + " a stack instance of this project (instances are named by stackName, else"
                                + " <name>-<region>), so it is not compared with its twins"));
                        continue;
                    }
                    if (group.isEmpty()) {
                        group = Optional.of(spec.get().group());
                    }
                    groupOf.put(name, group.get());
                }
            }
            List<StackSpec> out = new ArrayList<>(specs.size());
            for (StackSpec s : specs) {
                String group = s.nestedIn().isEmpty() && s.observed().isEmpty() ? groupOf.get(s.name()) : null;
                out.add(group == null || group.equals(s.group()) ? s : new StackSpec(s.name(), group, s.template(),
                        s.region(), s.account(), s.parameters(), s.declaredAt(), s.nestedIn(), s.observed()));
            }
            return out;
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
            if (roles.isEmpty()) {
                // deployed state alone: every Region Config recorded resources in counts as active
                observedRegions.forEach(r -> roles.putIfAbsent(r, RegionRole.ACTIVE));
            }
            return roles;
        }

        /**
         * A stack instance name no spec in the same account and Region has yet (stack names are
         * unique per account and Region, so one name in several Regions is kept as it is).
         */
        String uniqueName(String name, Optional<String> region, Optional<String> account) {
            String unique = name;
            for (int n = 2; specNames.contains(nameKey(unique, region, account)); n++) {
                unique = name + "-" + n;
            }
            return unique;
        }

        void addSpec(StackSpec spec) {
            specs.add(spec);
            specNames.add(nameKey(spec.name(), spec.region(), spec.account()));
        }

        private static String nameKey(String name, Optional<String> region, Optional<String> account) {
            return account.orElse("") + "/" + region.orElse("") + "/" + name;
        }
    }

    void collect() {
        Optional<Path> explicit = request.configFile();
        List<Path> inputs = request.inputs();
        List<Path> projectFiles = new ArrayList<>();
        List<Path> plain = new ArrayList<>();
        if (explicit.isPresent()) {
            projectFiles.add(explicit.get());
            plain.addAll(inputs); // --config places every input given
        } else if (inputs.isEmpty()) {
            Optional<Path> found = ProjectFileLoader.find(request.baseDir());
            found.ifPresent(projectFiles::add);
            if (found.isEmpty() && request.deployed().isEmpty()) {
                errors.add(InputError.atFile(".", "no inputs given and no " + ProjectFileLoader.FILE_NAME
                        + " found in " + request.baseDir().toAbsolutePath().normalize() + " or its parents"));
            }
        } else {
            Set<Path> seen = new java.util.HashSet<>();
            for (Path input : inputs) {
                Optional<Path> projectFile = projectFileOf(input);
                if (projectFile.isEmpty()) {
                    if (seen.add(input.toAbsolutePath().normalize())) { // a path given twice is read once
                        plain.add(input);
                    }
                } else if (seen.add(projectFile.get().toAbsolutePath().normalize())) {
                    projectFiles.add(projectFile.get());
                }
            }
        }
        for (Path file : projectFiles) {
            Draft draft = new Draft();
            draft.project = readProject(file);
            drafts.add(draft);
        }
        if (explicit.isPresent()) {
            drafts.get(0).plain.addAll(plain);
        } else if (!plain.isEmpty() || drafts.isEmpty()) {
            Draft loose = new Draft();
            loose.plain.addAll(plain);
            drafts.add(loose);
        }
        // --deployed joins the plain inputs' topology (the last draft), or --config's (the only one)
        Draft withDeployed = drafts.get(drafts.size() - 1);
        request.deployed().forEach(d -> withDeployed.deployedPaths.add(Map.entry(d, Optional.empty())));
        for (Path input : plain) {
            assemblyOf(input).ifPresent(a -> assemblyInputs.put(input, a));
        }
        preload(plain);
        for (Draft draft : drafts) {
            draft.project.ifPresent(p -> project(draft, p));
            draft.project.flatMap(ProjectFile::cdk).ifPresent(cdk -> projectAssembly(draft, cdk));
            for (Path input : draft.plain) {
                if (assemblyInputs.containsKey(input)) {
                    assembly(draft, assemblyInputs.get(input));
                } else {
                    plainInput(draft, input);
                }
            }
            draft.project.ifPresent(p -> p.deployed().forEach(d -> draft.deployedPaths.add(0,
                    Map.entry(d.path(), Optional.of(d.declaredAt())))));
            observed(draft);
            draft.project.filter(p -> p.stacks().isEmpty() && p.cdk().isEmpty() && draft.plain.isEmpty()
                            && draft.deployedPaths.isEmpty())
                    .ifPresent(p -> errors.add(InputError.nothingToLint(display(p.file()), "the project file"
                            + " declares no topology.stacks and no topology.cdk")));
        }
    }

    /**
     * Reads the draft's Config snapshots (streamed, item by item) into pseudo stacks of deployed
     * state, placed after its templates' stacks.
     */
    private void observed(Draft draft) {
        if (draft.deployedPaths.isEmpty()) {
            return;
        }
        ObservedStacks observed = new ObservedStacks();
        DeployedInputs.Read read = deployed.read(draft.deployedPaths, observed);
        errors.addAll(read.errors());
        read.files().forEach(f -> files.add(f.toAbsolutePath().normalize()));
        stackLists.addAll(observed.stackLists());
        if (observed.isEmpty()) {
            return;
        }
        draft.observedRegions.addAll(observed.regions());
        Path first = read.files().get(0);
        for (StackSpec spec : observed.specs(first, display(first))) {
            String name = draft.uniqueName(spec.name(), spec.region(), spec.account());
            draft.addSpec(name.equals(spec.name()) ? spec : new StackSpec(name, name, spec.template(), spec.region(),
                    spec.account(), Map.of(), Optional.empty(), Optional.empty(), spec.observed()));
        }
    }

    /** The project file an input names: a folder holding one, or the file itself. */
    private static Optional<Path> projectFileOf(Path input) {
        if (Files.isDirectory(input) && Files.isRegularFile(input.resolve(ProjectFileLoader.FILE_NAME))) {
            return Optional.of(input.resolve(ProjectFileLoader.FILE_NAME));
        }
        if (input.getFileName() != null && input.getFileName().toString().equals(ProjectFileLoader.FILE_NAME)) {
            return Optional.of(input);
        }
        return Optional.empty();
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

    private void projectAssembly(Draft draft, ProjectFile.CdkDecl cdk) {
        if (!Files.isDirectory(cdk.assembly()) || !Files.isRegularFile(cdk.assembly()
                .resolve(CloudAssemblyReader.MANIFEST))) {
            errors.add(InputError.at(cdk.declaredAt(), "topology.cdk: '" + cdk.text() + "' is not a CDK cloud"
                    + " assembly (no " + CloudAssemblyReader.MANIFEST + " there); run 'cdk synth' first"));
            return;
        }
        assembly(draft, cdk.assembly());
    }

    /**
     * A cloud assembly's stacks become stack specs in manifest order, each nested stack right
     * after its parent. A stack with an environment is deployed there; an
     * environment-agnostic one to each Region of --regions or the project file, or, with
     * none, linted without a Region. The group of a CDK stack is its construct path below its
     * stage, so the copies of one stack in Regional stages are twins.
     */
    private void assembly(Draft draft, Path folder) {
        if (!draft.readAssemblies.add(folder.toAbsolutePath().normalize())) {
            return; // named twice
        }
        CloudAssembly read = CloudAssemblyReader.read(folder, this::display, loader);
        errors.addAll(read.errors());
        read.files().stream().filter(f -> !f.getFileName().toString().equals(CloudAssemblyReader.MANIFEST))
                .forEach(f -> files.add(f.toAbsolutePath().normalize()));
        Optional<ProjectFile> project = draft.project;
        List<String> fallback = !request.regions().isEmpty() ? request.regions()
                : project.map(p -> List.copyOf(p.regions().keySet())).orElse(List.of());
        for (CloudAssembly.Stack stack : read.stacks()) {
            Optional<String> account = stack.account().or(request::account)
                    .or(() -> project.flatMap(ProjectFile::defaultAccount));
            Map<String, String> parameters = new LinkedHashMap<>(stack.parameters());
            parameters.putAll(request.parameters());
            if (stack.region().isPresent()) {
                cdkStack(draft, stack.stackName(), stack, stack.region(), account, parameters);
            } else if (fallback.isEmpty()) {
                cdkStack(draft, stack.stackName(), stack, Optional.empty(), account, parameters);
            } else {
                for (String region : fallback) {
                    cdkStack(draft, stack.stackName() + "-" + region, stack, Optional.of(region), account, parameters);
                }
            }
        }
    }

    private void cdkStack(Draft draft, String name, CloudAssembly.Stack stack, Optional<String> region,
                          Optional<String> account, Map<String, String> parameters) {
        String unique = draft.uniqueName(name, region, account);
        region.ifPresent(draft.cdkRegions::add);
        StackSpec spec = new StackSpec(unique, stack.pathInStage(), stack.template(), region, account, parameters);
        draft.addSpec(spec);
        nestedStacks(draft, unique, stack.pathInStage(), stack.nested(), region, account);
        DeployedTemplates.follow(this, draft, spec);
    }

    /** Nested stacks deploy with their parent: its Region and account, the parameters it passes. */
    private void nestedStacks(Draft draft, String parent, String parentGroup, List<CloudAssembly.NestedStack> nested,
                              Optional<String> region, Optional<String> account) {
        for (CloudAssembly.NestedStack n : nested) {
            String name = draft.uniqueName(parent + "-" + n.logicalId(), region, account);
            String group = parentGroup + "/" + n.logicalId();
            draft.addSpec(StackSpec.nested(name, group, n.template(), region, account,
                    new StackSpec.NestedIn(parent, n.logicalId())));
            nestedStacks(draft, name, group, n.nested(), region, account);
        }
    }

    private Optional<ProjectFile> readProject(Path file) {
        ProjectFileLoader.Result result = ProjectFileLoader.load(file, display(file), loader);
        errors.addAll(result.errors());
        return result.project();
    }

    /**
     * Parses every file the run will read, on all cores. Parsing dominates a large run and
     * files are independent; the sequential pass after it only assembles stacks in order.
     */
    private void preload(List<Path> plain) {
        List<Path> toRead = new ArrayList<>();
        for (Draft draft : drafts) {
            draft.project.ifPresent(p -> p.stacks().stream().filter(s -> inside(p, s)).forEach(s -> toRead.add(s.template())));
        }
        for (Path input : plain) {
            if (assemblyInputs.containsKey(input)) {
                continue; // read through its manifest, never searched for templates
            }
            if (Files.isDirectory(input)) {
                InputDiscovery.Discovery found = InputDiscovery.discover(input, this::display);
                folders.put(input, found);
                toRead.addAll(found.files());
            } else {
                toRead.add(input);
            }
        }
        toRead.stream().filter(Files::isRegularFile).map(f -> f.toAbsolutePath().normalize()).distinct()
                .toList().parallelStream().forEach(f -> preloaded.put(f, loader.load(f, display(f))));
    }

    /** True when a project's stack may be read: its template is in the project's folder, or the project allows any. */
    private static boolean inside(ProjectFile p, ProjectFile.StackDecl stack) {
        Path folder = p.file().toAbsolutePath().normalize().getParent();
        return p.allowTemplatesOutside() || folder == null
                || stack.template().toAbsolutePath().normalize().startsWith(folder);
    }

    private void project(Draft draft, ProjectFile p) {
        for (ProjectFile.StackDecl stack : p.stacks()) {
            if (!inside(p, stack)) {
                errors.add(InputError.at(stack.declaredAt(), "template '" + stack.templateText() + "' of stack '"
                        + stack.name() + "' lies outside the project file's folder, so it was not read; move it"
                        + " into that folder, or set 'topology.allowTemplatesOutside: true' if reading it is"
                        + " intended"));
                continue;
            }
            Optional<Document> template = template(stack.template(), true);
            if (template.isEmpty()) {
                continue;
            }
            List<String> regions = stack.regions().isEmpty() ? List.copyOf(p.regions().keySet()) : stack.regions();
            Optional<String> account = stack.account().or(request::account).or(p::defaultAccount);
            if (regions.isEmpty()) {
                StackSpec spec = new StackSpec(draft.uniqueName(stack.stackName().orElse(stack.name()),
                        Optional.empty(), account), stack.name(), template.get(), Optional.empty(), account,
                        merge(stack.parameters(), Map.of()), Optional.of(stack.declaredAt()));
                draft.addSpec(spec);
                DeployedTemplates.follow(this, draft, spec);
            }
            for (String region : regions) {
                String name = stack.stackName().map(n -> n.replace(REGION_VARIABLE, region))
                        .orElse(stack.name() + "-" + region);
                StackSpec spec = new StackSpec(draft.uniqueName(name, Optional.of(region), account), stack.name(),
                        template.get(), Optional.of(region), account,
                        merge(stack.parameters(), stack.regionParameters().getOrDefault(region, Map.of())),
                        Optional.of(stack.declaredAt()));
                draft.addSpec(spec);
                DeployedTemplates.follow(this, draft, spec);
            }
        }
    }

    /**
     * Written inside a project file's {@code stackName}, the Region of each instance: a name per
     * Region for teams that deploy one template under Region-specific names.
     */
    static final String REGION_VARIABLE = "${AWS::Region}";

    private Map<String, String> merge(Map<String, String> base, Map<String, String> perRegion) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(perRegion);
        out.putAll(request.parameters());
        return out;
    }

    /**
     * A template file, or every template below a folder. A folder in which nothing is a
     * template, and which had nothing unreadable either, is an error of its own: a run that read
     * nothing must not pass.
     */
    private void plainInput(Draft draft, Path input) {
        if (Files.isDirectory(input)) {
            InputDiscovery.Discovery found = folders.getOrDefault(input, new InputDiscovery.Discovery(List.of(),
                    List.of()));
            errors.addAll(found.problems());
            int before = errors.size();
            int templates = 0;
            for (Path file : found.files()) {
                Optional<Document> document = template(file, false);
                if (document.isPresent()) {
                    addPlain(draft, file, document.get());
                    templates++;
                }
            }
            if (templates == 0 && found.problems().isEmpty() && errors.size() == before) {
                Path cdkOut = input.resolve("cdk.out");
                errors.add(InputError.nothingToLint(display(input), CloudAssemblyReader.isAssembly(cdkOut)
                        ? "its cdk.out is a CDK cloud assembly, read only when named: check " + display(cdkOut)
                        + ", or set topology.cdk in a project file" : ""));
            }
        } else if (Files.exists(input)) {
            template(input, true).ifPresent(d -> addPlain(draft, input, d));
        } else {
            errors.add(InputError.atFile(display(input), "no such file or folder"));
        }
    }

    private void addPlain(Draft draft, Path file, Document document) {
        // stack names must be unique: folders often hold several template.yaml
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String stem = base;
        for (int n = 2; !draft.stackGroups.add(stem); n++) {
            stem = base + "-" + n;
        }
        Optional<String> account = request.account().or(() -> draft.project.flatMap(ProjectFile::defaultAccount));
        if (request.regions().isEmpty()) {
            StackSpec spec = new StackSpec(stem, stem, document, Optional.empty(), account, request.parameters());
            draft.addSpec(spec);
            DeployedTemplates.follow(this, draft, spec);
        }
        for (String region : request.regions()) {
            StackSpec spec = new StackSpec(stem + "-" + region, stem, document, Optional.of(region), account,
                    request.parameters());
            draft.addSpec(spec);
            DeployedTemplates.follow(this, draft, spec);
        }
    }

    /**
     * Loads a template once. Named explicitly, a file that is not a template is an input
     * error; found by walking a folder, it is skipped (folders hold other YAML and JSON).
     */
    Optional<Document> template(Path file, boolean explicit) {
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

    DocumentLoader loader() {
        return loader;
    }

    void error(InputError error) {
        errors.add(error);
    }

    void addFollowed(Draft draft, StackSpec spec) {
        draft.addSpec(spec);
    }

    String uniqueName(Draft draft, String name, Optional<String> region, Optional<String> account) {
        return draft.uniqueName(name, region, account);
    }

    void notFollowed(Draft draft, InputPlan.NotFollowed not) {
        draft.notFollowed.add(not);
    }

    String display(Path file) {
        Path base = request.baseDir().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
