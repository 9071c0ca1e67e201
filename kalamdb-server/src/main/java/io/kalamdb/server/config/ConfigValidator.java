package io.kalamdb.server.config;

import io.kalamdb.filestore.PathTemplates;
import io.kalamdb.auth.JwtSecretPolicy;
import io.kalamdb.commons.config.AuthSection;
import io.kalamdb.commons.config.CorsSection;
import io.kalamdb.commons.config.LimitsSection;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.config.ServerSection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The startup checks of spec config.md §1.5 and the JWT secret rule of auth.md §4.
 *
 * <p>Order at startup: {@link ConfigLoader#load}, then {@link #validate(ServerConfig)} (fatal problems throw,
 * warnings are returned), then {@link #applyJwtSecretRule(ServerConfig, List)}, whose result is the configuration to
 * run with.
 */
public final class ConfigValidator {
    public static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");
    public static final List<String> TARGET_LEVELS = List.of("error", "warn", "info", "debug", "trace", "off");
    public static final List<String> LOG_FORMATS = List.of("compact", "pretty", "json");
    public static final int MIN_BCRYPT_COST = 4;
    public static final int MAX_BCRYPT_COST = 14;

    private ConfigValidator() {
    }

    /**
     * Checks the configuration and creates {@code data_path} if it is missing.
     *
     * @return the non-fatal warnings (for instance a CORS allow-list of {@code "*"})
     * @throws ConfigException with the first fatal problem
     */
    public static List<String> validate(ServerConfig config) {
        List<String> warnings = new ArrayList<>();
        List<String> problems = problems(config, warnings);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.get(0));
        }
        return warnings;
    }

    /**
     * Every fatal problem of the configuration, in the order of config.md §1.5; non-fatal findings go to
     * {@code warnings}. Creates {@code data_path} if it is missing and the other checks pass.
     */
    public static List<String> problems(ServerConfig config, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        checkServer(config.server(), problems);
        checkLimits(config.limits(), problems);
        checkLogging(config.logging(), problems);
        checkProxyRanges(config.security().trustedProxyRanges(), problems);
        checkAuth(config.auth(), problems);
        PathTemplates.sharedTemplateProblem(config.storage().sharedTablesTemplate()).ifPresent(problems::add);
        PathTemplates.userTemplateProblem(config.storage().userTablesTemplate()).ifPresent(problems::add);
        String schedule = config.userManagement().cleanupJobSchedule();
        CronSyntax.problem(schedule).ifPresent(reason -> problems.add(invalid("[user_management].cleanup_job_schedule",
                "'" + schedule + "' is not a valid 5-field cron expression: " + reason)));
        checkCors(config.server(), config.security().cors(), problems, warnings);
        if (problems.isEmpty()) {
            checkDataPath(config.storage().dataPath(), problems);
        }
        return problems;
    }

    /**
     * The JWT secret rule (auth.md §4). A usable secret leaves the configuration as it is. An unusable one (unset,
     * shorter than 32 bytes, or a known default) is fatal on a non-loopback host; on a loopback host the returned
     * configuration carries a random per-process secret and a warning is added.
     */
    public static ServerConfig applyJwtSecretRule(ServerConfig config, List<String> warnings) {
        if (JwtSecretPolicy.isUsable(config.auth().jwtSecret())) {
            return config;
        }
        String host = config.server().host();
        if (!config.server().isLoopbackHost()) {
            throw new ConfigException("auth.jwt_secret is missing or too weak (need >= 32 bytes) for non-loopback host "
                    + host);
        }
        warnings.add("auth.jwt_secret is missing or too weak (need >= 32 bytes); using a random secret for this "
                + "process on loopback host " + host + ": tokens issued by this process will not survive a restart");
        return withAuth(config, config.auth().withJwtSecret(JwtSecretPolicy.randomSecret()));
    }

    private static void checkServer(ServerSection server, List<String> problems) {
        if (server.host() == null || server.host().isBlank()) {
            problems.add(invalid("[server].host", "must not be empty"));
        }
        if (server.port() < 0 || server.port() > 65535) {
            problems.add(invalid("[server].port", "must be an integer in 0..65535"));
        }
        if (server.workers() < 0) {
            problems.add(invalid("[server].workers", "must be a non-negative integer"));
        }
        String origin = server.publicOrigin();
        if (origin != null && !origin.isEmpty() && !isHttpOrigin(origin)) {
            problems.add(invalid("[server].public_origin",
                    "must be empty or start with http:// or https:// (got '" + origin + "')"));
        }
    }

    private static boolean isHttpOrigin(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("https://")) {
            rest = origin.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            rest = origin.substring("http://".length());
        } else {
            return false;
        }
        return !rest.isEmpty() && !rest.startsWith("/") && rest.chars().noneMatch(Character::isWhitespace);
    }

    private static void checkLimits(LimitsSection limits, List<String> problems) {
        if (limits.defaultQueryLimit() <= 0) {
            problems.add(invalid("[limits].default_query_limit", "must be a positive integer"));
        }
        if (limits.maxQueryLimit() <= 0) {
            problems.add(invalid("[limits].max_query_limit", "must be a positive integer"));
        }
        if (limits.defaultQueryLimit() > 0 && limits.maxQueryLimit() > 0
                && limits.defaultQueryLimit() > limits.maxQueryLimit()) {
            problems.add(invalid("[limits].default_query_limit", "(" + limits.defaultQueryLimit()
                    + ") must be <= [limits].max_query_limit (" + limits.maxQueryLimit() + ")"));
        }
    }

    private static void checkLogging(LoggingSection logging, List<String> problems) {
        if (!LOG_LEVELS.contains(logging.level())) {
            problems.add(invalid("[logging].level", "must be one of " + String.join("|", LOG_LEVELS)
                    + " (got '" + logging.level() + "')"));
        }
        if (!LOG_FORMATS.contains(logging.format())) {
            problems.add(invalid("[logging].format", "must be one of " + String.join("|", LOG_FORMATS)
                    + " (got '" + logging.format() + "')"));
        }
        if (logging.slowQueryThresholdMs() < 0) {
            problems.add(invalid("[logging].slow_query_threshold_ms", "must be a non-negative integer"));
        }
        for (Map.Entry<String, String> target : logging.targets().entrySet()) {
            String level = target.getValue() == null ? "" : target.getValue().toLowerCase(Locale.ROOT);
            if (target.getKey().isBlank() || !TARGET_LEVELS.contains(level)) {
                problems.add(invalid("[logging].targets", "entry '" + target.getKey() + "' = '" + target.getValue()
                        + "' must name a logger and one of " + String.join("|", TARGET_LEVELS)));
            }
        }
    }

    private static void checkProxyRanges(List<String> ranges, List<String> problems) {
        for (String range : ranges) {
            if (!IpRangeSyntax.isIpOrCidr(range)) {
                problems.add(invalid("[security].trusted_proxy_ranges",
                        "entry '" + range + "' is not an IP address or CIDR range"));
            }
        }
    }

    private static void checkAuth(AuthSection auth, List<String> problems) {
        if (auth.bcryptCost() < MIN_BCRYPT_COST || auth.bcryptCost() > MAX_BCRYPT_COST) {
            problems.add(invalid("[auth].bcrypt_cost", "must be an integer in " + MIN_BCRYPT_COST + ".."
                    + MAX_BCRYPT_COST));
        }
        if (auth.jwtExpiryHours() <= 0) {
            problems.add(invalid("[auth].jwt_expiry_hours", "must be a positive integer"));
        }
    }

    private static void checkCors(ServerSection server, CorsSection cors, List<String> problems,
                                  List<String> warnings) {
        if (cors.allowedOrigins().isEmpty() && !server.isLoopbackHost()) {
            problems.add(invalid("[security.cors].allowed_origins", "is empty on non-loopback host "
                    + server.host() + "; list the allowed origins, or [\"*\"] to allow any origin"));
        } else if (cors.allowedOrigins().contains("*")) {
            warnings.add("[security.cors].allowed_origins contains \"*\": browsers on any origin may call this server");
        }
    }

    private static void checkDataPath(String dataPath, List<String> problems) {
        Path directory;
        try {
            directory = Path.of(dataPath).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(invalid("[storage].data_path", "'" + dataPath + "' is not a valid path: " + e.getReason()));
            return;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            problems.add(invalid("[storage].data_path", "'" + directory + "' cannot be created: "
                    + IoMessages.describe(e)));
            return;
        }
        try {
            Path probe = Files.createTempFile(directory, ".kalamdb-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            problems.add(invalid("[storage].data_path", "'" + directory + "' is not writable: "
                    + IoMessages.describe(e)));
        }
    }

    private static String invalid(String key, String detail) {
        return ConfigException.invalid(key, detail).getMessage();
    }

    private static ServerConfig withAuth(ServerConfig c, AuthSection auth) {
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(), c.limits(),
                c.logging(), auth, c.userManagement(), c.websocket(), c.rateLimit(), c.jobs(), c.security(),
                c.performance(), c.shutdown(), c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }
}
