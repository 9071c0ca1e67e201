package io.kalamdb.server.config;

import io.kalamdb.filestore.PathTemplates;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kalamdb.commons.config.AuthSection;
import io.kalamdb.commons.config.CorsSection;
import io.kalamdb.commons.config.FlushSection;
import io.kalamdb.commons.config.JobsSection;
import io.kalamdb.commons.config.LimitsSection;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.commons.config.PerformanceSection;
import io.kalamdb.commons.config.RateLimitSection;
import io.kalamdb.commons.config.RetentionSection;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.config.SecuritySection;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.config.ServerSection;
import io.kalamdb.commons.config.ShutdownSection;
import io.kalamdb.commons.config.StorageSection;
import io.kalamdb.commons.config.StreamSection;
import io.kalamdb.commons.config.UserManagementSection;
import io.kalamdb.commons.config.WebSocketSection;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads the server configuration (spec config.md §1–§3): the file given on the command line, else
 * {@code ./server.toml} if it exists, else the built-in defaults; then the {@code KALAMDB_*} environment overrides.
 * Wrong types and unparsable environment values throw {@link ConfigException}; unknown keys, a missing explicit file
 * and later-phase sections only produce warnings, returned in {@link LoadedConfig#warnings()} so that the caller can
 * log them once logging is configured. {@code data_path} and {@code logs_path} come back absolute and normalized.
 * Semantic checks are {@link ConfigValidator}'s.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE_NAME = "server.toml";
    /** Sections of later-phase features: accepted and ignored with one warning. */
    public static final List<String> LATER_SECTIONS = List.of("files", "topics", "oauth", "cluster");

    private static final long MAX = Long.MAX_VALUE;
    private static final int MAX_INT = Integer.MAX_VALUE;
    private static final TomlMapper TOML = new TomlMapper();

    private ConfigLoader() {
    }

    /** Loads with the process environment and working directory; {@code explicitPath} may be null. */
    public static LoadedConfig load(Path explicitPath) {
        return load(explicitPath, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Loads the configuration.
     *
     * @param explicitPath the path given on the command line, or null; a relative path resolves against
     *                     {@code workingDir}
     * @param env          the environment ({@code System.getenv()} in production)
     * @param workingDir   the directory that relative paths resolve against
     */
    public static LoadedConfig load(Path explicitPath, Map<String, String> env, Path workingDir) {
        List<String> warnings = new ArrayList<>();
        Path directory = workingDir.toAbsolutePath().normalize();
        Optional<Path> source = locate(explicitPath, directory, warnings);
        ObjectNode document = source.map(ConfigLoader::parse).orElseGet(JsonNodeFactory.instance::objectNode);
        ServerConfig config = read(document, env, directory, warnings);
        return new LoadedConfig(config, source, warnings);
    }

    private static Optional<Path> locate(Path explicitPath, Path workingDir, List<String> warnings) {
        if (explicitPath != null) {
            Path file = workingDir.resolve(explicitPath).normalize();
            if (Files.exists(file)) {
                return Optional.of(file);
            }
            warnings.add("config file '" + explicitPath + "' not found; using defaults");
            return Optional.empty();
        }
        Path file = workingDir.resolve(DEFAULT_FILE_NAME);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static ObjectNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException("invalid config: cannot read '" + file + "': the file is not valid UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException("invalid config: cannot read '" + file + "': " + IoMessages.describe(e), e);
        }
        JsonNode document;
        try {
            document = TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid config: cannot parse '" + file + "': " + describe(e), e);
        }
        if (document == null || document.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!document.isObject()) {
            throw new ConfigException("invalid config: cannot parse '" + file + "': not a TOML document");
        }
        return (ObjectNode) document;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage();
        if (location == null || location.getLineNr() < 1) {
            return message;
        }
        return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ServerConfig read(ObjectNode document, Map<String, String> env, Path workingDir,
                                     List<String> warnings) {
        SectionReader root = SectionReader.root(document, env, warnings);
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(
                server(root.child("server")),
                storage(root.child("storage"), workingDir),
                flush(root.child("flush")),
                retention(root.child("retention")),
                stream(root.child("stream")),
                limits(root.child("limits")),
                logging(root.child("logging"), workingDir),
                auth(root.child("auth", "authentication")),
                userManagement(root.child("user_management")),
                websocket(root.child("websocket")),
                rateLimit(root.child("rate_limit")),
                jobs(root.child("jobs")),
                security(root.child("security")),
                performance(root.child("performance")),
                shutdown(root.child("shutdown")),
                root.number("transaction_timeout_secs", defaults.transactionTimeoutSecs(), 0, MAX),
                root.number("max_transaction_buffer_bytes", defaults.maxTransactionBufferBytes(), 0, MAX));
        List<String> later = LATER_SECTIONS.stream().filter(root::has).collect(Collectors.toList());
        if (!later.isEmpty()) {
            warnings.add("config " + (later.size() == 1 ? "section " : "sections ")
                    + later.stream().map(name -> "[" + name + "]").collect(Collectors.joining(", "))
                    + (later.size() == 1 ? " belongs" : " belong") + " to a later-phase feature and "
                    + (later.size() == 1 ? "is" : "are") + " ignored");
        }
        SectionReader.envNumber(env, "KALAMDB_TOPIC_VISIBILITY_TIMEOUT_SECS", 0, MAX);
        root.reportUnknown();
        return config;
    }

    private static ServerSection server(SectionReader r) {
        ServerSection d = ServerSection.defaults();
        ServerSection section = new ServerSection(
                r.string("host", d.host(), "KALAMDB_SERVER_HOST").trim(),
                r.integer("port", d.port(), 0, 65535, "KALAMDB_SERVER_PORT"),
                emptyToNull(r.string("public_origin", d.publicOrigin(), "KALAMDB_SERVER_PUBLIC_ORIGIN")),
                r.integer("workers", d.workers(), 0, MAX_INT));
        r.reportUnknown();
        return section;
    }

    private static StorageSection storage(SectionReader r, Path workingDir) {
        StorageSection d = StorageSection.defaults();
        StorageSection section = new StorageSection(
                resolve(workingDir, "[storage].data_path", r.string("data_path", d.dataPath(),
                        "KALAMDB_DATA_PATH", "KALAMDB_STORAGE_DATA_PATH", "KALAMDB_DATA_DIR")),
                PathTemplates.normalize(r.string("shared_tables_template", d.sharedTablesTemplate())),
                PathTemplates.normalize(r.string("user_tables_template", d.userTablesTemplate())),
                rocksdb(r.child("rocksdb")));
        r.reportUnknown();
        return section;
    }

    private static RocksDbSection rocksdb(SectionReader r) {
        RocksDbSection d = RocksDbSection.defaults();
        RocksDbSection section = new RocksDbSection(
                r.number("block_cache_size", d.blockCacheSize(), 0, MAX),
                r.integer("max_background_jobs", d.maxBackgroundJobs(), 1, MAX_INT),
                r.integer("max_open_files", d.maxOpenFiles(), -1, MAX_INT),
                r.bool("sync_writes", d.syncWrites()),
                r.bool("compact_on_startup", d.compactOnStartup()));
        r.reportUnknown();
        return section;
    }

    private static FlushSection flush(SectionReader r) {
        FlushSection d = FlushSection.defaults();
        FlushSection section = new FlushSection(
                r.number("default_row_limit", d.defaultRowLimit(), 1, MAX),
                r.number("default_time_interval", d.defaultTimeInterval(), 1, MAX),
                r.number("flush_batch_size", d.flushBatchSize(), 1, MAX),
                r.number("check_interval_seconds", d.checkIntervalSeconds(), 0, MAX));
        r.reportUnknown();
        return section;
    }

    private static RetentionSection retention(SectionReader r) {
        RetentionSection d = RetentionSection.defaults();
        RetentionSection section = new RetentionSection(
                r.number("default_deleted_retention_hours", d.defaultDeletedRetentionHours(), 0, MAX),
                r.number("check_interval_seconds", d.checkIntervalSeconds(), 0, MAX));
        r.reportUnknown();
        return section;
    }

    private static StreamSection stream(SectionReader r) {
        StreamSection section = new StreamSection(
                r.number("eviction_interval_seconds", StreamSection.defaults().evictionIntervalSeconds(), 0, MAX));
        r.reportUnknown();
        return section;
    }

    private static LimitsSection limits(SectionReader r) {
        LimitsSection d = LimitsSection.defaults();
        LimitsSection section = new LimitsSection(
                r.integer("default_query_limit", d.defaultQueryLimit(), 1, MAX_INT),
                r.integer("max_query_limit", d.maxQueryLimit(), 1, MAX_INT));
        r.reportUnknown();
        return section;
    }

    private static LoggingSection logging(SectionReader r, Path workingDir) {
        LoggingSection d = LoggingSection.defaults();
        LoggingSection section = new LoggingSection(
                r.choice("level", d.level(), ConfigValidator.LOG_LEVELS, "KALAMDB_LOG_LEVEL"),
                resolve(workingDir, "[logging].logs_path",
                        r.string("logs_path", d.logsPath(), "KALAMDB_LOGS_PATH", "KALAMDB_LOGS_DIR")),
                r.bool("log_to_console", d.logToConsole(), "KALAMDB_LOG_TO_CONSOLE"),
                r.choice("format", d.format(), ConfigValidator.LOG_FORMATS),
                r.number("slow_query_threshold_ms", d.slowQueryThresholdMs(), 0, MAX),
                r.stringMap("targets", d.targets()));
        r.reportUnknown();
        return section;
    }

    private static AuthSection auth(SectionReader r) {
        AuthSection d = AuthSection.defaults();
        AuthSection section = new AuthSection(
                emptyToNull(r.string("root_password", d.rootPassword(), "KALAMDB_ROOT_PASSWORD")),
                r.string("jwt_secret", d.jwtSecret(), "KALAMDB_JWT_SECRET"),
                r.number("jwt_expiry_hours", d.jwtExpiryHours(), 1, MAX, "KALAMDB_JWT_EXPIRY_HOURS"),
                r.bool("cookie_secure", d.cookieSecure(), "KALAMDB_COOKIE_SECURE"),
                r.integer("bcrypt_cost", d.bcryptCost(), ConfigValidator.MIN_BCRYPT_COST,
                        ConfigValidator.MAX_BCRYPT_COST),
                r.bool("enforce_password_complexity", d.enforcePasswordComplexity()),
                r.bool("allow_remote_setup", d.allowRemoteSetup(), "KALAMDB_ALLOW_REMOTE_SETUP"),
                r.number("basic_auth_cache_ttl_seconds", d.basicAuthCacheTtlSeconds(), 0, MAX),
                r.number("basic_auth_cache_max_entries", d.basicAuthCacheMaxEntries(), 0, MAX),
                r.string("jwt_trusted_issuers", d.jwtTrustedIssuers()));
        r.reportUnknown();
        return section;
    }

    private static UserManagementSection userManagement(SectionReader r) {
        UserManagementSection d = UserManagementSection.defaults();
        UserManagementSection section = new UserManagementSection(
                r.number("deletion_grace_period_days", d.deletionGracePeriodDays(), 0, MAX),
                r.string("cleanup_job_schedule", d.cleanupJobSchedule()).trim());
        r.reportUnknown();
        return section;
    }

    private static WebSocketSection websocket(SectionReader r) {
        WebSocketSection d = WebSocketSection.defaults();
        WebSocketSection section = new WebSocketSection(
                r.number("client_timeout_secs", d.clientTimeoutSecs(), 1, MAX, "KALAMDB_WEBSOCKET_CLIENT_TIMEOUT_SECS"),
                r.number("auth_timeout_secs", d.authTimeoutSecs(), 1, MAX, "KALAMDB_WEBSOCKET_AUTH_TIMEOUT_SECS"),
                r.number("heartbeat_interval_secs", d.heartbeatIntervalSecs(), 1, MAX,
                        "KALAMDB_WEBSOCKET_HEARTBEAT_INTERVAL_SECS"),
                r.integer("subscription_queue_capacity", d.subscriptionQueueCapacity(), 1, MAX_INT),
                r.integer("max_subscriptions_per_connection", d.maxSubscriptionsPerConnection(), 1, MAX_INT));
        r.reportUnknown();
        return section;
    }

    private static RateLimitSection rateLimit(SectionReader r) {
        RateLimitSection d = RateLimitSection.defaults();
        RateLimitSection section = new RateLimitSection(
                r.integer("max_queries_per_sec", d.maxQueriesPerSec(), 1, MAX_INT),
                r.integer("max_messages_per_sec", d.maxMessagesPerSec(), 1, MAX_INT),
                r.integer("max_subscriptions_per_user", d.maxSubscriptionsPerUser(), 1, MAX_INT),
                r.integer("max_auth_requests_per_ip_per_sec", d.maxAuthRequestsPerIpPerSec(), 1, MAX_INT,
                        "KALAMDB_RATE_LIMIT_AUTH_REQUESTS_PER_IP_PER_SEC"),
                r.integer("max_requests_per_ip_per_sec", d.maxRequestsPerIpPerSec(), 1, MAX_INT),
                r.number("request_body_limit_bytes", d.requestBodyLimitBytes(), 1, MAX),
                r.number("ban_duration_seconds", d.banDurationSeconds(), 0, MAX),
                r.bool("enable_connection_protection", d.enableConnectionProtection()),
                r.number("cache_max_entries", d.cacheMaxEntries(), 1, MAX),
                r.number("cache_ttl_seconds", d.cacheTtlSeconds(), 1, MAX));
        r.reportUnknown();
        return section;
    }

    private static JobsSection jobs(SectionReader r) {
        JobsSection d = JobsSection.defaults();
        JobsSection section = new JobsSection(
                r.integer("max_concurrent", d.maxConcurrent(), 1, MAX_INT),
                r.integer("max_retries", d.maxRetries(), 0, MAX_INT),
                r.number("retry_backoff_ms", d.retryBackoffMs(), 0, MAX),
                r.number("job_retention_days", d.jobRetentionDays(), 0, MAX));
        r.reportUnknown();
        return section;
    }

    private static SecuritySection security(SectionReader r) {
        SecuritySection d = SecuritySection.defaults();
        SecuritySection section = new SecuritySection(
                r.number("max_ws_message_size", d.maxWsMessageSize(), 1, MAX),
                r.bool("strict_ws_origin_check", d.strictWsOriginCheck()),
                r.stringList("trusted_proxy_ranges", d.trustedProxyRanges(),
                        "KALAMDB_SECURITY_TRUSTED_PROXY_RANGES", "KALAMDB_TRUSTED_PROXY_RANGES"),
                cors(r.child("cors")));
        r.reportUnknown();
        return section;
    }

    private static CorsSection cors(SectionReader r) {
        CorsSection d = CorsSection.defaults();
        CorsSection section = new CorsSection(
                r.stringList("allowed_origins", d.allowedOrigins(), "KALAMDB_SECURITY_CORS_ALLOWED_ORIGINS"),
                r.stringList("allowed_methods", d.allowedMethods()),
                r.stringList("allowed_headers", d.allowedHeaders()),
                r.stringList("expose_headers", d.exposeHeaders()),
                r.number("max_age", d.maxAge(), 0, MAX),
                r.bool("allow_credentials", d.allowCredentials()));
        r.reportUnknown();
        return section;
    }

    private static PerformanceSection performance(SectionReader r) {
        PerformanceSection section = new PerformanceSection(
                r.integer("max_connections", PerformanceSection.defaults().maxConnections(), 1, MAX_INT));
        r.reportUnknown();
        return section;
    }

    private static ShutdownSection shutdown(SectionReader r) {
        SectionReader flush = r.child("flush");
        ShutdownSection section = new ShutdownSection(
                flush.number("timeout", ShutdownSection.defaults().flushTimeoutSeconds(), 0, MAX));
        flush.reportUnknown();
        r.reportUnknown();
        return section;
    }

    /** Resolves a configured directory against the working directory: absolute and normalized. */
    private static String resolve(Path workingDir, String key, String value) {
        if (value.isBlank()) {
            throw ConfigException.invalid(key, "must not be empty");
        }
        try {
            return workingDir.resolve(value.trim()).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(key, "is not a valid path: " + e.getReason());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
