package io.regionlint.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The load stage's entry point: a file becomes a {@link Document} or an {@link InputError},
 * never an exception. JSON is recognised by its first non-blank character, so a {@code .template}
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
            return Result.of(InputError.atFile(displayPath, "cannot read file: " + e.getMessage()));
        }
    }

    /** Parses text already in memory (used for tests and for stdin). */
    public Result parse(String text, Path path, String displayPath) {
        boolean json = looksLikeJson(text, path);
        try {
            Optional<Node> root = json ? JsonReader.read(text, displayPath, limits)
                    : YamlReader.read(text, displayPath, limits);
            Node node = root.orElseGet(() -> new MapNode(java.util.Map.of(), java.util.Map.of(),
                    SourceRange.fileStart(displayPath), ""));
            return Result.of(new Document(path, displayPath, node));
        } catch (LoadException e) {
            return Result.of(e.error());
        }
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
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0) {
                throw new LoadException(InputError.atFile(displayPath, "not a text file (contains NUL bytes)"));
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII); // most templates: no decoder needed
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new LoadException(InputError.atFile(displayPath, "not valid UTF-8 text"));
        }
    }
}
