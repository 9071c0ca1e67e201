package io.kalamdb.server.config;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private LoadedConfig loadFile(String toml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("server.toml"), toml);
        return ConfigLoader.load(null, env, dir);
    }

    private String fileError(String toml) throws IOException {
        Files.writeString(dir.resolve("server.toml"), toml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(), dir)).getMessage();
    }

    private String envError(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(null, env, dir)).getMessage();
    }

    @Test
    void defaultsApplyWithoutAFile() {
        LoadedConfig loaded = ConfigLoader.load(null, Map.of(), dir);
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = loaded.config();

        assertEquals(Optional.empty(), loaded.source());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(defaults.server(), config.server());
        assertEquals(new StorageSection(dir.resolve("data").toString(), "{namespace}/{tableName}",
                "{namespace}/{tableName}/{userId}", RocksDbSection.defaults()), config.storage());
        assertEquals(new LoggingSection("info", dir.resolve("logs").toString(), true, "compact", 1200, Map.of()),
                config.logging());
        assertEquals(defaults.flush(), config.flush());
        assertEquals(defaults.retention(), config.retention());
        assertEquals(defaults.stream(), config.stream());
        assertEquals(defaults.limits(), config.limits());
        assertEquals(defaults.auth(), config.auth());
        assertEquals(defaults.userManagement(), config.userManagement());
        assertEquals(defaults.websocket(), config.websocket());
        assertEquals(defaults.rateLimit(), config.rateLimit());
        assertEquals(defaults.jobs(), config.jobs());
        assertEquals(defaults.security(), config.security());
        assertEquals(defaults.performance(), config.performance());
        assertEquals(defaults.shutdown(), config.shutdown());
        assertEquals(300, config.transactionTimeoutSecs());
        assertEquals(104_857_600L, config.maxTransactionBufferBytes());
    }

    @Test
    void serverTomlInTheWorkingDirectoryIsUsedWhenNoPathIsGiven() throws IOException {
        LoadedConfig loaded = loadFile("[server]\nport = 9000\n", Map.of());

        assertEquals(Optional.of(dir.resolve("server.toml")), loaded.source());
        assertEquals(9000, loaded.config().server().port());
    }

    @Test
    void explicitMissingFileWarnsAndUsesDefaults() throws IOException {
        Files.writeString(dir.resolve("server.toml"), "[server]\nport = 9000\n");

        LoadedConfig loaded = ConfigLoader.load(Path.of("missing.toml"), Map.of(), dir);

        assertEquals(Optional.empty(), loaded.source());
        assertEquals(List.of("config file 'missing.toml' not found; using defaults"), loaded.warnings());
        assertEquals(8080, loaded.config().server().port());
    }

    @Test
    void explicitRelativePathResolvesAgainstTheWorkingDirectory() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/kalam.toml"), "[server]\nport = 9001\n");

        LoadedConfig loaded = ConfigLoader.load(Path.of("conf/kalam.toml"), Map.of(), dir);

        assertEquals(Optional.of(dir.resolve("conf/kalam.toml")), loaded.source());
        assertEquals(9001, loaded.config().server().port());
    }

    @Test
    void everyKeyIsReadFromTheFile() throws IOException {
        String toml = """
                transaction_timeout_secs = 120
                max_transaction_buffer_bytes = 2048

                [server]
                host = "0.0.0.0"
                port = 9090
                public_origin = "https://db.example.com"
                workers = 4

                [storage]
                data_path = "/srv/kalamdb/data"
                shared_tables_template = "shared/{namespace}/{tableName}"
                user_tables_template = "{namespace}/{tableName}/u/{userId}"

                [storage.rocksdb]
                block_cache_size = 16777216
                max_background_jobs = 2
                max_open_files = -1
                sync_writes = true
                compact_on_startup = true

                [flush]
                default_row_limit = 500
                default_time_interval = 30
                flush_batch_size = 200
                check_interval_seconds = 0

                [retention]
                default_deleted_retention_hours = 24
                check_interval_seconds = 60

                [stream]
                eviction_interval_seconds = 5

                [limits]
                default_query_limit = 10
                max_query_limit = 100

                [logging]
                level = "DEBUG"
                logs_path = "/var/log/kalamdb"
                log_to_console = false
                format = "json"
                slow_query_threshold_ms = 500
                targets = { "kalamdb.flush" = "trace", "io.netty" = "info" }

                [auth]
                root_password = "kalamdb123"
                jwt_secret = "0123456789abcdef0123456789abcdef"
                jwt_expiry_hours = 2
                cookie_secure = false
                bcrypt_cost = 4
                enforce_password_complexity = true
                allow_remote_setup = true
                basic_auth_cache_ttl_seconds = 5
                basic_auth_cache_max_entries = 7
                jwt_trusted_issuers = "https://accounts.google.com"

                [user_management]
                deletion_grace_period_days = 0
                cleanup_job_schedule = "30 3 * * 1"

                [websocket]
                client_timeout_secs = 20
                auth_timeout_secs = 4
                heartbeat_interval_secs = 6
                subscription_queue_capacity = 64
                max_subscriptions_per_connection = 9

                [rate_limit]
                max_queries_per_sec = 1
                max_messages_per_sec = 2
                max_subscriptions_per_user = 3
                max_auth_requests_per_ip_per_sec = 4
                max_requests_per_ip_per_sec = 5
                request_body_limit_bytes = 6
                ban_duration_seconds = 7
                enable_connection_protection = false
                cache_max_entries = 8
                cache_ttl_seconds = 9

                [jobs]
                max_concurrent = 2
                max_retries = 0
                retry_backoff_ms = 50
                job_retention_days = 1

                [security]
                max_ws_message_size = 4096
                strict_ws_origin_check = true
                trusted_proxy_ranges = ["10.0.0.0/8", "::1"]

                [security.cors]
                allowed_origins = ["https://app.example.com"]
                allowed_methods = ["GET"]
                allowed_headers = ["*"]
                expose_headers = ["X-Request-Id"]
                max_age = 60
                allow_credentials = true

                [performance]
                max_connections = 100

                [shutdown.flush]
                timeout = 15
                """;
        LoadedConfig loaded = loadFile(toml, Map.of());
        ServerConfig c = loaded.config();

        assertEquals(List.of(), loaded.warnings());
        assertEquals(new ServerSection("0.0.0.0", 9090, "https://db.example.com", 4), c.server());
        assertEquals(new StorageSection("/srv/kalamdb/data", "shared/{namespace}/{tableName}",
                "{namespace}/{tableName}/u/{userId}", new RocksDbSection(16_777_216, 2, -1, true, true)), c.storage());
        assertEquals(new FlushSection(500, 30, 200, 0), c.flush());
        assertEquals(new RetentionSection(24, 60), c.retention());
        assertEquals(new StreamSection(5), c.stream());
        assertEquals(new LimitsSection(10, 100), c.limits());
        assertEquals(new LoggingSection("debug", "/var/log/kalamdb", false, "json", 500,
                Map.of("kalamdb.flush", "trace", "io.netty", "info")), c.logging());
        assertEquals(new AuthSection("kalamdb123", "0123456789abcdef0123456789abcdef", 2, false, 4, true, true, 5, 7,
                "https://accounts.google.com"), c.auth());
        assertEquals(new UserManagementSection(0, "30 3 * * 1"), c.userManagement());
        assertEquals(new WebSocketSection(20, 4, 6, 64, 9), c.websocket());
        assertEquals(new RateLimitSection(1, 2, 3, 4, 5, 6, 7, false, 8, 9), c.rateLimit());
        assertEquals(new JobsSection(2, 0, 50, 1), c.jobs());
        assertEquals(new SecuritySection(4096, true, List.of("10.0.0.0/8", "::1"),
                new CorsSection(List.of("https://app.example.com"), List.of("GET"), List.of("*"),
                        List.of("X-Request-Id"), 60, true)), c.security());
        assertEquals(new PerformanceSection(100), c.performance());
        assertEquals(new ShutdownSection(15), c.shutdown());
        assertEquals(120, c.transactionTimeoutSecs());
        assertEquals(2048, c.maxTransactionBufferBytes());
    }

    @Test
    void environmentBeatsFileAndFileBeatsDefault() throws IOException {
        String toml = """
                [server]
                host = "127.0.0.1"
                port = 9000
                workers = 3
                [auth]
                jwt_expiry_hours = 5
                cookie_secure = true
                """;
        Map<String, String> env = new HashMap<>();
        env.put("KALAMDB_SERVER_HOST", "0.0.0.0");
        env.put("KALAMDB_SERVER_PORT", " 9100 ");
        env.put("KALAMDB_SERVER_PUBLIC_ORIGIN", "https://kalam.example.com");
        env.put("KALAMDB_JWT_SECRET", "an-environment-secret-of-at-least-32-bytes");
        env.put("KALAMDB_JWT_EXPIRY_HOURS", "48");
        env.put("KALAMDB_COOKIE_SECURE", "No");
        env.put("KALAMDB_ALLOW_REMOTE_SETUP", "YES");
        env.put("KALAMDB_LOG_LEVEL", "Warn");
        env.put("KALAMDB_LOG_TO_CONSOLE", "0");
        env.put("KALAMDB_SECURITY_CORS_ALLOWED_ORIGINS", " https://a.example.com , https://b.example.com ,");
        env.put("KALAMDB_RATE_LIMIT_AUTH_REQUESTS_PER_IP_PER_SEC", "7");
        env.put("KALAMDB_WEBSOCKET_CLIENT_TIMEOUT_SECS", "30");
        env.put("KALAMDB_WEBSOCKET_AUTH_TIMEOUT_SECS", "8");
        env.put("KALAMDB_WEBSOCKET_HEARTBEAT_INTERVAL_SECS", "9");
        env.put("KALAMDB_TOPIC_VISIBILITY_TIMEOUT_SECS", "60");

        ServerConfig c = loadFile(toml, env).config();

        assertEquals(new ServerSection("0.0.0.0", 9100, "https://kalam.example.com", 3), c.server());
        assertEquals("an-environment-secret-of-at-least-32-bytes", c.auth().jwtSecret());
        assertEquals(48, c.auth().jwtExpiryHours());
        assertEquals(false, c.auth().cookieSecure());
        assertEquals(true, c.auth().allowRemoteSetup());
        assertEquals("warn", c.logging().level());
        assertEquals(false, c.logging().logToConsole());
        assertEquals(List.of("https://a.example.com", "https://b.example.com"),
                c.security().cors().allowedOrigins());
        assertEquals(7, c.rateLimit().maxAuthRequestsPerIpPerSec());
        assertEquals(new WebSocketSection(30, 8, 9, 1024, 100), c.websocket());
    }

    @Test
    void environmentPathVariablesAndAliases() {
        Map<String, String> primary = Map.of("KALAMDB_DATA_PATH", "primary", "KALAMDB_STORAGE_DATA_PATH", "second",
                "KALAMDB_DATA_DIR", "third", "KALAMDB_LOGS_PATH", "/abs/logs", "KALAMDB_LOGS_DIR", "other");
        ServerConfig c = ConfigLoader.load(null, primary, dir).config();
        assertEquals(dir.resolve("primary").toString(), c.storage().dataPath());
        assertEquals("/abs/logs", c.logging().logsPath());

        ServerConfig aliases = ConfigLoader.load(null, Map.of("KALAMDB_DATA_DIR", "third",
                "KALAMDB_LOGS_DIR", "lg", "KALAMDB_TRUSTED_PROXY_RANGES", "10.0.0.1, 10.1.0.0/16"), dir).config();
        assertEquals(dir.resolve("third").toString(), aliases.storage().dataPath());
        assertEquals(dir.resolve("lg").toString(), aliases.logging().logsPath());
        assertEquals(List.of("10.0.0.1", "10.1.0.0/16"), aliases.security().trustedProxyRanges());

        ServerConfig storageAlias = ConfigLoader.load(null, Map.of("KALAMDB_STORAGE_DATA_PATH", "second",
                "KALAMDB_SECURITY_TRUSTED_PROXY_RANGES", "::1", "KALAMDB_TRUSTED_PROXY_RANGES", "10.0.0.1"), dir)
                .config();
        assertEquals(dir.resolve("second").toString(), storageAlias.storage().dataPath());
        assertEquals(List.of("::1"), storageAlias.security().trustedProxyRanges());
    }

    @Test
    void rootPasswordFromTheEnvironmentOnlyWhenNonEmpty() throws IOException {
        String toml = "[auth]\nroot_password = \"from-file\"\n";
        assertEquals("from-file", loadFile(toml, Map.of("KALAMDB_ROOT_PASSWORD", "")).config().auth().rootPassword());
        assertEquals("from-env", loadFile(toml, Map.of("KALAMDB_ROOT_PASSWORD", "from-env")).config().auth()
                .rootPassword());
        assertNull(ConfigLoader.load(null, Map.of(), dir.resolve("elsewhere")).config().auth().rootPassword());
    }

    @Test
    void authenticationIsAnAliasOfAuth() throws IOException {
        LoadedConfig alias = loadFile("[authentication]\nbcrypt_cost = 10\njwt_expiry_hours = 3\n", Map.of());
        assertEquals(10, alias.config().auth().bcryptCost());
        assertEquals(3, alias.config().auth().jwtExpiryHours());
        assertEquals(List.of(), alias.warnings());

        LoadedConfig both = loadFile("[auth]\nbcrypt_cost = 11\n[authentication]\nbcrypt_cost = 10\n"
                + "cookie_secure = false\nnope = 1\n", Map.of());
        assertEquals(11, both.config().auth().bcryptCost());
        assertEquals(false, both.config().auth().cookieSecure());
        assertEquals(List.of("config key 'authentication.bcrypt_cost' is also set as 'auth.bcrypt_cost'; using "
                + "'auth.bcrypt_cost'", "unknown config key 'authentication.nope'"), both.warnings());
    }

    @Test
    void unknownKeysAndSectionsWarn() throws IOException {
        String toml = """
                stray = 1
                [server]
                port = 8081
                colour = "blue"
                [storage.rocksdb]
                cache = 1
                [security.cors]
                origins = ["x"]
                [shutdown]
                grace = 1
                [shutdown.flush]
                timeout = 1
                wait = 2
                [mystery]
                key = "value"
                """;
        LoadedConfig loaded = loadFile(toml, Map.of());

        assertEquals(8081, loaded.config().server().port());
        assertEquals(List.of(
                "unknown config key 'server.colour'",
                "unknown config key 'storage.rocksdb.cache'",
                "unknown config key 'security.cors.origins'",
                "unknown config key 'shutdown.flush.wait'",
                "unknown config key 'shutdown.grace'",
                "unknown config key 'stray'",
                "unknown config key 'mystery.key'"), loaded.warnings());
    }

    @Test
    void laterPhaseSectionsAreIgnoredWithOneWarning() throws IOException {
        String toml = """
                [files]
                max_size_bytes = 1
                [topics]
                visibility_timeout_secs = 60
                [cluster]
                node_id = 1
                """;
        assertEquals(List.of("config sections [files], [topics], [cluster] belong to a later-phase feature and are "
                + "ignored"), loadFile(toml, Map.of()).warnings());
        assertEquals(List.of("config section [oauth] belongs to a later-phase feature and is ignored"),
                loadFile("[oauth]\nenabled = true\n", Map.of()).warnings());
    }

    @Test
    void wrongTypesAndValuesInTheFileAreFatalAndNameTheKey() throws IOException {
        assertEquals("invalid config: [server].port must be an integer in 0..65535",
                fileError("[server]\nport = \"abc\"\n"));
        assertEquals("invalid config: [server].port must be an integer in 0..65535",
                fileError("[server]\nport = 65536\n"));
        assertEquals("invalid config: [server].port must be an integer in 0..65535",
                fileError("[server]\nport = 80.5\n"));
        assertEquals("invalid config: [server].host must be a string", fileError("[server]\nhost = 1\n"));
        assertEquals("invalid config: [server].workers must be a non-negative integer",
                fileError("[server]\nworkers = -1\n"));
        assertEquals("invalid config: [server].workers must be an integer in 0..2147483647",
                fileError("[server]\nworkers = 3000000000\n"));
        assertEquals("invalid config: [auth].cookie_secure must be a boolean (true or false)",
                fileError("[auth]\ncookie_secure = \"yes\"\n"));
        assertEquals("invalid config: [authentication].bcrypt_cost must be an integer in 4..14",
                fileError("[authentication]\nbcrypt_cost = 20\n"));
        assertEquals("invalid config: [security.cors].allowed_origins must be a list of strings",
                fileError("[security.cors]\nallowed_origins = \"*\"\n"));
        assertEquals("invalid config: [security].trusted_proxy_ranges must be a list of strings",
                fileError("[security]\ntrusted_proxy_ranges = [1, 2]\n"));
        assertEquals("invalid config: [logging].level must be one of error|warn|info|debug|trace",
                fileError("[logging]\nlevel = \"verbose\"\n"));
        assertEquals("invalid config: [logging].format must be one of compact|pretty|json",
                fileError("[logging]\nformat = \"xml\"\n"));
        assertEquals("invalid config: [logging].targets must be a table of strings",
                fileError("[logging]\ntargets = { \"kalamdb\" = 1 }\n"));
        assertEquals("invalid config: [limits].max_query_limit must be a positive integer",
                fileError("[limits]\nmax_query_limit = 0\n"));
        assertEquals("invalid config: [storage.rocksdb].sync_writes must be a boolean (true or false)",
                fileError("[storage.rocksdb]\nsync_writes = 1\n"));
        assertEquals("invalid config: [shutdown.flush].timeout must be a non-negative integer",
                fileError("[shutdown.flush]\ntimeout = -5\n"));
        assertEquals("invalid config: transaction_timeout_secs must be a non-negative integer",
                fileError("transaction_timeout_secs = \"soon\"\n"));
        assertEquals("invalid config: [server] must be a table", fileError("server = 1\n"));
        assertEquals("invalid config: [storage].data_path must not be empty",
                fileError("[storage]\ndata_path = \"\"\n"));
    }

    @Test
    void unparsableEnvironmentValuesAreFatal() {
        assertEquals("invalid KALAMDB_SERVER_PORT 'abc'", envError(Map.of("KALAMDB_SERVER_PORT", "abc")));
        assertEquals("invalid KALAMDB_SERVER_PORT '70000'", envError(Map.of("KALAMDB_SERVER_PORT", "70000")));
        assertEquals("invalid KALAMDB_COOKIE_SECURE 'maybe'", envError(Map.of("KALAMDB_COOKIE_SECURE", "maybe")));
        assertEquals("invalid KALAMDB_LOG_TO_CONSOLE 'on'", envError(Map.of("KALAMDB_LOG_TO_CONSOLE", "on")));
        assertEquals("invalid KALAMDB_LOG_LEVEL 'verbose'", envError(Map.of("KALAMDB_LOG_LEVEL", "verbose")));
        assertEquals("invalid KALAMDB_JWT_EXPIRY_HOURS '0'", envError(Map.of("KALAMDB_JWT_EXPIRY_HOURS", "0")));
        assertEquals("invalid KALAMDB_WEBSOCKET_AUTH_TIMEOUT_SECS '1.5'",
                envError(Map.of("KALAMDB_WEBSOCKET_AUTH_TIMEOUT_SECS", "1.5")));
        assertEquals("invalid KALAMDB_TOPIC_VISIBILITY_TIMEOUT_SECS 'x'",
                envError(Map.of("KALAMDB_TOPIC_VISIBILITY_TIMEOUT_SECS", "x")));
    }

    @Test
    void booleanEnvironmentWordsAreCaseInsensitive() {
        for (String word : List.of("true", "TRUE", "1", "yes", "Yes")) {
            assertTrue(ConfigLoader.load(null, Map.of("KALAMDB_ALLOW_REMOTE_SETUP", word), dir).config().auth()
                    .allowRemoteSetup(), word);
        }
        for (String word : List.of("false", "False", "0", "no", "NO")) {
            assertEquals(false, ConfigLoader.load(null, Map.of("KALAMDB_COOKIE_SECURE", word), dir).config().auth()
                    .cookieSecure(), word);
        }
    }

    @Test
    void tomlSyntaxErrorsAreFatal() throws IOException {
        String message = fileError("[server\nport = 1\n");
        assertTrue(message.startsWith("invalid config: cannot parse '" + dir.resolve("server.toml") + "': "), message);
        assertTrue(message.contains("(line 1, column"), message);
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws IOException {
        ServerConfig c = loadFile("[storage]\ndata_path = \"var/../db/./data\"\n[logging]\nlogs_path = \"../logs\"\n",
                Map.of()).config();

        assertEquals(dir.resolve("db/data").toString(), c.storage().dataPath());
        assertEquals(dir.getParent().resolve("logs").toString(), c.logging().logsPath());
    }

    @Test
    void loggingTargetsAcceptInlineAndNestedTables() throws IOException {
        String toml = """
                [logging.targets]
                "kalamdb.flush" = "debug"
                kalamdb.jobs = "trace"
                """;
        assertEquals(Map.of("kalamdb.flush", "debug", "kalamdb.jobs", "trace"),
                loadFile(toml, Map.of()).config().logging().targets());
    }

    @Test
    void legacyTemplateSpellingsAreNormalized() throws IOException {
        ServerConfig c = loadFile("[storage]\nshared_tables_template = \"{namespace_id}/{table_name}\"\n"
                + "user_tables_template = \"{namespace-id}/{table-id}/{user_id}\"\n", Map.of()).config();

        assertEquals("{namespace}/{tableName}", c.storage().sharedTablesTemplate());
        assertEquals("{namespace}/{tableName}/{userId}", c.storage().userTablesTemplate());
    }

    @Test
    void emptyPublicOriginMeansUnset() throws IOException {
        assertNull(loadFile("[server]\npublic_origin = \"\"\n", Map.of()).config().server().publicOrigin());
    }

    @Test
    void theExampleFileLoadsWithoutWarningsAndHoldsTheDefaults() {
        Path example = Path.of("").toAbsolutePath().getParent().resolve("server.example.toml");
        assertTrue(Files.isRegularFile(example), example.toString());

        LoadedConfig loaded = ConfigLoader.load(example, Map.of(), dir);

        assertEquals(List.of(), loaded.warnings());
        assertEquals(ConfigLoader.load(null, Map.of(), dir).config(), loaded.config());
    }
}
