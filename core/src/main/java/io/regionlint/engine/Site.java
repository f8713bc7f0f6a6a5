package io.regionlint.engine;

import io.regionlint.load.SourceRange;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.Optional;

/** The model element a finding is reported at: a value of a resource, or a bare source range. */
public record Site(Optional<Resource> resource, SourceRange range, Optional<String> pointer) {

    /** A value of a resource: the finding points at the template node the value came from. */
    public static Site of(Resource resource, Value at) {
        return new Site(Optional.of(resource), at.range(), Optional.of(at.pointer()));
    }

    /** A resource as a whole: its logical id entry. */
    public static Site of(Resource resource) {
        // an observed resource's own item: the pseudo stack of several snapshot files keeps its
        // keys' lines but not their files
        SourceRange at = resource.observed().map(io.regionlint.model.Provenance.Observed::range)
                .orElse(resource.declaredAt());
        return new Site(Optional.of(resource), at, Optional.of(resource.node().pointer()));
    }

    /** A place in a file that no resource owns (an input error). */
    public static Site of(SourceRange range) {
        return new Site(Optional.empty(), range, Optional.empty());
    }
}
