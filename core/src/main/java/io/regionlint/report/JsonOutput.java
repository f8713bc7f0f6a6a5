package io.regionlint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * JSON writing shared by the JSON and SARIF reports: Jackson's streaming generator (no
 * reflection, so start-up stays fast), two-space indent, {@code "key": value}, arrays one item a
 * line, {@code []} and {@code {}} for empty ones, and a trailing newline.
 */
final class JsonOutput {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private JsonOutput() {
    }

    /** A generator writing to {@code out}; closing it flushes but leaves {@code out} open. */
    static JsonGenerator open(Writer out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(INDENTER);
        printer.indentArraysWith(INDENTER);
        gen.setPrettyPrinter(printer);
        return gen;
    }

    /** Ends the document: closes the generator and writes the trailing newline. */
    static void close(JsonGenerator gen, Writer out) throws IOException {
        gen.close();
        out.write('\n');
        out.flush();
    }

    static void stringOrNull(JsonGenerator gen, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            gen.writeStringField(field, value.get());
        } else {
            gen.writeNullField(field);
        }
    }
}
