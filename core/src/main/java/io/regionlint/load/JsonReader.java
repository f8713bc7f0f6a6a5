package io.regionlint.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON with Jackson's streaming parser, keeping every token's line and column. A duplicate
 * key keeps the last value (as CloudFormation does) and is recorded as a {@link Defect} naming
 * both places.
 */
final class JsonReader {

    private final String file;
    private final Limits limits;
    private JsonParser parser;
    private int nodes;
    private final List<Defect> defects = new ArrayList<>();

    private JsonReader(String file, Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    static Parsed read(String text, String file, Limits limits) throws LoadException {
        JsonReader reader = new JsonReader(file, limits);
        return new Parsed(reader.readDocument(text), reader.defects);
    }

    private Optional<Node> readDocument(String text) throws LoadException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .build())
                .build();
        try (JsonParser p = factory.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Node root = value(JsonPointer.ROOT, 0);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new LoadException(error(p.currentTokenLocation(), "unexpected content after the JSON document"));
            }
            return Optional.of(root);
        } catch (StreamConstraintsException e) {
            // Jackson's constraint messages name its configuration; say which limit, at the token
            String what = e.getMessage() != null && e.getMessage().startsWith("Document nesting depth")
                    ? "nesting deeper than " + limits.maxNestingDepth() + " levels of objects and lists starts here"
                    : "a number or string here is longer than JSON input may be";
            throw new LoadException(error(parser.currentTokenLocation(), what));
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String message = "JSON syntax: " + SyntaxMessages.json(e.getOriginalMessage());
            throw new LoadException(at == null ? InputError.atFile(file, message) : error(at, message));
        } catch (IOException e) {
            throw new LoadException(InputError.atFile(file, "the JSON text cannot be read"));
        }
    }

    private Node value(JsonPointer pointer, int depth) throws IOException, LoadException {
        if (++nodes > limits.maxNodes()) {
            throw new LoadException(error(parser.currentTokenLocation(), "JSON document has more than "
                    + limits.maxNodes() + " nodes"));
        }
        JsonLocation start = parser.currentTokenLocation();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, SourceRange> keyRanges = new LinkedHashMap<>();
                Map<String, Integer> repeats = null; // occurrences of repeated keys, made at the first repeat
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    SourceRange keyRange = new SourceRange(file, keyAt.getLineNr(), keyAt.getColumnNr(),
                            keyAt.getLineNr(), keyAt.getColumnNr() + key.length() + 2);
                    if (entries.containsKey(key)) {
                        // CloudFormation keeps the last of two equal keys: so do we, and say so
                        repeats = repeats == null ? new java.util.HashMap<>() : repeats;
                        defects.add(Defect.duplicateKey(key, keyRange, keyRanges.get(key), pointer.toString(),
                                repeats.merge(key, 2, (seen, one) -> seen + 1)));
                    }
                    parser.nextToken();
                    keyRanges.put(key, keyRange);
                    entries.put(key, value(pointer.child(key), depth + 1));
                }
                return new MapNode(entries, keyRanges, rangeFrom(start), pointer);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(pointer.index(i++), depth + 1));
                }
                return new ListNode(items, rangeFrom(start), pointer);
            }
            case VALUE_STRING -> {
                return new ScalarNode(parser.getText(), rangeFrom(start), pointer);
            }
            case VALUE_NUMBER_INT -> {
                Object number = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                return new ScalarNode(number, rangeFrom(start), pointer);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(parser.getDoubleValue(), rangeFrom(start), pointer);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(token == JsonToken.VALUE_TRUE, rangeFrom(start), pointer);
            }
            case VALUE_NULL -> {
                return new ScalarNode(null, rangeFrom(start), pointer);
            }
            default -> throw new LoadException(error(start, "JSON syntax: " + SyntaxMessages.json("")));
        }
    }

    /** From a start location to just after the current token. */
    private SourceRange rangeFrom(JsonLocation start) {
        JsonLocation end = parser.currentLocation();
        return new SourceRange(file, start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr());
    }

    private InputError error(JsonLocation at, String message) {
        return new InputError(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message);
    }
}
