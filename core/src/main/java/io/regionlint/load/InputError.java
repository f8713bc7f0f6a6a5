package io.regionlint.load;

/**
 * An input that could not be read, parsed or understood. It names the file, the 1-based line
 * and column of the problem (1:1 where the problem is the whole file) and what is wrong.
 */
public record InputError(String file, int line, int column, String message) {

    public static InputError atFile(String file, String message) {
        return new InputError(file, 1, 1, message);
    }

    public static InputError at(SourceRange range, String message) {
        return new InputError(range.file(), range.line(), range.column(), message);
    }
}
