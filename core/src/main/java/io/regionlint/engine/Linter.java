package io.regionlint.engine;

import io.regionlint.config.ProjectFile;
import io.regionlint.config.ProjectFileLoader;
import io.regionlint.load.CloudAssembly;
import io.regionlint.load.CloudAssemblyReader;
import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputDiscovery;
import io.regionlint.load.InputError;
import io.regionlint.model.RegionRole;
import io.regionlint.model.StackId;
import io.regionlint.model.StackSpec;
import io.regionlint.model.Topology;
import io.regionlint.model.TopologyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's entry point: one {@link LintRequest} in, one {@link LintResult} out. Loads the
 * inputs (every file either becomes a template or an input error), builds the topology, runs
 * the selected rules and applies severities and suppressions. Never throws for bad input.
 */
public final class Linter {

    private final RuleRegistry registry;

    public Linter(RuleRegistry registry) {
        this.registry = registry;
    }

    public LintResult run(LintRequest request) {
        Inputs inputs = new Inputs(request);
        inputs.collect();
        TopologyBuilder.Result built = TopologyBuilder.build(inputs.specs, inputs.regionRoles());
        List<InputError> errors = new ArrayList<>(inputs.errors);
        errors.addAll(built.errors());
        errors.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column).thenComparing(InputError::message));
        RuleSelection selection = new RuleSelection(request, inputs.project);
        List<RuleDescriptor> toRun = registry.all().stream().filter(selection::enabled).toList();
        List<Finding> findings = new ArrayList<>();
        Topology topology = built.topology();
        Suppressions suppressions = new Suppressions(inputs.project, topology);
        for (RuleDescriptor rule : toRun) {
            RuleContext context = new RuleContext(rule, topology, errors, selection.options(rule));
            rule.rule().check(context);
            Severity severity = selection.severity(rule);
            for (FindingBuilder builder : context.reported()) {
                Finding finding = builder.build().withSeverity(severity);
                findings.add(suppressions.apply(finding));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId).thenComparing(Finding::message).thenComparing(Finding::fingerprint));
        int[] counts = new int[Severity.values().length];
        int suppressed = 0;
        for (Finding f : findings) {
            if (f.suppressed().isPresent()) {
                suppressed++;
            } else {
                counts[f.severity().ordinal()]++;
            }
        }
        LintResult.Summary summary = new LintResult.Summary(inputs.files.size(), topology.stacks().size(),
                topology.resources().size(), counts[0], counts[1], counts[2], suppressed);
        return new LintResult(findings, errors, toRun, summary, topology);
    }

    /** Turns the request's inputs into stack specs, loading each file once. */
    private static final class Inputs {

        private final LintRequest request;
        private final DocumentLoader loader;
        private final Map<Path, Optional<Document>> cache = new HashMap<>();
        private final Map<Path, DocumentLoader.Result> preloaded = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, List<Path>> folders = new HashMap<>();
        private final Set<Path> files = new LinkedHashSet<>();
        private final Set<String> stackGroups = new java.util.HashSet<>();
        private final List<StackSpec> specs = new ArrayList<>();
        private final Set<StackId> specNames = new java.util.HashSet<>();
        private final List<InputError> errors = new ArrayList<>();
        /** Inputs that name a cloud assembly, to the assembly folder. */
        private final Map<Path, Path> assemblyInputs = new HashMap<>();
        private final Set<Path> readAssemblies = new java.util.HashSet<>();
        private final Set<String> cdkRegions = new LinkedHashSet<>();
        private Optional<ProjectFile> project = Optional.empty();

        Inputs(LintRequest request) {
            this.request = request;
            this.loader = new DocumentLoader(request.limits());
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
            String unique = uniqueName(name, region, account);
            region.ifPresent(cdkRegions::add);
            addSpec(new StackSpec(unique, stack.pathInStage(), stack.template(), region, account, parameters));
            nestedStacks(unique, stack.pathInStage(), stack.nested(), region, account);
        }

        /** Nested stacks deploy with their parent: its Region and account, the parameters it passes. */
        private void nestedStacks(String parent, String parentGroup, List<CloudAssembly.NestedStack> nested,
                                  Optional<String> region, Optional<String> account) {
            for (CloudAssembly.NestedStack n : nested) {
                String name = uniqueName(parent + "-" + n.logicalId(), region, account);
                String group = parentGroup + "/" + n.logicalId();
                addSpec(StackSpec.nested(name, group, n.template(), region, account,
                        new StackSpec.NestedIn(parent, n.logicalId())));
                nestedStacks(name, group, n.nested(), region, account);
            }
        }

        /**
         * A stack instance name no spec has yet in that account and Region (looked up in a set
         * kept with the specs, not rebuilt): stack names are unique per account and Region only,
         * so one CDK stackName in two Regions keeps its name in both.
         */
        private String uniqueName(String name, Optional<String> region, Optional<String> account) {
            String unique = name;
            for (int n = 2; specNames.contains(new StackId(account, region, unique)); n++) {
                unique = name + "-" + n;
            }
            return unique;
        }

        private void addSpec(StackSpec spec) {
            specs.add(spec);
            specNames.add(new StackId(spec.account(), spec.region(), spec.name()));
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
}
