package io.regionlint.rules.aurora;

import io.regionlint.rules.facts.AwsFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An Aurora {@code EngineVersion} split into the parts that managed cross-Region switchover and
 * failover compare. Aurora MySQL writes its own version after the MySQL one
 * ({@code 8.0.mysql_aurora.3.04.0}: major 3, minor 04, patch 0); Aurora PostgreSQL writes
 * {@code major.minor} ({@code 15.4}), with a patch level where one is given ({@code 15.4.9}).
 *
 * @param auroraForm true for the {@code mysql_aurora} form; the two forms are not compared
 * @param majorAndMinor the major and minor version as written ("15.4", "3.04"), for messages
 * @param text the version as written
 */
record EngineVersion(boolean auroraForm, String major, String minor, Optional<String> patch, String majorAndMinor,
                     String text) {

    private static final String AURORA_MARKER = "_aurora.";
    private static final Set<String> ENGINES_WITH_FACTS = Set.of("aurora", "aurora-mysql", "aurora-postgresql");

    /** The version, when it names at least a major and a minor version. */
    static Optional<EngineVersion> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int marker = t.indexOf(AURORA_MARKER);
        String version = marker >= 0 ? t.substring(marker + AURORA_MARKER.length()) : t;
        String[] parts = version.split("\\.", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        Optional<String> patch = parts.length == 3 && !parts[2].isEmpty() ? Optional.of(normal(parts[2]))
                : Optional.empty();
        return Optional.of(new EngineVersion(marker >= 0, normal(parts[0]), normal(parts[1]), patch,
                parts[0] + "." + parts[1], text.trim()));
    }

    /** "04" and "4" are the same version part. */
    private static String normal(String part) {
        return part.matches("\\d+") ? part.replaceFirst("^0+(?=\\d)", "") : part;
    }

    /** Whether both are written the same way, so their parts can be compared. */
    boolean comparableWith(EngineVersion other) {
        return auroraForm == other.auroraForm;
    }

    boolean sameMajorAndMinor(EngineVersion other) {
        return major.equals(other.major) && minor.equals(other.minor);
    }

    /** True when both name a patch level and the levels differ. */
    boolean patchDiffers(EngineVersion other) {
        return patch.isPresent() && other.patch.isPresent() && !patch.get().equals(other.patch.get());
    }

    /**
     * Whether members of this engine at this major and minor version may run different patch
     * levels (the thresholds are in the AWS facts file, per engine).
     */
    boolean patchMayDiffer(String engine) {
        List<String> thresholds = ENGINES_WITH_FACTS.contains(engine)
                ? AwsFacts.list("aurora.global.patchMayDiffer." + engine) : List.of();
        Optional<Integer> ourMajor = integer(major);
        Optional<Integer> ourMinor = integer(minor);
        if (ourMajor.isEmpty()) {
            return false;
        }
        for (String threshold : thresholds) {
            String[] parts = threshold.split("\\.");
            int fromMajor = Integer.parseInt(parts[0]);
            if (parts.length == 1 && ourMajor.get() >= fromMajor) {
                return true;
            }
            if (parts.length == 2 && ourMajor.get() == fromMajor && ourMinor.isPresent()
                    && ourMinor.get() >= Integer.parseInt(parts[1])) {
                return true;
            }
        }
        return false;
    }

    /** The lowest version of this major version from which patch levels may differ, for messages. */
    Optional<String> patchThreshold(String engine) {
        if (!ENGINES_WITH_FACTS.contains(engine)) {
            return Optional.empty();
        }
        return AwsFacts.list("aurora.global.patchMayDiffer." + engine).stream()
                .filter(t -> t.startsWith(major + ".")).findFirst();
    }

    private static Optional<Integer> integer(String part) {
        return part.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(part)) : Optional.empty();
    }
}
