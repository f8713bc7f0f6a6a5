package io.regionlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.regionlint.engine.Baseline;
import io.regionlint.engine.BaselineComparison;
import io.regionlint.engine.BaselineState;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.Related;
import io.regionlint.engine.ResourceRef;
import io.regionlint.engine.Suppression;
import io.regionlint.load.InputError;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The JSON report: the contract of DESIGN.md §3, which other tools parse. Every field is always
 * written, {@code null} where it does not apply; keys keep the documented order; findings and
 * errors keep the order the engine sorted them in. Changing a field name or meaning means a new
 * {@link #SCHEMA_VERSION}.
 */
final class JsonReport {

    static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    static void write(LintResult result, ReportContext context, Writer out) throws IOException {
        JsonGenerator gen = JsonOutput.open(out);
        gen.writeStartObject();

        gen.writeObjectFieldStart("tool");
        gen.writeStringField("name", ReportContext.TOOL_NAME);
        gen.writeStringField("version", context.toolVersion());
        gen.writeEndObject();
        gen.writeNumberField("schemaVersion", SCHEMA_VERSION);

        gen.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            finding(gen, f);
        }
        gen.writeEndArray();

        gen.writeArrayFieldStart("errors");
        for (InputError e : result.errors()) {
            gen.writeStartObject();
            gen.writeStringField("file", e.file());
            gen.writeNumberField("line", e.line());
            gen.writeNumberField("column", e.column());
            gen.writeStringField("message", e.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();

        baseline(gen, result.baseline());

        LintResult.Summary s = result.summary();
        gen.writeObjectFieldStart("summary");
        gen.writeNumberField("files", s.files());
        gen.writeNumberField("stacks", s.stacks());
        gen.writeNumberField("resources", s.resources());
        gen.writeNumberField("error", s.errors());
        gen.writeNumberField("warning", s.warnings());
        gen.writeNumberField("note", s.notes());
        gen.writeNumberField("suppressed", s.suppressed());
        gen.writeNumberField("baselined", s.baselined());
        gen.writeEndObject();

        gen.writeEndObject();
        JsonOutput.close(gen, out);
    }

    private static void finding(JsonGenerator gen, Finding f) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ruleId", f.ruleId());
        gen.writeStringField("ruleName", f.ruleName());
        gen.writeStringField("severity", f.severity().label());
        gen.writeStringField("message", f.message());
        location(gen, f.location());
        resource(gen, f.resource());
        gen.writeArrayFieldStart("related");
        for (Related r : f.related()) {
            gen.writeStartObject();
            gen.writeStringField("message", r.message());
            location(gen, r.location());
            resource(gen, r.resource());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("regions");
        for (String region : f.regions()) {
            gen.writeString(region);
        }
        gen.writeEndArray();
        gen.writeStringField("fingerprint", f.fingerprint());
        suppressed(gen, f.suppressed());
        JsonOutput.stringOrNull(gen, "baselineState", f.baselineState().map(BaselineState::label));
        gen.writeEndObject();
    }

    /** {@code null} without a baseline; else the file, the counts, and the entries fixed since. */
    private static void baseline(JsonGenerator gen, Optional<BaselineComparison> baseline) throws IOException {
        if (baseline.isEmpty()) {
            gen.writeNullField("baseline");
            return;
        }
        BaselineComparison b = baseline.get();
        gen.writeObjectFieldStart("baseline");
        gen.writeStringField("file", b.file());
        gen.writeNumberField("new", b.newFindings());
        gen.writeNumberField("unchanged", b.unchanged());
        gen.writeArrayFieldStart("fixed");
        for (Baseline.Entry e : b.fixed()) {
            gen.writeStartObject();
            gen.writeStringField("ruleId", e.ruleId());
            gen.writeStringField("fingerprint", e.fingerprint());
            gen.writeStringField("hint", e.hint());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void location(JsonGenerator gen, Location l) throws IOException {
        gen.writeObjectFieldStart("location");
        gen.writeStringField("file", l.file());
        gen.writeNumberField("line", l.line());
        gen.writeNumberField("column", l.column());
        gen.writeNumberField("endLine", l.endLine());
        gen.writeNumberField("endColumn", l.endColumn());
        JsonOutput.stringOrNull(gen, "pointer", l.pointer());
        gen.writeEndObject();
    }

    private static void resource(JsonGenerator gen, Optional<ResourceRef> resource) throws IOException {
        if (resource.isEmpty()) {
            gen.writeNullField("resource");
            return;
        }
        ResourceRef r = resource.get();
        gen.writeObjectFieldStart("resource");
        gen.writeStringField("stack", r.stack());
        gen.writeStringField("logicalId", r.logicalId());
        gen.writeStringField("type", r.type());
        JsonOutput.stringOrNull(gen, "region", r.region());
        JsonOutput.stringOrNull(gen, "account", r.account());
        JsonOutput.stringOrNull(gen, "constructPath", r.constructPath());
        JsonOutput.stringOrNull(gen, "arn", r.arn());
        if (r.capturedAt().isPresent()) { // only observed resources have it: declared ones read as before
            gen.writeStringField("provenance", "observed");
            gen.writeStringField("capturedAt", r.capturedAt().get());
        }
        gen.writeEndObject();
    }

    private static void suppressed(JsonGenerator gen, Optional<Suppression> suppression) throws IOException {
        if (suppression.isEmpty()) {
            gen.writeNullField("suppressed");
            return;
        }
        gen.writeObjectFieldStart("suppressed");
        gen.writeStringField("kind", suppression.get().kind());
        gen.writeStringField("reason", suppression.get().reason());
        JsonOutput.stringOrNull(gen, "expires", suppression.get().expires().map(LocalDate::toString));
        gen.writeStringField("origin", suppression.get().origin().label());
        gen.writeEndObject();
    }
}
