package io.regionlint.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load stage's entry point: a file becomes a {@link Document} or an {@link InputError},
 * never an exception. Only input that leaves no document is an error; a local defect (a repeated
 * key, a resource without a usable type) is recorded on the document as a {@link Defect} and
 * costs only the value it touches. JSON is recognised by its first non-blank character, so a {@code .template}
 * file may hold either syntax.
 */
public final class DocumentLoader {

    private final Limits limits;

    public DocumentLoader(Limits limits) {
        this.limits = limits;
    }

    public DocumentLoader() {
        this(Limits.DEFAULT);
    }

    /** The outcome of loading one file: exactly one of document and error is present. */
    public record Result(Optional<Document> document, Optional<InputError> error) {

        static Result of(Document document) {
            return new Result(Optional.of(document), Optional.empty());
        }

        static Result of(InputError error) {
            return new Result(Optional.empty(), Optional.of(error));
        }
    }

    /**
     * Loads a file. An empty document loads as a document whose root is an empty map, so
     * that callers decide whether emptiness is an error.
     */
    public Result load(Path path, String displayPath) {
        try {
            long size = Files.size(path);
            if (size > limits.maxFileBytes()) {
                return Result.of(InputError.atFile(displayPath, "file is " + size + " bytes, larger than the limit of "
                        + limits.maxFileBytes() + " bytes"));
            }
            byte[] bytes = Files.readAllBytes(path);
            return parse(decode(bytes, displayPath), path, displayPath);
        } catch (LoadException e) {
            return Result.of(e.error());
        } catch (IOException e) {
            return Result.of(InputError.atFile(displayPath, "cannot read file: " + why(e)));
        }
    }

    /** Why a file cannot be read, in words: the JDK's file-system exceptions carry only the path. */
    static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Parses text already in memory (used for tests and for stdin). */
    public Result parse(String text, Path path, String displayPath) {
        boolean json = looksLikeJson(text, path);
        try {
            Parsed parsed = json ? JsonReader.read(text, displayPath, limits) : YamlReader.read(text, displayPath, limits);
            Node node = parsed.root().orElseGet(() -> new MapNode(java.util.Map.of(), java.util.Map.of(),
                    SourceRange.fileStart(displayPath), ""));
            return Result.of(new Document(path, displayPath, node, defects(parsed.defects(), node)));
        } catch (LoadException e) {
            return Result.of(e.error());
        }
    }

    /**
     * The reader's defects and the resources without a usable type, in source order. A YAML
     * mapping reached through several aliases is read once per alias: its defects count once.
     */
    private static List<Defect> defects(List<Defect> read, Node root) {
        Map<String, Defect> unique = new LinkedHashMap<>();
        for (Defect d : read) {
            unique.putIfAbsent(d.kind() + "@" + d.range(), d);
        }
        List<Defect> out = new ArrayList<>(unique.values());
        out.addAll(ResourceTypes.defects(root));
        out.sort(Comparator.comparingInt((Defect d) -> d.range().line()).thenComparingInt(d -> d.range().column()));
        return out;
    }

    private static boolean looksLikeJson(String text, Path path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || (c == '[' && path.toString().toLowerCase(Locale.ROOT).endsWith(".json"));
            }
        }
        return path.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String decode(byte[] bytes, String displayPath) throws LoadException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new LoadException(InputError.atFile(displayPath, "the file is UTF-16 text (it starts with a UTF-16"
                    + " byte order mark); templates are UTF-8: save it as UTF-8"));
        }
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new LoadException(at(bytes, i, displayPath, "a NUL byte: this is not a text file (or not UTF-8"
                        + " text)"));
            }
            ascii &= bytes[i] > 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII); // most templates: no decoder needed
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // the decoder stops at the first byte that is not UTF-8: name it and its place
            int offset = in.position();
            throw new LoadException(at(bytes, offset, displayPath, String.format(Locale.ROOT, "byte 0x%02X is not"
                    + " valid UTF-8 (the file looks like Latin-1 or Windows-1252 text): save it as UTF-8",
                    bytes[offset] & 0xFF)));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** An error at a byte offset: its line, and its column counted in characters before it on that line. */
    private static InputError at(byte[] bytes, int offset, String displayPath, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the bytes before the offset on this line are valid UTF-8 (the decoder got this far)
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new InputError(displayPath, line, before.codePointCount(0, before.length()) + 1, message);
    }
}
