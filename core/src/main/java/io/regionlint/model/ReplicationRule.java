package io.regionlint.model;

import java.util.Optional;

/**
 * One rule of a bucket's {@code ReplicationConfiguration}, joined to its destination bucket and
 * its role where those were loaded.
 *
 * @param index the rule's position in {@code Rules}
 * @param rule the rule's resolved map
 * @param destinationValue {@code Destination.Bucket} as written (for locations and messages)
 * @param destination the destination bucket, when it is among the loaded resources
 * @param role the replication role, when it is among the loaded resources
 */
public record ReplicationRule(Resource source, int index, MapValue rule, Value destinationValue,
                              Optional<Resource> destination, MapValue configuration, Optional<Resource> role) {

    public boolean enabled() {
        return rule.textAt("Status").map("Enabled"::equals).orElse(false);
    }

    /** True when the rule uses the current (V2) schema, marked by {@code Filter}. */
    public boolean isV2() {
        return rule.has("Filter");
    }

    /** True when the rule filters on tags, which excludes delete-marker replication. */
    public boolean hasTagFilter() {
        return rule.at("Filter", "TagFilter").isPresent() || rule.at("Filter", "And", "TagFilters").isPresent();
    }

    public boolean statusEnabled(String... path) {
        return rule.textAt(path).map("Enabled"::equals).orElse(false);
    }

    /** True when the destination is loaded and both ends have known, different Regions. */
    public boolean crossRegion() {
        return destination.isPresent() && source.region().isPresent() && destination.get().region().isPresent()
                && !source.region().get().equals(destination.get().region().get());
    }

    /** How messages name the rule: its Id where it has one, else its position. */
    public String label() {
        return rule.textAt("Id").map(id -> "'" + id + "'").orElse("#" + (index + 1));
    }
}
