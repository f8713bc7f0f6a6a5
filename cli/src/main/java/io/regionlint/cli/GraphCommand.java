package io.regionlint.cli;

import io.regionlint.engine.FailThreshold;
import io.regionlint.engine.LintRequest;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Linter;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.graph.GraphFormat;
import io.regionlint.graph.GraphWriter;
import io.regionlint.report.ReportContext;
import io.regionlint.report.ReportFormat;
import io.regionlint.report.ReportTarget;
import io.regionlint.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code regionlint graph}: lint, then draw the system (Regions, stacks, links, findings). */
@Command(name = "graph", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        abbreviateSynopsis = true,
        description = {
            "Draw the system: one column per Region, the stacks deployed there, the resources that take part in "
                    + "links (replication, global table replicas, global database members, replica keys, key use, "
                    + "roles, secrets, cross-stack references), and the findings on them.",
            "",
            "Reads the same inputs and takes the same topology and rule options as 'check'. html is one "
                    + "self-contained page (no network) with filters by Region, rule and severity; mermaid is a "
                    + "flowchart GitHub renders in Markdown; dot is for Graphviz. Findings do not change the exit "
                    + "code: 0, or 3 when an input could not be read (the rest is still drawn)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # The picture of the sample project, to open in a browser",
            "  regionlint graph samples/two-region-app --output system.html",
            "",
            "  # Mermaid for a pull-request comment or a job summary",
            "  regionlint graph cdk.out --format mermaid --output system.mmd",
            "",
            "  # Graphviz",
            "  regionlint graph templates/ --regions us-east-1,eu-west-1 --format dot | dot -Tsvg > system.svg"})
final class GraphCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Template files, folders of templates, CDK cloud assemblies (cdk.out, or its "
                    + "manifest.json), or a project file (.regionlint.yaml, or a folder holding one).")
    private List<String> paths = new ArrayList<>();

    @Mixin
    private TopologyOptions topology;

    @Mixin
    private RuleOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class, defaultValue = "html",
            description = "html, mermaid or dot (default: ${DEFAULT-VALUE}).")
    private GraphFormat format = GraphFormat.HTML;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where the picture goes; '-' or no --output is standard output. Folders are created.")
    private String output;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        Environment environment = main.environment();
        RuleRegistry registry = main.rules();
        Optional<Path> file = Optional.ofNullable(output).filter(o -> !o.equals(ReportOptions.STDOUT))
                .map(environment::resolve);
        if (file.isPresent() && Files.isDirectory(file.get())) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " is a folder; give a file name, "
                    + "e.g. " + output + "/regionlint." + format.fileExtension());
        }
        LintRequest request = rules.build(topology.requestFor(paths, environment), registry, spec.commandLine());
        if (file.isPresent()) {
            // never over a template, the project file or a cloud assembly's file
            List<String> refused = ReportWriter.check(List.of(new ReportTarget(ReportFormat.HTML, file.get())), request);
            if (!refused.isEmpty()) {
                throw new ParameterException(spec.commandLine(), refused.get(0).replace("the html report",
                        "the " + format.label() + " graph"));
            }
        }
        LintResult result = new Linter(registry).run(request);
        String version = ReportContext.currentVersion();
        try {
            if (file.isEmpty()) {
                PrintWriter out = spec.commandLine().getOut();
                GraphWriter.write(format, result, version, out);
                out.flush();
            } else {
                if (file.get().getParent() != null) {
                    Files.createDirectories(file.get().getParent());
                }
                try (Writer out = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)) {
                    GraphWriter.write(format, result, version, out);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("regionlint: cannot write the " + format.label() + " graph to " + file.map(Path::toString)
                    .orElse("standard output") + ": " + (e instanceof UncheckedIOException u ? u.getCause() : e)
                    .getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        return ExitCode.of(result, FailThreshold.NEVER).code();
    }

    /** Reads {@code html}, {@code mermaid} or {@code dot} (any case). */
    static final class FormatConverter implements ITypeConverter<GraphFormat> {

        static final String CHOICES = Arrays.stream(GraphFormat.values()).map(GraphFormat::label)
                .collect(Collectors.joining(", "));

        @Override
        public GraphFormat convert(String value) {
            return GraphFormat.parse(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a graph format (expected one of: " + CHOICES + ")"));
        }
    }
}
