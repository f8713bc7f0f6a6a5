package io.regionlint.cli;

import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.RuleRegistry;
import io.regionlint.model.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code regionlint explain ID}: a rule's Markdown explanation, shipped in the jar, so offline too. */
@Command(name = "explain", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class,
        description = "Print a rule's explanation (Markdown): what it reports, why it matters, how to fix it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  regionlint explain RL2001",
            "  regionlint explain s3-replication-not-bidirectional",
            "  regionlint explain RL2001 > RL2001.md",
            "  regionlint explain ACME-001 samples/custom-rules",
            "      A team rule of that project (see docs/custom-rules.md)."})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "A rule id such as RL2001, or its name.")
    private String id;

    @Parameters(index = "1", paramLabel = "PROJECT", arity = "0..1", defaultValue = ".",
            description = "A project folder or .regionlint.yaml whose team rules can be explained too (default:"
                    + " the project file at or above the current folder).")
    private String project;

    @Mixin
    private TeamRulesOption teamRules;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        RuleRegistry registry = teamRules.registry(main, project, spec.commandLine().getErr()).registry();
        Optional<RuleDescriptor> rule = find(registry, id);
        if (rule.isEmpty()) {
            unknown(registry);
            return ExitCode.USAGE.code();
        }
        RuleDescriptor r = rule.get();
        String text = r.explanation().orElseGet(() -> "# " + r.id() + " " + r.name() + "\n\n" + r.summary() + "\n\n"
                + "See " + r.helpUri() + "\n");
        String options = RuleOption.markdown(r.id(), r.options());
        PrintWriter out = spec.commandLine().getOut();
        out.print(text.endsWith("\n") ? text : text + "\n");
        if (!options.isEmpty()) {
            out.print("\n" + options);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static Optional<RuleDescriptor> find(RuleRegistry registry, String idOrName) {
        String wanted = idOrName.trim();
        return registry.byId(wanted).or(() -> registry.all().stream()
                .filter(r -> r.name().equalsIgnoreCase(wanted) || r.pascalName().equalsIgnoreCase(wanted)).findFirst());
    }

    private void unknown(RuleRegistry registry) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("regionlint: no rule '" + id + "'.");
        List<String> candidates = new ArrayList<>();
        registry.all().forEach(r -> candidates.addAll(List.of(r.id(), r.name())));
        Set<RuleDescriptor> near = new LinkedHashSet<>();
        for (String suggestion : Suggestions.near(id.trim(), candidates)) {
            find(registry, suggestion).ifPresent(near::add);
        }
        if (!near.isEmpty()) {
            err.println("Did you mean:");
            near.forEach(r -> err.println("  " + r.id() + "  " + r.name()));
        }
        err.println("Run 'regionlint rules' to list every rule.");
        err.flush();
    }
}
