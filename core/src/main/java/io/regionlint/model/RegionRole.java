package io.regionlint.model;

import java.util.Locale;
import java.util.Optional;

/** The part a Region plays in the system, from the project file (or "active" for --regions). */
public enum RegionRole {
    ACTIVE, STANDBY, WITNESS;

    public static Optional<RegionRole> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
