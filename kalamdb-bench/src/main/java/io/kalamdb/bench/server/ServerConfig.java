package io.kalamdb.bench.server;

import java.nio.file.Path;

/** The {@code server.toml} the benchmark starts the server with: loopback, a free port, quiet file-only logging. */
public final class ServerConfig {

    private ServerConfig() {
    }

    public static String toml(Path dataPath, Path logsPath) {
        return "[server]\n"
                + "host = \"127.0.0.1\"\n"
                + "port = 0\n"
                + "\n"
                + "[storage]\n"
                + "data_path = " + tomlString(dataPath.toAbsolutePath().toString()) + "\n"
                + "\n"
                + "[logging]\n"
                + "logs_path = " + tomlString(logsPath.toAbsolutePath().toString()) + "\n"
                + "log_to_console = false\n"
                + "level = \"warn\"\n";
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String tomlString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
