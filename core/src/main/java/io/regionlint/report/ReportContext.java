package io.regionlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a report needs besides the result.
 *
 * @param toolVersion regionlint's version, as {@code --version} prints it
 * @param color whether text output may use ANSI colours (the CLI decides: a terminal, no
 *     {@code --no-color}); JSON and SARIF ignore it
 * @param baseDir the folder that finding paths are relative to; SARIF names it as the
 *     {@code %SRCROOT%} base of every artifact location
 * @param linkBase where the Markdown report's file links point: a URL that a finding's path is
 *     appended to (say {@code https://github.com/o/r/blob/SHA/}); empty for links relative to the
 *     report
 */
public record ReportContext(String toolVersion, boolean color, Path baseDir, Optional<String> linkBase) {

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
        linkBase = linkBase.map(b -> b.endsWith("/") ? b : b + "/");
    }

    /** A context whose Markdown links are relative. */
    public ReportContext(String toolVersion, boolean color, Path baseDir) {
        this(toolVersion, color, baseDir, Optional.empty());
    }

    /**
     * The link base of a GitHub Actions job: the repository's files at the commit being built,
     * from {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY} and {@code GITHUB_SHA}; empty
     * outside Actions. Paths in reports are relative to the working folder, which in a job is the
     * checkout.
     */
    public static Optional<String> githubLinkBase(java.util.Map<String, String> environment) {
        String server = environment.getOrDefault("GITHUB_SERVER_URL", "");
        String repository = environment.getOrDefault("GITHUB_REPOSITORY", "");
        String sha = environment.getOrDefault("GITHUB_SHA", "");
        if (server.isBlank() || repository.isBlank() || sha.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(server.replaceAll("/+$", "") + "/" + repository + "/blob/" + sha + "/");
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
