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
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML with SnakeYAML's composer only: no constructor runs, so no type named in the input
 * is ever instantiated. Short-form intrinsic tags become their long form; any other local tag
 * is an input error. Aliases, nesting depth and the expanded node count are limited.
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
    private final List<Defect> defects = new ArrayList<>();

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
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // we detect duplicates ourselves, with positions
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setAllowRecursiveKeys(false);
        // Every tag is checked in convert(), with one message for all unknown tags; nothing is
        // ever constructed from a tag, so letting the composer pass global tags through is safe.
        options.setTagInspector(tag -> true);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(),
                    options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            throw new LoadException(markedError(e));
        } catch (ReaderException e) {
            throw new LoadException(at(text, e.getPosition(), "character " + SyntaxMessages.character(e.getCodePoint())
                    + " is not allowed in YAML text (control characters must be written as escapes in"
                    + " double-quoted text)"));
        } catch (YAMLException | StackOverflowError e) {
            // one of the composer's own limits (nesting, aliases) or, failing that, the stack
            // stopped it: SnakeYAML says neither where nor in words a reader knows, so find the
            // place ourselves
            throw new LoadException(overLimit(text, options).orElseGet(() -> InputError.atFile(file,
                    "the YAML document cannot be read: it is larger or deeper than the limits allow")));
        }
        if (root == null) {
            return Optional.empty();
        }
        // without an anchor ('&') there is no alias, so nothing can expand: skip the graph walk
        long expanded = text.indexOf('&') < 0 ? 0 : expandedSize(root, new java.util.IdentityHashMap<>());
        if (expanded > limits.maxNodes()) {
            throw new LoadException(InputError.at(range(root), "YAML document expands to more than "
                    + limits.maxNodes() + " nodes through aliases (an alias bomb?)"));
        }
        return Optional.of(convert(root, JsonPointer.ROOT, 0));
    }

    /**
     * The number of nodes the document has once every alias is expanded, computed on the
     * composed graph (where an alias is the same node object again) in time linear in its
     * distinct nodes, so an alias bomb is refused before anything is expanded.
     */
    private static long expandedSize(org.yaml.snakeyaml.nodes.Node node,
                                     java.util.Map<org.yaml.snakeyaml.nodes.Node, Long> memo) {
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof SequenceNode sequence) {
            for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                size = Math.min(Long.MAX_VALUE / 2, size + expandedSize(item, memo));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size = Math.min(Long.MAX_VALUE / 2, size + expandedSize(tuple.getKeyNode(), memo)
                        + expandedSize(tuple.getValueNode(), memo));
            }
        }
        memo.put(node, size);
        return size;
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

    /**
     * Where the document first goes over the composer's limits: the mapping or list one level too
     * deep, or the alias to a mapping or list one more than allowed. Found by replaying the
     * parser's events (the parser keeps no stack of its own, so this pass cannot overflow where
     * the composer did).
     */
    private Optional<InputError> overLimit(String text, LoaderOptions options) {
        LoaderOptions unlimited = new LoaderOptions();
        unlimited.setCodePointLimit(options.getCodePointLimit());
        unlimited.setTagInspector(tag -> true);
        ParserImpl parser = new ParserImpl(new StreamReader(text), unlimited);
        Set<String> collectionAnchors = new HashSet<>();
        int depth = 0;
        int aliases = 0;
        try {
            while (parser.peekEvent() != null) {
                org.yaml.snakeyaml.events.Event event = parser.getEvent();
                Mark at = event.getStartMark();
                if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent start) {
                    if (start.getAnchor() != null) {
                        collectionAnchors.add(start.getAnchor());
                    }
                    if (++depth > limits.maxNestingDepth()) {
                        return Optional.of(new InputError(file, at.getLine() + 1, at.getColumn() + 1,
                                "nesting deeper than " + limits.maxNestingDepth() + " levels of mappings and lists"
                                        + " starts here"));
                    }
                } else if (event instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                } else if (event instanceof org.yaml.snakeyaml.events.AliasEvent alias
                        && collectionAnchors.contains(alias.getAnchor()) && ++aliases > limits.maxAliases()) {
                    return Optional.of(new InputError(file, at.getLine() + 1, at.getColumn() + 1, "more than "
                            + limits.maxAliases() + " YAML aliases to mappings and lists (an alias bomb?); write the"
                            + " repeated parts out"));
                }
            }
        } catch (YAMLException e) {
            return Optional.empty();
        }
        return Optional.empty();
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

    private Node convert(org.yaml.snakeyaml.nodes.Node node, JsonPointer pointer, int depth) throws LoadException {
        if (++nodes > limits.maxNodes()) {
            throw new LoadException(InputError.at(range(node),
                    "YAML document expands to more than " + limits.maxNodes() + " nodes (aliases?)"));
        }
        if (depth > limits.maxNestingDepth()) {
            throw new LoadException(InputError.at(range(node), "nesting deeper than " + limits.maxNestingDepth()
                    + " levels of mappings and lists starts here"));
        }
        Tag tag = node.getTag();
        String tagValue = tag.getValue();
        if (tagValue.startsWith(STANDARD_TAG_PREFIX)) {
            if (!STANDARD_TAGS.contains(tagValue.substring(STANDARD_TAG_PREFIX.length()))) {
                throw new LoadException(unknownTag(node, "!!" + tagValue.substring(STANDARD_TAG_PREFIX.length())));
            }
            return plain(node, pointer, depth);
        }
        Optional<String> longForm = Intrinsics.longForm(tagValue);
        if (longForm.isEmpty()) {
            throw new LoadException(unknownTag(node, tagValue));
        }
        return shortForm(node, longForm.get(), pointer, depth);
    }

    private InputError unknownTag(org.yaml.snakeyaml.nodes.Node node, String shown) {
        return InputError.at(range(node), "unknown YAML tag '" + shown
                + "' (CloudFormation accepts only the short forms of its intrinsic functions)");
    }

    private String canonical(String text) {
        return text.length() > 64 ? text : canonical.computeIfAbsent(text, t -> t);
    }

    private Node plain(org.yaml.snakeyaml.nodes.Node node, JsonPointer pointer, int depth) throws LoadException {
        SourceRange range = range(node);
        if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
            Object value = scalarValue(scalar);
            return new ScalarNode(value instanceof String text ? canonical(text) : value, range, pointer);
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>(sequence.getValue().size());
            int i = 0;
            for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                items.add(convert(item, pointer.index(i++), depth + 1));
            }
            return new ListNode(items, range, pointer);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keyRanges = new LinkedHashMap<>();
        Set<String> merged = new HashSet<>(); // keys from merge keys, which explicit keys override
        Map<String, Integer> repeats = null; // occurrences of repeated keys, made at the first repeat
        for (NodeTuple tuple : mapping.getValue()) {
            org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merge(tuple.getValueNode(), pointer, depth, entries, keyRanges, merged);
                continue;
            }
            if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode keyScalar)) {
                throw new LoadException(InputError.at(range(keyNode), "a mapping key must be a plain scalar"));
            }
            String key = canonical(keyScalar.getValue());
            if (entries.containsKey(key) && !merged.remove(key)) {
                // CloudFormation accepts a repeated key and keeps the last value: so do we, and say so
                repeats = repeats == null ? new java.util.HashMap<>() : repeats;
                defects.add(Defect.duplicateKey(key, range(keyNode), keyRanges.get(key), pointer.toString(),
                        repeats.merge(key, 2, (seen, one) -> seen + 1)));
            }
            keyRanges.put(key, range(keyNode));
            entries.put(key, convert(tuple.getValueNode(), pointer.child(key), depth + 1));
        }
        return new MapNode(entries, keyRanges, range, pointer);
    }

    /**
     * YAML merge keys ({@code <<: *base}): keys written in the mapping itself win, wherever they
     * stand relative to the merge key; {@code merged} records the keys a merge contributed.
     */
    private void merge(org.yaml.snakeyaml.nodes.Node source, JsonPointer pointer, int depth, Map<String, Node> entries,
                       Map<String, SourceRange> keyRanges, Set<String> merged) throws LoadException {
        List<org.yaml.snakeyaml.nodes.Node> sources = source instanceof SequenceNode seq ? seq.getValue()
                : List.of(source);
        for (org.yaml.snakeyaml.nodes.Node one : sources) {
            if (!(one instanceof MappingNode)) {
                throw new LoadException(InputError.at(range(one), "a YAML merge key needs a mapping"));
            }
            MapNode base = (MapNode) plain(one, pointer, depth);
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

    private Node shortForm(org.yaml.snakeyaml.nodes.Node node, String function, JsonPointer pointer, int depth)
            throws LoadException {
        SourceRange range = range(node);
        JsonPointer innerPointer = pointer.child(function);
        Node inner;
        if (function.equals("Fn::GetAtt") && node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
            // !GetAtt Resource.Attribute.With.Dots: the resource name ends at the first dot
            String text = scalar.getValue();
            int dot = text.indexOf('.');
            List<Node> parts = dot < 0
                    ? List.of(new ScalarNode(text, range, innerPointer.index(0)))
                    : List.of(new ScalarNode(text.substring(0, dot), range, innerPointer.index(0)),
                            new ScalarNode(text.substring(dot + 1), range, innerPointer.index(1)));
            inner = new ListNode(parts, range, innerPointer);
        } else if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
            inner = new ScalarNode(scalar.getValue(), range, innerPointer);
        } else {
            inner = plain(node, innerPointer, depth + 1);
        }
        return new MapNode(Map.of(function, inner), Map.of(function, range), range, pointer);
    }

    private static Object scalarValue(org.yaml.snakeyaml.nodes.ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
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

    private SourceRange range(org.yaml.snakeyaml.nodes.Node node) {
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        if (start == null) {
            return SourceRange.fileStart(file);
        }
        int endLine = end == null ? start.getLine() + 1 : end.getLine() + 1;
        int endColumn = end == null ? start.getColumn() + 1 : end.getColumn() + 1;
        return new SourceRange(file, start.getLine() + 1, start.getColumn() + 1, endLine, endColumn);
    }
}
