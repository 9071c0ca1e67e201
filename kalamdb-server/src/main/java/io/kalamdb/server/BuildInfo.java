package io.kalamdb.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and build date, written into the jar by the build. */
public record BuildInfo(String version, String buildDate, String commit) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/kalamdb-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the defaults below describe an unpackaged build
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("build_date", "unknown"),
                p.getProperty("commit", "unknown"));
    }
}
