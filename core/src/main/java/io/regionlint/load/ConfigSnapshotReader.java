package io.regionlint.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams AWS Config configuration items out of a file, one at a time, so a snapshot of a
 * gigabyte is never held as one tree: only the item being read is. Reads every envelope users
 * have (see {@link ConfigItem}), plain or gzipped, with limits of its own (a snapshot is far
 * larger than any template). A broken item is an input error at its line and the next item is
 * read; a file that is not JSON at all is one input error.
 */
public final class ConfigSnapshotReader {

    /**
     * Limits for snapshot files.
     *
     * @param maxBytes most bytes read from a file after decompression (a gzip bomb stops here)
     * @param maxItemNodes most nodes in one item, strings decoded included
     * @param maxNestingDepth deepest nesting inside an item
     */
    public record Limits(long maxBytes, int maxItemNodes, int maxNestingDepth) {

        public static final Limits DEFAULT = new Limits(8L * 1024 * 1024 * 1024, 1_000_000, 200);
    }

    /** What reading one file gave: the items passed on, and the problems found. */
    public record Result(int items, List<InputError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** Keys whose array holds configuration items, in the envelopes AWS and tools write. */
    private static final List<String> ITEM_ARRAYS = List.of("configurationItems", "baseConfigurationItems");
    /** Keys that hold one item ({@code GetAggregateResourceConfig}, a Config rule's event). */
    private static final List<String> ITEM_OBJECTS = List.of("ConfigurationItem", "configurationItem");

    private final Limits limits;
    private final JsonFactory factory;

    public ConfigSnapshotReader(Limits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth() + 8)
                        .maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }

    public ConfigSnapshotReader() {
        this(Limits.DEFAULT);
    }

