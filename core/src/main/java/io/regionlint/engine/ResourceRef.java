package io.regionlint.engine;

import java.util.Optional;

/** The resource a finding is about, as reports show it. */
public record ResourceRef(String stack, String logicalId, String type, Optional<String> region,
                          Optional<String> account, Optional<String> constructPath, Optional<String> arn) {
}
