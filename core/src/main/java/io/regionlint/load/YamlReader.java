package io.regionlint.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML with SnakeYAML's parser only, building our nodes straight from its events: no
 * composer builds a tree of its own first and no constructor runs, so no type named in the input
 * is ever instantiated. Short-form intrinsic tags become their long form; any other local tag is
 * an input error. Aliases (each re-pointed where it is used), nesting depth and the expanded node
 * count are limited: an alias bomb is refused from the anchored node's known size before it is
 * copied.
 */
final class YamlReader {

    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    /**
     * The standard tags a template may spell out. Everything else under {@code tag:yaml.org,2002:}
     * ({@code !!python/object}, {@code !!java.net.URL}, {@code !!set}, ...) names a language type or
     * a collection CloudFormation does not have, and is rejected like any unknown tag.
     */
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq",
            "merge", "timestamp", "binary");

    private final String file;
    private final Limits limits;
    /** One String per distinct key or short text: property names repeat thousands of times. */
    private final Map<String, String> canonical = new java.util.HashMap<>();
    private int nodes;
    private int collectionAliases;
    private int open;
    private final List<Defect> defects = new ArrayList<>();
    private final Resolver resolver = new Resolver();
    /** The nodes anchors name, as built (an alias re-points a copy); a mapping or list being built is BUILDING. */
    private final Map<String, Anchored> anchors = new java.util.HashMap<>();
    private ParserImpl parser;

    private YamlReader(String file, Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Returns the root node (empty for a document with no content) and the defects recovered from. */
    static Parsed read(String text, String file, Limits limits) throws LoadException {
        YamlReader reader = new YamlReader(file, limits);
        return new Parsed(reader.readDocument(text), reader.defects);
    }

    private Optional<Node> readDocument(String text) throws LoadException {
        // duplicate keys, nesting and aliases are limited as the nodes are built (the options for
        // them are the composer's, which is not used); the parser keeps only the size limit
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        // Every tag is checked as its node is built, with one message for all unknown tags;
        // nothing is ever constructed from a tag.
        options.setTagInspector(tag -> true);
        try {
            parser = new ParserImpl(new StreamReader(text), options);
            parser.getEvent(); // stream start
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return Optional.empty();
            }
            parser.getEvent(); // document start
            Node root = node(JsonPointer.ROOT);
            parser.getEvent(); // document end
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                Event next = parser.getEvent();
                throw new CompositionException("expected a single document in the stream", null,
                        "but found another document", next.getStartMark());
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            throw new LoadException(markedError(e));
        } catch (ReaderException e) {
            throw new LoadException(at(text, e.getPosition(), "character " + SyntaxMessages.character(e.getCodePoint())
                    + " is not allowed in YAML text (control characters must be written as escapes in"
                    + " double-quoted text)"));
        } catch (YAMLException e) {
            // the parser's own size limit: nesting and aliases are checked at their event, where
            // they go over (node, collection, alias)
            throw new LoadException(InputError.atFile(file,
                    "the YAML document cannot be read: it is larger than the limits allow"));
        }
    }

    private InputError markedError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark context = e.getContextMark();
        String message = "YAML syntax: " + SyntaxMessages.yaml(e.getContext(), e.getProblem(),
                context == null ? 0 : context.getLine() + 1, context == null ? 0 : context.getColumn() + 1);
        if (mark == null) {
            return InputError.atFile(file, message);
        }
        return new InputError(file, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /** An error at a code point index of the text. */
    private InputError at(String text, int codePointIndex, String message) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; index++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InputError(file, line, column, message);
    }

    // ---- building our nodes straight from the parser's events (no composed tree in between) ----

    /** The node the next event starts, at {@code pointer}; an alias is the anchored node again, re-pointed. */
    private Node node(JsonPointer pointer) throws LoadException {
        Event event = parser.getEvent();
        if (event instanceof AliasEvent alias) {
            return alias(alias, pointer);
        }
        SourceRange start = range(event.getStartMark(), event.getEndMark());
        if (++nodes > limits.maxNodes()) {
            throw new LoadException(InputError.at(start, "YAML document expands to more than " + limits.maxNodes()
                    + " nodes (aliases?)"));
        }
        int before = nodes;
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, Anchored.BUILDING);
        }
        Node built;
        if (event instanceof ScalarEvent scalar) {
            built = scalar(scalar, start, pointer);
        } else {
            CollectionStartEvent collection = (CollectionStartEvent) event;
            String tagValue = collection.getTag() == null || collection.getTag().equals("!")
                    ? (collection instanceof MappingStartEvent ? Tag.MAP : Tag.SEQ).getValue() : collection.getTag();
            Optional<String> function = function(tagValue, start);
            if (function.isEmpty()) {
                built = collection(collection, start, pointer);
            } else {
                Node inner = collection(collection, start, pointer.child(function.get()));
                built = new MapNode(Map.of(function.get(), inner), Map.of(function.get(), inner.range()), inner.range(),
                        pointer);
            }
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(built, nodes - before + 1, !(event instanceof ScalarEvent),
                    event instanceof ScalarEvent s ? s.getValue() : null));
        }
        return built;
    }

    /**
     * The short form an explicit tag names ({@code !Ref} is {@code Ref}); empty for a standard
     * tag; an error for any other.
     */
    private Optional<String> function(String tagValue, SourceRange at) throws LoadException {
        if (tagValue.startsWith(STANDARD_TAG_PREFIX)) {
            if (!STANDARD_TAGS.contains(tagValue.substring(STANDARD_TAG_PREFIX.length()))) {
                throw new LoadException(unknownTag(at, "!!" + tagValue.substring(STANDARD_TAG_PREFIX.length())));
            }
            return Optional.empty();
        }
        Optional<String> longForm = Intrinsics.longForm(tagValue);
        if (longForm.isEmpty()) {
            throw new LoadException(unknownTag(at, tagValue));
        }
        return longForm;
    }

    private Node scalar(ScalarEvent event, SourceRange range, JsonPointer pointer) throws LoadException {
        Tag tag = tag(event);
        Optional<String> function = function(tag.getValue(), range);
        String text = event.getValue();
        if (function.isEmpty()) {
            Object value = scalarValue(tag, text);
            return new ScalarNode(value instanceof String t ? canonical(t) : value, range, pointer);
        }
        JsonPointer innerPointer = pointer.child(function.get());
        Node inner;
        if (function.get().equals("Fn::GetAtt")) {
            // !GetAtt Resource.Attribute.With.Dots: the resource name ends at the first dot
            int dot = text.indexOf('.');
            List<Node> parts = dot < 0
                    ? List.of(new ScalarNode(text, range, innerPointer.index(0)))
                    : List.of(new ScalarNode(text.substring(0, dot), range, innerPointer.index(0)),
                            new ScalarNode(text.substring(dot + 1), range, innerPointer.index(1)));
            inner = new ListNode(parts, range, innerPointer);
        } else {
            inner = new ScalarNode(text, range, innerPointer);
        }
        return new MapNode(Map.of(function.get(), inner), Map.of(function.get(), range), range, pointer);
    }

    /** The tag of a scalar: the one written, else the one the YAML 1.1 resolver gives its text. */
    private Tag tag(ScalarEvent event) {
        String written = event.getTag();
        return written == null || written.equals("!")
                ? resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(written);
    }

    /**
     * Whether a key is a YAML merge key: {@code <<} written plain, or a key tagged {@code !!merge}.
     * What the YAML 1.1 resolver would say, without running its regular expressions on every key
     * (they were most of the resolver's cost, and its largest source of garbage).
     */
    private static boolean mergeKey(ScalarEvent key) {
        String written = key.getTag();
        if (written == null || written.equals("!")) {
            return key.getImplicit().canOmitTagInPlainScalar() && key.getValue().equals("<<");
        }
        return written.equals(Tag.MERGE.getValue());
    }

    /** A mapping or list whose start event was just read, up to and including its end event. */
    private Node collection(CollectionStartEvent event, SourceRange start, JsonPointer pointer)
            throws LoadException {
        // levels of open mappings and lists, the root's included, as YAML composers count them
        if (++open > limits.maxNestingDepth()) {
            throw new LoadException(InputError.at(start, "nesting deeper than " + limits.maxNestingDepth()
                    + " levels of mappings and lists starts here"));
        }
        try {
            return sequenceOrMapping(event, start, pointer);
        } finally {
            open--;
        }
    }

    private Node sequenceOrMapping(CollectionStartEvent event, SourceRange start, JsonPointer pointer)
            throws LoadException {
        if (event instanceof SequenceStartEvent) {
            List<Node> items = new ArrayList<>();
            int i = 0;
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(node(pointer.index(i++)));
            }
            return new ListNode(items, to(start, parser.getEvent()), pointer);
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keyRanges = new LinkedHashMap<>();
        Set<String> merged = new HashSet<>(); // keys from merge keys, which explicit keys override
        Map<String, Integer> repeats = null; // occurrences of repeated keys, made at the first repeat
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.getEvent();
            SourceRange keyRange = range(keyEvent.getStartMark(), keyEvent.getEndMark());
            String keyText;
            if (keyEvent instanceof ScalarEvent scalar) {
                if (mergeKey(scalar)) {
                    merge(pointer, entries, keyRanges, merged);
                    continue;
                }
                keyText = scalar.getValue();
                if (scalar.getAnchor() != null) {
                    anchors.put(scalar.getAnchor(), new Anchored(new ScalarNode(keyText, keyRange, pointer), 1, false,
                            keyText));
                }
            } else if (keyEvent instanceof AliasEvent alias && anchored(alias).keyText() != null) {
                keyText = anchored(alias).keyText();
            } else {
                throw new LoadException(InputError.at(keyRange, "a mapping key must be a plain scalar"));
            }
            String key = canonical(keyText);
            if (entries.containsKey(key) && !merged.remove(key)) {
                // CloudFormation accepts a repeated key and keeps the last value: so do we, and say so
                repeats = repeats == null ? new java.util.HashMap<>() : repeats;
                defects.add(Defect.duplicateKey(key, keyRange, keyRanges.get(key), pointer.toString(),
                        repeats.merge(key, 2, (seen, one) -> seen + 1)));
            }
            keyRanges.put(key, keyRange);
            entries.put(key, node(pointer.child(key)));
        }
        return new MapNode(entries, keyRanges, to(start, parser.getEvent()), pointer);
    }

    /**
     * YAML merge keys ({@code <<: *base}, {@code <<: [*a, *b]}, {@code <<: {...}}): keys written in
     * the mapping itself win, wherever they stand relative to the merge key; {@code merged}
     * records the keys a merge contributed. The merged keys are the mapping's own.
     */
    private void merge(JsonPointer pointer, Map<String, Node> entries, Map<String, SourceRange> keyRanges,
                       Set<String> merged) throws LoadException {
        List<Node> sources = new ArrayList<>();
        if (parser.checkEvent(Event.ID.SequenceStart)) {
            parser.getEvent();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                sources.add(mergeSource(pointer));
            }
            parser.getEvent();
        } else {
            sources.add(mergeSource(pointer));
        }
        for (Node one : sources) {
            MapNode base = (MapNode) one;
            int index = 0;
            for (Map.Entry<String, Node> e : base.entries().entrySet()) {
                SourceRange keyRange = base.keyRange(index++);
                if (!entries.containsKey(e.getKey())) {
                    entries.put(e.getKey(), e.getValue());
                    keyRanges.put(e.getKey(), keyRange);
                    merged.add(e.getKey());
                }
            }
        }
    }

    /** One mapping a merge key merges: written in place or an alias, its keys at the merging mapping's pointer. */
    private Node mergeSource(JsonPointer pointer) throws LoadException {
        Event event = parser.peekEvent();
        SourceRange at = range(event.getStartMark(), event.getEndMark());
        Node source;
        if (event instanceof AliasEvent alias) {
            parser.getEvent();
            source = alias(alias, pointer);
        } else if (event instanceof MappingStartEvent start) {
            parser.getEvent();
            int before = nodes;
            source = collection(start, at, pointer);
            if (start.getAnchor() != null) {
                anchors.put(start.getAnchor(), new Anchored(source, nodes - before + 1, true, null));
            }
        } else {
            source = node(pointer);
        }
        if (!(source instanceof MapNode)) {
            throw new LoadException(InputError.at(source.range(), "a YAML merge key needs a mapping"));
        }
        return source;
    }

    /** What an alias stands for: the anchored node again, at this place in the document. */
    private Node alias(AliasEvent alias, JsonPointer pointer) throws LoadException {
        Anchored a = anchored(alias);
        SourceRange at = range(alias.getStartMark(), alias.getEndMark());
        if (a == Anchored.BUILDING) {
            throw new LoadException(InputError.at(at, "the YAML alias *" + alias.getAnchor()
                    + " refers to the mapping or list that holds it"));
        }
        if (a.collection() && ++collectionAliases > limits.maxAliases()) {
            throw new LoadException(InputError.at(at, "more than " + limits.maxAliases() + " YAML aliases to mappings"
                    + " and lists (an alias bomb?); write the repeated parts out"));
        }
        nodes += a.size();
        if (nodes > limits.maxNodes()) {
            throw new LoadException(InputError.at(at, "YAML document expands to more than " + limits.maxNodes()
                    + " nodes through aliases (an alias bomb?)"));
        }
        return repoint(a.node(), pointer);
    }

    private Anchored anchored(AliasEvent alias) {
        Anchored a = anchors.get(alias.getAnchor());
        if (a == null) {
            throw new CompositionException(null, null, "found undefined alias " + alias.getAnchor(),
                    alias.getStartMark());
        }
        return a;
    }

    /** A node again at another pointer: its ranges stay those of the anchored original. */
    private static Node repoint(Node node, JsonPointer pointer) {
        if (node instanceof ScalarNode s) {
            return new ScalarNode(s.value(), s.range(), pointer);
        }
        if (node instanceof ListNode l) {
            List<Node> items = new ArrayList<>(l.items().size());
            for (int i = 0; i < l.items().size(); i++) {
                items.add(repoint(l.items().get(i), pointer.index(i)));
            }
            return new ListNode(items, l.range(), pointer);
        }
        MapNode m = (MapNode) node;
        Map<String, Node> entries = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> entries.put(k, repoint(v, pointer.child(k))));
        return new MapNode(entries, m.keyPositions(), m.range(), pointer);
    }

    /**
     * A node an anchor names, with the number of nodes it expands to.
     *
     * @param keyText the scalar's text, for an alias used as a mapping key; null for a collection
     */
    private record Anchored(Node node, long size, boolean collection, String keyText) {
        /** An anchored mapping or list whose end is not read yet. */
        static final Anchored BUILDING = new Anchored(null, 0, true, null);
    }

    /** A problem of the document's structure, in SnakeYAML's words, reported like the parser's own. */
    private static final class CompositionException extends MarkedYAMLException {
        private static final long serialVersionUID = 1L;

        CompositionException(String context, Mark contextMark, String problem, Mark problemMark) {
            super(context, contextMark, problem, problemMark);
        }
    }

    private InputError unknownTag(SourceRange at, String shown) {
        return InputError.at(at, "unknown YAML tag '" + shown
                + "' (CloudFormation accepts only the short forms of its intrinsic functions)");
    }

    private String canonical(String text) {
        return text.length() > 64 ? text : canonical.computeIfAbsent(text, t -> t);
    }

    private static Object scalarValue(Tag tag, String text) {
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            // Only true/false are booleans (YAML 1.2): YAML 1.1's yes/no/on/off stay text, so a
            // condition named On or a country code NO keeps its spelling.
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("false") ? (Object) t.equals("true") : text;
        }
        if (tag.equals(Tag.INT)) {
            String digits = text.replace("_", "");
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                try {
                    return new BigInteger(digits);
                } catch (NumberFormatException e2) {
                    return text; // 0x1F, 0o17, 1:30 and friends: keep the text
                }
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text; // .inf, .nan
            }
        }
        return text;
    }

    private SourceRange range(Mark start, Mark end) {
        if (start == null) {
            return SourceRange.fileStart(file);
        }
        int endLine = end == null ? start.getLine() + 1 : end.getLine() + 1;
        int endColumn = end == null ? start.getColumn() + 1 : end.getColumn() + 1;
        return new SourceRange(file, start.getLine() + 1, start.getColumn() + 1, endLine, endColumn);
    }

    /** A collection's range: from its start event to the end of its end event. */
    private SourceRange to(SourceRange start, Event end) {
        Mark mark = end.getEndMark();
        return mark == null ? start : new SourceRange(file, start.line(), start.column(), mark.getLine() + 1,
                mark.getColumn() + 1);
    }
}
