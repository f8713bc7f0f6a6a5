package io.regionlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** TEMPORARY STUB in the cli branch until the real report package lands on main; delete on merge. */
public record ReportContext(String toolVersion, boolean color, Path baseDir) {

    public static String currentVersion() {
        try (InputStream in = ReportContext.class.getResourceAsStream("/io/regionlint/version.properties")) {
            if (in == null) {
                return "0.0.0-dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0-dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
