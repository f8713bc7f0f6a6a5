package io.regionlint.engine;

import java.util.Optional;

/** Another place that explains a finding: the peer bucket, the role, the other Region's copy. */
public record Related(String message, Location location, Optional<ResourceRef> resource) {
}
