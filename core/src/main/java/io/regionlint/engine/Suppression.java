package io.regionlint.engine;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Why a finding is suppressed. A suppressed finding is still reported, and never fails the run.
 *
 * @param kind "inSource" (template Metadata) or "external" (project file, baseline), as in SARIF
 * @param reason the justification the user wrote (for a baseline: which baseline file)
 * @param expires the day after which a project suppression no longer applies
 * @param origin where the suppression is declared
 * @param declaredAt the suppression's entry (Metadata item, project file entry), where there is one
 */
public record Suppression(String kind, String reason, Optional<LocalDate> expires, Origin origin,
                          Optional<Location> declaredAt) {

    /** Where a suppression is declared. */
    public enum Origin {
        /** A resource's {@code Metadata: regionlint: suppress} in the template. */
        TEMPLATE("template"),
        /** The project file's {@code suppressions}. */
        PROJECT("project"),
        /** A baseline file: the finding existed when the baseline was written. */
        BASELINE("baseline");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** The lower-case name reports use. */
        public String label() {
            return label;
        }
    }

    /** A template or project suppression without an expiry or a known entry. */
    public Suppression(String kind, String reason) {
        this(kind, reason, Optional.empty(), kind.equals("inSource") ? Origin.TEMPLATE : Origin.PROJECT,
                Optional.empty());
    }

    static Suppression inSource(String reason, Location at) {
        return new Suppression("inSource", reason, Optional.empty(), Origin.TEMPLATE, Optional.of(at));
    }

    static Suppression project(String reason, Optional<LocalDate> expires, Location at) {
        return new Suppression("external", reason, expires, Origin.PROJECT, Optional.of(at));
    }

    static Suppression baseline(String file) {
        return new Suppression("external", "in the baseline " + file, Optional.empty(), Origin.BASELINE,
                Optional.empty());
    }
}
