package io.regionlint.load;

/**
 * Where a node sits in its source file. Lines and columns are 1-based; the end is exclusive
 * (the position just after the node), as SARIF expects.
 *
 * @param file the file as shown to users (relative to the run's base directory where possible)
 */
public record SourceRange(String file, int line, int column, int endLine, int endColumn) {

    /** A range for a whole file, used where nothing more precise is known. */
    public static SourceRange fileStart(String file) {
        return new SourceRange(file, 1, 1, 1, 1);
    }
}
