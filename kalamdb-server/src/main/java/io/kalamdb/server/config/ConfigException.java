package io.kalamdb.server.config;

/**
 * A fatal configuration problem. The message is the single line printed after {@code FATAL: } before the process
 * exits with status 1, e.g. {@code invalid config: [server].port must be an integer in 0..65535}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code invalid config: <key> <detail>}, where the key is already formatted ({@code [server].port}). */
    public static ConfigException invalid(String key, String detail) {
        return new ConfigException("invalid config: " + key + " " + detail);
    }

    /** {@code invalid <VARIABLE> '<value>'}: an environment variable whose value cannot be used. */
    public static ConfigException invalidEnv(String variable, String value) {
        return new ConfigException("invalid " + variable + " '" + value + "'");
    }
}
