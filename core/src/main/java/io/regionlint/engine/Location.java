package io.regionlint.engine;

import io.regionlint.load.SourceRange;
import java.util.Optional;

/** Where a finding points: a file range and, where known, the JSON Pointer of the node. */
public record Location(String file, int line, int column, int endLine, int endColumn, Optional<String> pointer) {

    public static Location of(SourceRange range, Optional<String> pointer) {
        return new Location(range.file(), range.line(), range.column(), range.endLine(), range.endColumn(), pointer);
    }
}
