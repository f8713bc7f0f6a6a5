package io.regionlint.load;

/**
 * An input that could not be read, parsed or understood. It names the file, the 1-based line
 * and column of the problem (1:1 where the problem is the whole file), what is wrong, and its
 * kind: front ends map {@link Kind#NOTHING_TO_LINT} (a path that holds no template: a usage
 * mistake) to another exit code than {@link Kind#UNREADABLE}.
 */
public record InputError(String file, int line, int column, String message, Kind kind) {

    /** What kind of input problem this is. */
    public enum Kind {
        /** A file or folder could not be read, parsed or understood. */
        UNREADABLE,
        /** A path given to lint holds no CloudFormation template at all. */
        NOTHING_TO_LINT
    }

    public InputError(String file, int line, int column, String message) {
        this(file, line, column, message, Kind.UNREADABLE);
    }

    public static InputError atFile(String file, String message) {
        return new InputError(file, 1, 1, message);
    }

    public static InputError at(SourceRange range, String message) {
        return new InputError(range.file(), range.line(), range.column(), message);
    }

    /**
     * A path given to lint in which no template was found.
     *
     * @param hint what the path does hold and how to lint it, or empty
     */
    public static InputError nothingToLint(String path, String hint) {
        return new InputError(path, 1, 1, "nothing to lint in " + path + ": no .yaml/.yml/.json/.template file"
                + " holding a CloudFormation template" + (hint.isEmpty() ? "" : "; " + hint), Kind.NOTHING_TO_LINT);
    }
}