    /** True when a file starts like JSON that may hold configuration items (or is gzipped). */
    public static boolean looksLikeSnapshot(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".gz");
    }

    /** Reads a file, handing each item to {@code sink} as soon as it is read. */
    public Result read(Path file, String displayPath, Consumer<ConfigItem> sink) {
        List<InputError> errors = new ArrayList<>();
        int[] count = {0};
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            InputStream bounded = new Bounded(in, limits.maxBytes());
            new Parse(displayPath, errors, item -> {
                count[0]++;
                sink.accept(item);
            }).file(bounded);
        } catch (ZipException e) {
            errors.add(InputError.atFile(displayPath, "not a readable gzip file (" + e.getMessage() + ")"));
        } catch (TooLarge e) {
            errors.add(InputError.atFile(displayPath, "larger than " + limits.maxBytes()
                    + " bytes after decompression; raise the limit or split the snapshot"));
        } catch (IOException e) {
            errors.add(InputError.atFile(displayPath, "cannot read: " + e.getMessage()));
        }
        return new Result(count[0], errors);
    }

    /** Reads items from text (a test's or a decoded string's). */
    public Result read(String text, String displayPath, Consumer<ConfigItem> sink) {
        List<InputError> errors = new ArrayList<>();
        int[] count = {0};
        try {
            new Parse(displayPath, errors, item -> {
                count[0]++;
                sink.accept(item);
            }).file(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            errors.add(InputError.atFile(displayPath, "cannot read: " + e.getMessage()));
        }
        return new Result(count[0], errors);
    }

    /** One file's parse: the streaming walk over envelopes, building one item tree at a time. */
    private final class Parse {

        private final String file;
        private final List<InputError> errors;
        private final Consumer<ConfigItem> sink;
        private JsonParser parser;
        private int nodes;

        Parse(String file, List<InputError> errors, Consumer<ConfigItem> sink) {
            this.file = file;
            this.errors = errors;
            this.sink = sink;
        }

        void file(InputStream in) throws IOException {
            try (JsonParser p = factory.createParser(in)) {
                parser = p;
                JsonToken first = p.nextToken();
                if (first == null) {
                    errors.add(InputError.atFile(file, "empty file: no configuration items"));
                    return;
                }
                if (first == JsonToken.START_ARRAY) {
                    items();
                } else if (first == JsonToken.START_OBJECT) {
                    envelope();
                } else {
                    errors.add(error(p.currentTokenLocation(), "not an AWS Config snapshot: expected a JSON object "
                            + "with configurationItems, Results or baseConfigurationItems, or one configuration item"));
                }
            } catch (StreamConstraintsException e) {
                errors.add(error(parser.currentTokenLocation(), "nested deeper than " + limits.maxNestingDepth()
                        + " levels"));
            } catch (JsonParseException e) {
                JsonLocation at = e.getLocation();
                String message = "JSON syntax error: " + e.getOriginalMessage().replaceAll("\\s*\\n.*", "");
                errors.add(at == null ? InputError.atFile(file, message) : error(at, message));
            }
        }

        /** The top-level object: an envelope, or one item by itself. */
        private void envelope() throws IOException {
            JsonLocation start = parser.currentTokenLocation();
            Map<String, Node> rest = new LinkedHashMap<>();
            Map<String, SourceRange> restKeys = new LinkedHashMap<>();
            boolean sawEnvelope = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceRange keyRange = keyRange(key);
                JsonToken value = parser.nextToken();
                if (ITEM_ARRAYS.contains(key) && value == JsonToken.START_ARRAY) {
                    sawEnvelope = true;
                    items();
                } else if ((key.equals("Results") || key.equals("results")) && value == JsonToken.START_ARRAY) {
                    sawEnvelope = true;
                    selectResults();
                } else if (ITEM_OBJECTS.contains(key) && value == JsonToken.START_OBJECT) {
                    sawEnvelope = true;
                    item(JsonPointer.ROOT.child(key));
                } else if (key.equals("invokingEvent") && value == JsonToken.VALUE_STRING) {
                    sawEnvelope = true; // a Config rule's event: the item sits inside a JSON string
                    SourceRange at = rangeFrom(parser.currentTokenLocation());
                    nested(parser.getText(), at);
                } else {
                    restKeys.put(key, keyRange);
                    rest.put(key, tree(JsonPointer.ROOT.child(key), 0, Optional.empty()));
                }
            }
            if (!sawEnvelope) {
                MapNode whole = new MapNode(rest, restKeys, rangeFrom(start), JsonPointer.ROOT);
                if (rest.containsKey("resourceType")) {
                    accept(whole);
                } else {
                    errors.add(InputError.at(whole.range(), "not an AWS Config snapshot: no configurationItems, "
                            + "Results, baseConfigurationItems or resourceType"));
                }
            }
        }

        /** An array of item objects (or of JSON strings holding items). */
        private void items() throws IOException {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonPointer at = JsonPointer.ROOT.child("configurationItems").index(i++);
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    nested(parser.getText(), rangeFrom(parser.currentTokenLocation()));
                } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                    item(at);
                } else {
                    errors.add(error(parser.currentTokenLocation(), "expected a configuration item (an object), found "
                            + describe(parser.currentToken())));
                    parser.skipChildren();
                }
            }
        }

        /** {@code select-resource-config}: {@code Results} is an array of JSON strings, one item each. */
        private void selectResults() throws IOException {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    nested(parser.getText(), rangeFrom(parser.currentTokenLocation()));
                } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                    item(JsonPointer.ROOT.child("Results"));
                } else {
                    errors.add(error(parser.currentTokenLocation(), "expected a select result (a JSON string), found "
                            + describe(parser.currentToken())));
                    parser.skipChildren();
                }
            }
        }

        /** An item given as a JSON string: every node gets the string's range. */
        private void nested(String text, SourceRange at) throws IOException {
            nodes = 0;
            Optional<Node> parsed = decode(text, at, JsonPointer.ROOT);
            if (parsed.isEmpty() || !(parsed.get() instanceof MapNode map)) {
                errors.add(InputError.at(at, "a configuration item given as a string that does not hold a JSON object"));
                return;
            }
            if (map.get("configurationItem").orElse(null) instanceof MapNode inner) {
                accept(inner); // an invokingEvent
            } else {
                accept(map);
            }
        }

        private void item(JsonPointer at) throws IOException {
            nodes = 0;
            JsonLocation start = parser.currentTokenLocation();
            try {
                Node node = tree(at, 0, Optional.empty());
                accept((MapNode) node);
            } catch (TooManyNodes e) {
                errors.add(error(start, "configuration item with more than "
                        + limits.maxItemNodes() + " values; skipped"));
                skipToEndOfItem(e.openContainers);
            }
        }

        /** After a refused item: skips what is left of it (its open containers), so the next item is read. */
        private void skipToEndOfItem(int openContainers) throws IOException {
            int open = openContainers;
            while (open > 0) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    open++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open--;
                }
            }
        }

        /** Turns an item's tree into a {@link ConfigItem}, or an error naming what is missing. */
        private void accept(MapNode item) {
            Optional<String> type = text(item, "resourceType");
            Optional<String> id = text(item, "resourceId");
            Optional<String> account = text(item, "awsAccountId").or(() -> text(item, "accountId"));
            Optional<String> region = text(item, "awsRegion");
            List<String> missing = new ArrayList<>();
            if (type.isEmpty()) {
                missing.add("resourceType");
            }
            if (id.isEmpty()) {
                missing.add("resourceId");
            }
            if (account.isEmpty()) {
                missing.add("awsAccountId (or accountId)");
            }
            if (region.isEmpty()) {
                missing.add("awsRegion");
            }
            if (!missing.isEmpty()) {
                errors.add(InputError.at(item.range(), "configuration item without " + String.join(", ", missing)
                        + "; skipped"));
                return;
            }
            MapNode configuration = decoded(item, "configuration");
            MapNode supplementaryMap = decoded(item, "supplementaryConfiguration");
            Map<String, Node> supplementary = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : supplementaryMap.entries().entrySet()) {
                supplementary.put(e.getKey(), decodeRepeatedly(e.getValue()));
            }
            sink.accept(new ConfigItem(account.get(), region.get(), type.get(), id.get(),
                    text(item, "resourceName"), text(item, "ARN").or(() -> text(item, "arn")),
                    captureTime(item),
                    text(item, "configurationItemStatus").orElse("OK"), configuration, supplementary,
                    tags(item.get("tags").orElse(null)), item.range()));
        }

        /** A field that is an object, or a JSON string holding one (repeatedly encoded, even). */
        private MapNode decoded(MapNode item, String key) {
            Node value = item.get(key).map(this::decodeRepeatedly).orElse(null);
            if (value instanceof MapNode map) {
                return map;
            }
            SourceRange at = value == null ? item.range() : value.range();
            return new MapNode(Map.of(), Map.of(), at, item.path().child(key));
        }

        /** A string that holds JSON is parsed again, as often as it was encoded. */
        private Node decodeRepeatedly(Node value) {
            Node current = value;
            for (int round = 0; round < 4; round++) {
                if (!(current instanceof ScalarNode s) || !(s.value() instanceof String text) || !startsJson(text)) {
                    return current;
                }
                try {
                    Optional<Node> parsed = decode(text, s.range(), s.path());
                    if (parsed.isEmpty()) {
                        return current;
                    }
                    current = parsed.get();
                } catch (IOException e) {
                    return current; // a string that only looks like JSON stays a string
                }
            }
            return current;
        }

        private Optional<Node> decode(String text, SourceRange at, JsonPointer pointer) throws IOException {
            JsonParser outer = parser;
            try (JsonParser p = factory.createParser(text)) {
                parser = p;
                if (p.nextToken() == null) {
                    return Optional.empty();
                }
                return Optional.of(tree(pointer, 0, Optional.of(at)));
            } catch (JsonParseException | TooManyNodes e) {
                return Optional.empty();
            } finally {
                parser = outer;
            }
        }

        /**
         * The subtree at the current token. Duplicate keys keep the last value, as JSON readers
         * of Config's own tooling do. {@code fixed} gives every node one range (a decoded string's).
         */
        private Node tree(JsonPointer pointer, int depth, Optional<SourceRange> fixed) throws IOException {
            if (++nodes > limits.maxItemNodes()) {
                JsonToken t = parser.currentToken();
                boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                throw new TooManyNodes(depth + (opens ? 1 : 0));
            }
            JsonLocation start = parser.currentTokenLocation();
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Node> entries = new LinkedHashMap<>();
                    Map<String, SourceRange> keyRanges = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        SourceRange keyRange = fixed.orElseGet(() -> keyRange(key));
                        parser.nextToken();
                        entries.remove(key);
                        keyRanges.put(key, keyRange);
                        entries.put(key, tree(pointer.child(key), depth + 1, fixed));
                    }
                    return new MapNode(entries, keyRanges, fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(tree(pointer.index(i++), depth + 1, fixed));
                    }
                    return new ListNode(items, fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                case VALUE_STRING -> {
                    return new ScalarNode(parser.getText(), fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                case VALUE_NUMBER_INT -> {
                    Object number = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                    return new ScalarNode(number, fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                case VALUE_NUMBER_FLOAT -> {
                    // select results write integers as floats ("expirationInDays": 60.0)
                    double d = parser.getDoubleValue();
                    Object number = d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
                    return new ScalarNode(number, fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return new ScalarNode(token == JsonToken.VALUE_TRUE, fixed.orElseGet(() -> rangeFrom(start)),
                            pointer);
                }
                case VALUE_NULL -> {
                    return new ScalarNode(null, fixed.orElseGet(() -> rangeFrom(start)), pointer);
                }
                default -> throw new JsonParseException(parser, "unexpected token " + token);
            }
        }

        private SourceRange keyRange(String key) {
            JsonLocation at = parser.currentTokenLocation();
            return new SourceRange(file, at.getLineNr(), at.getColumnNr(), at.getLineNr(),
                    at.getColumnNr() + key.length() + 2);
        }

        private SourceRange rangeFrom(JsonLocation start) {
            JsonLocation end = parser.currentLocation();
            return new SourceRange(file, Math.max(1, start.getLineNr()), Math.max(1, start.getColumnNr()),
                    Math.max(1, end.getLineNr()), Math.max(1, end.getColumnNr()));
        }

        private InputError error(JsonLocation at, String message) {
            return new InputError(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message);
        }
    }

    private static boolean startsJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[' || c == '"';
            }
        }
        return false;
    }

    private static Optional<String> text(MapNode map, String key) {
        return map.get(key).filter(n -> n instanceof ScalarNode s && s.value() != null)
                .map(n -> ((ScalarNode) n).text()).filter(s -> !s.isEmpty());
    }

    /** {@code {k: v}} (files, history) or {@code [{key, value}]} (select results). */
    private static Map<String, String> tags(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof MapNode map) {
            map.entries().forEach((k, v) -> {
                if (v instanceof ScalarNode s) {
                    out.put(k, s.text());
                }
            });
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode tag) {
                    Optional<String> key = text(tag, "key").or(() -> text(tag, "Key")).or(() -> text(tag, "tagKey"));
                    Optional<String> value = text(tag, "value").or(() -> text(tag, "Value"))
                            .or(() -> text(tag, "tagValue"));
                    key.ifPresent(k -> out.put(k, value.orElse("")));
                }
            }
        }
        return out;
    }

    /** ISO text as written; the API's epoch seconds ({@code 1764487756.288}) as ISO text too. */
    private static Optional<String> captureTime(MapNode item) {
        Optional<Node> node = item.get("configurationItemCaptureTime");
        if (node.isPresent() && node.get() instanceof ScalarNode s && s.value() instanceof Number n) {
            double seconds = n.doubleValue();
            long millis = seconds > 1e11 ? (long) seconds : Math.round(seconds * 1000);
            return Optional.of(java.time.Instant.ofEpochMilli(millis).toString());
        }
        return text(item, "configurationItemCaptureTime");
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** An item over the node limit: the parse skips it and goes on. */
    private static final class TooManyNodes extends RuntimeException {
        private final int openContainers;

        TooManyNodes(int openContainers) {
            super("too many nodes", null, false, false);
            this.openContainers = openContainers;
        }
    }

    /** A file longer than the byte limit after decompression. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Counts the bytes read and stops at the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
