package io.regionlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.RuleOption;
import io.regionlint.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code regionlint rules}: the registered rules, as a table or as JSON. */
@Command(name = "rules", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        description = "List every rule: id, name, default severity and summary.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  regionlint rules",
            "  regionlint rules --format json",
            "  regionlint rules samples/custom-rules",
            "      The built-in rules and the team rules of that project.",
            "  regionlint explain RL2001",
            "      The full explanation of one rule."})
final class RulesCommand implements Callable<Integer> {

    /** Version of the JSON shape below, raised on any incompatible change. */
    static final int SCHEMA_VERSION = 1;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormatConverter.class, defaultValue = "text",
            description = "text (a table) or json (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Parameters(paramLabel = "PROJECT", arity = "0..1", defaultValue = ".",
            description = "A project folder or .regionlint.yaml whose team rules (rules.files, the rules/"
                    + " folder) are listed too (default: the project file at or above the current folder).")
    private String project;

    @Mixin
    private TeamRulesOption teamRules;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() {
        TeamRulesOption.Loaded loaded = teamRules.registry(main, project, spec.commandLine().getErr());
        List<RuleDescriptor> rules = loaded.registry().all();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> table(rules, out);
            case JSON -> json(rules, out);
            default -> throw new ParameterException(spec.commandLine(),
                    "rules --format " + format.name().toLowerCase(java.util.Locale.ROOT) + " is not supported; use text or json");
        }
        out.flush();
        return loaded.complete() ? ExitCode.OK.code() : ExitCode.INPUT_ERROR.code();
    }

    private static void table(List<RuleDescriptor> rules, PrintWriter out) {
        int idWidth = "ID".length();
        int nameWidth = "NAME".length();
        for (RuleDescriptor r : rules) {
            idWidth = Math.max(idWidth, r.id().length());
            nameWidth = Math.max(nameWidth, r.name().length());
        }
        String row = "%-" + idWidth + "s  %-" + nameWidth + "s  %-8s  %s%n";
        out.printf(row, "ID", "NAME", "SEVERITY", "SUMMARY");
        for (RuleDescriptor r : rules) {
            out.printf(row, r.id(), r.name(), r.severity().label(), r.summary());
        }
        out.printf("%n%d %s. 'regionlint explain ID' shows what a rule checks and how to fix it.%n", rules.size(),
                rules.size() == 1 ? "rule" : "rules");
    }

    private static void json(List<RuleDescriptor> rules, PrintWriter out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeArrayFieldStart("rules");
            for (RuleDescriptor r : rules) {
                json.writeStartObject();
                json.writeStringField("id", r.id());
                json.writeStringField("name", r.name());
                json.writeStringField("severity", r.severity().label());
                json.writeStringField("category", r.category());
                json.writeStringField("since", r.since());
                json.writeStringField("summary", r.summary());
                json.writeStringField("helpUri", r.helpUri());
                json.writeArrayFieldStart("options");
                for (RuleOption o : r.options()) {
                    json.writeStartObject();
                    json.writeStringField("name", o.name());
                    json.writeStringField("type", o.type().label());
                    json.writeObjectField("default", o.defaultValue());
                    if (o.type() == RuleOption.Type.WHOLE_NUMBER) {
                        json.writeNumberField("minimum", o.minimum());
                        json.writeNumberField("maximum", o.maximum());
                    }
                    json.writeStringField("description", o.description());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
