package io.regionlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a report needs besides the result.
 *
 * @param toolVersion regionlint's version, as {@code --version} prints it
 * @param color whether text output may use ANSI colours (the CLI decides: a terminal, no
 *     {@code --no-color}); JSON and SARIF ignore it
 * @param baseDir the folder that finding paths are relative to; SARIF names it as the
 *     {@code %SRCROOT%} base of every artifact location
 */
public record ReportContext(String toolVersion, boolean color, Path baseDir) {

    /** The tool name reports carry. */
    public static final String TOOL_NAME = "regionlint";

    /** Reported when the build did not filter {@code version.properties} (an IDE run, say). */
    static final String UNKNOWN_VERSION = "0.0.0-dev";

    private static final String VERSION_RESOURCE = "/io/regionlint/version.properties";

    public ReportContext {
        if (toolVersion == null || toolVersion.isBlank()) {
            throw new IllegalArgumentException("toolVersion must not be blank");
        }
        if (baseDir == null) {
            throw new IllegalArgumentException("baseDir must not be null");
        }
    }

    /** A context carrying this build's version. */
    public static ReportContext of(Path baseDir, boolean color) {
        return new ReportContext(currentVersion(), color, baseDir);
    }

    /** This build's version, from the filtered {@code io/regionlint/version.properties}. */
    public static String currentVersion() {
        return Holder.VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ReportContext.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return UNKNOWN_VERSION;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // an unfiltered copy still holds the Maven placeholder
            return version.isEmpty() || version.contains("${") ? UNKNOWN_VERSION : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
        }
    }

    /** Reads the version once, on first use. */
    private static final class Holder {
        static final String VERSION = readVersion();
    }
}
