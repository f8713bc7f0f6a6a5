package io.regionlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.regionlint.engine.Finding;
import io.regionlint.engine.LintResult;
import io.regionlint.engine.Location;
import io.regionlint.engine.Related;
import io.regionlint.engine.ResourceRef;
import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Suppression;
import io.regionlint.load.InputError;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SARIF 2.1.0 report, shaped for GitHub code scanning: one run; every rule that ran in
 * {@code tool.driver.rules} (so code scanning can show help for rules without results);
 * repository-relative artifact URIs under {@code %SRCROOT%}; logical locations for the stack
 * resource, construct path and ARN; related locations for the peer; logical fingerprints that
 * survive line moves; suppressions as SARIF suppressions; input errors as tool execution
 * notifications. The output passes {@code sarif-multitool validate --rule-kind "Sarif;Ghas"}
 * without errors or warnings.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/regionlint/regionlint";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "regionlintFingerprint/v1";
    /** The one partial fingerprint GitHub code scanning uses to match alerts across runs. */
    static final String LINE_HASH_KEY = "primaryLocationLineHash";

    private final LintResult result;
    private final ReportContext context;
    private final JsonGenerator gen;
    /** Rule id to its index in {@code tool.driver.rules}. */
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<RuleEntry> rules = new ArrayList<>();
    private final Path base;
    /** How often each fingerprint was written, so that equal fingerprints still give distinct line hashes. */
    private final Map<String, Integer> occurrences = new java.util.HashMap<>();

    private SarifReport(LintResult result, ReportContext context, JsonGenerator gen) {
        this.result = result;
        this.context = context;
        this.gen = gen;
        this.base = context.baseDir().toAbsolutePath().normalize();
        for (RuleDescriptor d : result.rulesRun()) {
            add(RuleEntry.of(d));
        }
        // a finding always comes from a rule that ran; should one not, it still gets a valid ruleIndex
        for (Finding f : result.findings()) {
            if (!ruleIndex.containsKey(f.ruleId())) {
                add(RuleEntry.of(f));
            }
        }
    }

    private void add(RuleEntry entry) {
        if (!ruleIndex.containsKey(entry.id())) {
            ruleIndex.put(entry.id(), rules.size());
            rules.add(entry);
        }
    }

    /** GitHub code scanning stores at most this many results of a run (the most severe first). */
    static final int GITHUB_STORED_RESULTS = 5_000;
    /** GitHub code scanning rejects a run with more results than this. */
    static final int GITHUB_MAX_RESULTS = 25_000;
    /** GitHub code scanning rejects an upload larger than this, gzip-compressed. */
    static final long GITHUB_MAX_GZIPPED_BYTES = 10L * 1024 * 1024;

    /**
     * Writes the report, or refuses with a {@link LimitExceeded} (before writing anything) when
     * GitHub code scanning would reject it.
     */
    static void write(LintResult result, ReportContext context, Writer out) throws IOException {
        checkResults(result.findings().size());
        java.io.StringWriter buffer = new java.io.StringWriter();
        JsonGenerator gen = JsonOutput.open(buffer);
        new SarifReport(result, context, gen).write();
        JsonOutput.close(gen, buffer);
        String text = buffer.toString();
        checkGzippedSize(gzippedSize(text));
        out.write(text);
        out.flush();
    }

    /** Refuses a run with more results than GitHub code scanning accepts. */
    static void checkResults(int results) throws LimitExceeded {
        if (results > GITHUB_MAX_RESULTS) {
            throw new LimitExceeded(String.format(java.util.Locale.ROOT, "%,d results exceed GitHub code scanning's"
                    + " limit of %,d results per run, so the upload would be rejected; %s", results,
                    GITHUB_MAX_RESULTS, ADVICE));
        }
    }

    /** Refuses a log larger, gzip-compressed, than GitHub code scanning accepts. */
    static void checkGzippedSize(long gzipped) throws LimitExceeded {
        if (gzipped > GITHUB_MAX_GZIPPED_BYTES) {
            throw new LimitExceeded(String.format(java.util.Locale.ROOT, "the SARIF log is %,d bytes gzip-compressed,"
                    + " above GitHub code scanning's limit of %,d bytes (10 MB), so the upload would be rejected; %s",
                    gzipped, GITHUB_MAX_GZIPPED_BYTES, ADVICE));
        }
    }

    private static final String ADVICE = "lint fewer stacks per SARIF file (one upload with its own category per"
            + " project), turn off noisy rules (--skip-rule, rules: in .regionlint.yaml), or accept the known"
            + " findings into a baseline (regionlint baseline) so that only new ones fail";

    /** What GitHub code scanning will do with this report that the user should know: empty when nothing. */
    static List<String> warnings(LintResult result) {
        int results = result.findings().size();
        if (results > GITHUB_STORED_RESULTS && results <= GITHUB_MAX_RESULTS) {
            return List.of(String.format(java.util.Locale.ROOT, "the SARIF report holds %,d results; GitHub code"
                    + " scanning keeps only the %,d most severe of a run and drops the rest", results,
                    GITHUB_STORED_RESULTS));
        }
        return List.of();
    }

    static long gzippedSize(String text) throws IOException {
        CountingStream counter = new CountingStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(counter)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return counter.count;
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** The report would be rejected by GitHub code scanning; the message says which limit and what to do. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private void write() throws IOException {
        gen.writeStartObject();
        gen.writeStringField("$schema", SCHEMA);
        gen.writeStringField("version", "2.1.0");
        gen.writeArrayFieldStart("runs");
        gen.writeStartObject();
        tool();
        invocations();
        gen.writeObjectFieldStart("originalUriBaseIds");
        gen.writeObjectFieldStart(SRCROOT);
        gen.writeStringField("uri", directoryUri(base));
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeArrayFieldStart("results");
        for (Finding f : result.findings()) {
            result(f);
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private void tool() throws IOException {
        gen.writeObjectFieldStart("tool");
        gen.writeObjectFieldStart("driver");
        gen.writeStringField("name", ReportContext.TOOL_NAME);
        gen.writeStringField("version", context.toolVersion());
        gen.writeStringField("semanticVersion", context.toolVersion());
        gen.writeStringField("informationUri", INFORMATION_URI);
        gen.writeArrayFieldStart("rules");
        for (RuleEntry rule : rules) {
            rule(rule);
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private void rule(RuleEntry rule) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", rule.id());
        gen.writeStringField("name", rule.name());
        text(gen, "shortDescription", sentence(rule.summary()));
        text(gen, "fullDescription", sentence(rule.fullDescription()));
        gen.writeObjectFieldStart("help");
        gen.writeStringField("text", rule.help());
        gen.writeStringField("markdown", rule.help());
        gen.writeEndObject();
        if (isAbsoluteUri(rule.helpUri())) {
            // SARIF wants an absolute URI; a team rule without `help` is documented in its rule file,
            // which its help text names instead
            gen.writeStringField("helpUri", rule.helpUri());
        }
        gen.writeObjectFieldStart("defaultConfiguration");
        gen.writeStringField("level", level(rule.severity()));
        gen.writeEndObject();
        gen.writeObjectFieldStart("properties");
        gen.writeArrayFieldStart("tags");
        gen.writeString(rule.category());
        gen.writeEndArray();
        gen.writeStringField("precision", "very-high");
        gen.writeStringField("problem.severity", problemSeverity(rule.severity()));
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private void invocations() throws IOException {
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", true);
        List<String> warnings = warnings(result);
        if (!result.errors().isEmpty() || !warnings.isEmpty()) {
            gen.writeArrayFieldStart("toolExecutionNotifications");
            for (InputError e : result.errors()) {
                notification(e);
            }
            for (String w : warnings) {
                gen.writeStartObject();
                gen.writeStringField("level", "warning");
                text(gen, "message", sentence(w));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        gen.writeEndArray();
    }

    private void notification(InputError e) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("level", "error");
        text(gen, "message", sentence(e.file() + ": " + e.message()));
        if (!e.file().isEmpty() && !e.file().equals(".")) {
            gen.writeArrayFieldStart("locations");
            gen.writeStartObject();
            physicalLocation(e.file(), e.line(), e.column(), e.line(), e.column());
            gen.writeEndObject();
            gen.writeEndArray();
        }
        Integer index = ruleIndex.get(TextReport.INPUT_RULE);
        if (index != null) {
            gen.writeObjectFieldStart("associatedRule");
            gen.writeStringField("id", TextReport.INPUT_RULE);
            gen.writeNumberField("index", index);
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private void result(Finding f) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ruleId", f.ruleId());
        gen.writeNumberField("ruleIndex", ruleIndex.get(f.ruleId()));
        gen.writeStringField("level", level(f.severity()));
        text(gen, "message", message(f));
        gen.writeArrayFieldStart("locations");
        gen.writeStartObject();
        physicalLocation(f.location());
        logicalLocations(f.resource());
        gen.writeEndObject();
        gen.writeEndArray();
        if (!f.related().isEmpty()) {
            gen.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Related r : f.related()) {
                gen.writeStartObject();
                gen.writeNumberField("id", id++);
                physicalLocation(r.location());
                logicalLocations(r.resource());
                text(gen, "message", sentence(r.message()));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeObjectFieldStart("partialFingerprints");
        // GitHub keys alerts on this one only; left out, upload-sarif hashes the source line, and
        // the same line deployed to two Regions would become one alert
        gen.writeStringField(FINGERPRINT_KEY, f.fingerprint());
        int occurrence = occurrences.merge(f.fingerprint(), 1, Integer::sum);
        gen.writeStringField(LINE_HASH_KEY, f.fingerprint() + ":" + occurrence);
        gen.writeEndObject();
        if (f.baselineState().isPresent()) {
            gen.writeStringField("baselineState", f.baselineState().get().label());
        }
        if (f.suppressed().isPresent()) {
            Suppression s = f.suppressed().get();
            gen.writeArrayFieldStart("suppressions");
            gen.writeStartObject();
            gen.writeStringField("kind", s.kind());
            gen.writeStringField("status", "accepted");
            gen.writeStringField("justification", s.reason()
                    + s.expires().map(d -> " (until " + d + ")").orElse(""));
            if (s.declaredAt().isPresent()) {
                gen.writeObjectFieldStart("location");
                physicalLocation(s.declaredAt().get());
                gen.writeEndObject();
            }
            gen.writeEndObject();
            gen.writeEndArray();
        }
        gen.writeObjectFieldStart("properties");
        gen.writeArrayFieldStart("regions");
        for (String region : f.regions()) {
            gen.writeString(region);
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * The message, with each related place embedded as a link ({@code [text](id)}): GitHub links
     * related locations only when the message embeds them. Brackets of the text itself are escaped,
     * as SARIF requires of a message with embedded links.
     */
    static String message(Finding f) {
        StringBuilder b = new StringBuilder(escape(sentence(f.message())));
        int id = 1;
        for (Related r : f.related()) {
            b.append(id == 1 ? " See " : "; ").append('[').append(escape(r.message().strip())).append("](")
                    .append(id++).append(')');
        }
        if (!f.related().isEmpty()) {
            b.append('.');
        }
        return b.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private void physicalLocation(Location l) throws IOException {
        physicalLocation(l.file(), l.line(), l.column(), l.endLine(), l.endColumn());
    }

    private void physicalLocation(String file, int line, int column, int endLine, int endColumn)
            throws IOException {
        gen.writeObjectFieldStart("physicalLocation");
        gen.writeObjectFieldStart("artifactLocation");
        Optional<String> relative = relativeUri(file);
        if (relative.isPresent()) {
            gen.writeStringField("uri", relative.get());
            gen.writeStringField("uriBaseId", SRCROOT);
        } else {
            gen.writeStringField("uri", Path.of(file).toUri().toASCIIString());
        }
        gen.writeEndObject();
        int[] r = region(line, column, endLine, endColumn);
        gen.writeObjectFieldStart("region");
        gen.writeNumberField("startLine", r[0]);
        gen.writeNumberField("startColumn", r[1]);
        gen.writeNumberField("endLine", r[2]);
        gen.writeNumberField("endColumn", r[3]);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * A SARIF region from a source range: lines and columns at least 1, and the end after the
     * start (SARIF's end column is exclusive, so an empty range becomes one character wide).
     */
    static int[] region(int line, int column, int endLine, int endColumn) {
        int startLine = Math.max(1, line);
        int startColumn = Math.max(1, column);
        int stopLine = Math.max(startLine, endLine);
        int stopColumn = endColumn;
        if (stopLine == startLine && stopColumn <= startColumn) {
            stopColumn = startColumn + 1;
        }
        return new int[] {startLine, startColumn, stopLine, Math.max(1, stopColumn)};
    }

    private void logicalLocations(Optional<ResourceRef> resource) throws IOException {
        if (resource.isEmpty()) {
            return;
        }
        ResourceRef r = resource.get();
        gen.writeArrayFieldStart("logicalLocations");
        gen.writeStartObject();
        gen.writeStringField("name", r.logicalId());
        gen.writeStringField("fullyQualifiedName", r.constructPath().orElse(r.stack() + "/" + r.logicalId()));
        gen.writeStringField("kind", "resource");
        gen.writeEndObject();
        if (r.arn().isPresent()) {
            gen.writeStartObject();
            gen.writeStringField("fullyQualifiedName", r.arn().get());
            gen.writeStringField("kind", "resource");
            if (r.capturedAt().isPresent()) {
                // deployed state: where and when AWS Config saw it, in the location's property bag
                gen.writeObjectFieldStart("properties");
                gen.writeStringField("provenance", "observed");
                JsonOutput.stringOrNull(gen, "account", r.account());
                JsonOutput.stringOrNull(gen, "region", r.region());
                gen.writeStringField("capturedAt", r.capturedAt().get());
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    /**
     * The file as a URI relative to the base folder, forward slashes, percent-encoded; empty when
     * the file lies outside the base folder (it is then written as an absolute file URI).
     */
    Optional<String> relativeUri(String file) {
        String path = File.separatorChar == '\\' ? file.replace('\\', '/') : file;
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                Path normalized = p.normalize();
                if (!normalized.startsWith(base)) {
                    return Optional.empty();
                }
                path = base.relativize(normalized).toString().replace(File.separatorChar, '/');
            }
        } catch (InvalidPathException e) {
            // not a path on this system: keep the text as given
        }
        String encoded = encodePath(path);
        // "a:b/c" would read as a URI with scheme "a"
        int colon = encoded.indexOf(':');
        int slash = encoded.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            encoded = "./" + encoded;
        }
        return Optional.of(encoded);
    }

    /** Percent-encodes what an RFC 3986 path may not hold as is, byte by byte in UTF-8. */
    static String encodePath(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    static String directoryUri(Path dir) {
        String uri = dir.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** SARIF wants messages to be complete sentences, ending with a period. */
    static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    static String level(Severity severity) {
        return severity.label();
    }

    /** GitHub code scanning's severity for non-security rules. */
    static String problemSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }

    private static void text(JsonGenerator gen, String field, String text) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeStringField("text", text);
        gen.writeEndObject();
    }

    /** What {@code tool.driver.rules} says about one rule. */
    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    record RuleEntry(String id, String name, String summary, String fullDescription, String help, String helpUri,
                     Severity severity, String category) {

        static RuleEntry of(RuleDescriptor d) {
            Optional<String> explanation = d.explanation();
            String full = explanation.flatMap(RuleEntry::firstParagraph).orElse(d.summary());
            String help = explanation.map(RuleEntry::withoutTitle).filter(s -> !s.isBlank())
                    .orElse(sentence(d.summary()) + "\n\nSee " + d.helpUri() + "\n");
            return new RuleEntry(d.id(), d.pascalName(), d.summary(), full, help, d.helpUri(), d.severity(),
                    d.category());
        }

        /** A stand-in for a rule that reported without being listed as run. */
        static RuleEntry of(Finding f) {
            StringBuilder pascal = new StringBuilder();
            for (String part : f.ruleName().split("-")) {
                if (!part.isEmpty()) {
                    pascal.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            String helpUri = RuleDescriptor.DOCS_BASE + f.ruleId() + ".md";
            return new RuleEntry(f.ruleId(), pascal.toString(), f.ruleName(), f.ruleName(),
                    "See " + helpUri + "\n", helpUri, f.severity(), "other");
        }

        /** The first paragraph after the {@code # RLxxxx name} title, joined onto one line. */
        static Optional<String> firstParagraph(String markdown) {
            List<String> lines = markdown.lines().toList();
            int i = 0;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i < lines.size() && lines.get(i).startsWith("# ")) {
                i++;
            }
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            StringBuilder b = new StringBuilder();
            for (; i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("#"); i++) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(lines.get(i).strip());
            }
            return b.length() == 0 ? Optional.empty() : Optional.of(b.toString());
        }

        /** The explanation without its title line, which code scanning shows already. */
        static String withoutTitle(String markdown) {
            String text = markdown.stripLeading();
            if (text.startsWith("# ")) {
                int end = text.indexOf('\n');
                text = end < 0 ? "" : text.substring(end + 1);
            }
            text = text.strip();
            return text.isEmpty() ? text : text + "\n";
        }
    }
}
