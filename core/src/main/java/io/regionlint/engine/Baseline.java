package io.regionlint.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A baseline: the fingerprints of the findings a project already had when it was written, so that
 * {@code check --baseline} fails only on new ones. The file is JSON, versioned, one entry per
 * fingerprint, sorted by rule id and hint (never by line, so moving code does not reorder it):
 * <pre>
 * {
 *   "regionlintBaseline": 1,
 *   "findings": [
 *     { "ruleId": "RL2001", "fingerprint": "4f0c…", "hint": "media-us-east-1/AssetsBucket: Bucket … replicates nothing back" }
 *   ]
 * }
 * </pre>
 * Only {@code fingerprint} is matched; {@code ruleId} and {@code hint} tell a reader what each
 * entry is. Findings suppressed in a template or the project file are not written: they are
 * already accounted for, and when such a suppression expires its finding should come back.
 */
public record Baseline(List<Entry> entries) {

    /** The format version written in {@code regionlintBaseline}. */
    public static final int FORMAT_VERSION = 1;
    /** The file {@code regionlint baseline} writes when neither --output nor the project file names one. */
    public static final String DEFAULT_FILE = ".regionlint-baseline.json";
    private static final int HINT_LENGTH = 160;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * One baselined finding.
     *
     * @param hint what the finding was about, for people reading the file: resource (or file) and message
     */
    public record Entry(String ruleId, String fingerprint, String hint) {
    }

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** The baseline of a run: one entry per fingerprint of its findings that are not suppressed otherwise. */
    public static Baseline of(LintResult result) {
        Map<String, Entry> byFingerprint = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            boolean suppressedElsewhere = f.suppressed().map(s -> s.origin() != Suppression.Origin.BASELINE)
                    .orElse(false);
            if (!suppressedElsewhere) {
                byFingerprint.putIfAbsent(f.fingerprint(), new Entry(f.ruleId(), f.fingerprint(), hint(f)));
            }
        }
        List<Entry> sorted = new ArrayList<>(byFingerprint.values());
        sorted.sort(ORDER);
        return new Baseline(sorted);
    }

    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::ruleId).thenComparing(Entry::hint)
            .thenComparing(Entry::fingerprint);

    /** Where the finding is, without a line number (lines move), and the start of its message. */
    static String hint(Finding f) {
        String where = f.resource().map(r -> r.constructPath().map(c -> c + r.region().map(g -> " (" + g + ")")
                .orElse("")).orElse(r.stack() + "/" + r.logicalId())).orElse(f.location().file());
        String message = f.message().length() > HINT_LENGTH ? f.message().substring(0, HINT_LENGTH - 3) + "..."
                : f.message();
        return where + ": " + message;
    }

    /** The fingerprints, for matching. */
    Set<String> fingerprints() {
        Set<String> out = new HashSet<>();
        entries.forEach(e -> out.add(e.fingerprint()));
        return out;
    }

    /** Writes the file format above, UTF-8 text with a trailing newline. */
    public void write(Writer out) throws IOException {
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""));
            printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
            printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
            gen.setPrettyPrinter(printer);
            gen.writeStartObject();
            gen.writeNumberField("regionlintBaseline", FORMAT_VERSION);
            gen.writeArrayFieldStart("findings");
            for (Entry e : entries) {
                gen.writeStartObject();
                gen.writeStringField("ruleId", e.ruleId());
                gen.writeStringField("fingerprint", e.fingerprint());
                gen.writeStringField("hint", e.hint());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** Writes the baseline to a file, creating its folder. */
    public void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    /** A baseline file that cannot be read or is not one: what is wrong, for an input error. */
    public static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    /** Reads a baseline file; a newer format version or a malformed file is a {@link FormatException}. */
    public static Baseline read(Reader in) throws IOException, FormatException {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException("not a regionlint baseline (expected a JSON object)");
            }
            Integer version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("regionlintBaseline") && value == JsonToken.VALUE_NUMBER_INT) {
                    version = p.getIntValue();
                } else if (field.equals("findings") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        entries.add(entry(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (version == null) {
                throw new FormatException("not a regionlint baseline (no \"regionlintBaseline\" version)");
            }
            if (version != FORMAT_VERSION) {
                throw new FormatException("baseline format " + version + " is not supported by this regionlint"
                        + " (it reads format " + FORMAT_VERSION + "); write it again with 'regionlint baseline'");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormatException("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr());
        }
        return new Baseline(entries);
    }

    private static Entry entry(JsonParser p) throws IOException, FormatException {
        String ruleId = "";
        String fingerprint = null;
        String hint = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "ruleId" -> ruleId = p.getValueAsString("");
                case "fingerprint" -> fingerprint = p.getValueAsString();
                case "hint" -> hint = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new FormatException("an entry without a \"fingerprint\" at line " + p.currentLocation().getLineNr());
        }
        return new Entry(ruleId, fingerprint, hint);
    }
}
