package io.kalamdb.server.config;

import io.kalamdb.commons.config.ServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kalamdb.server.config.TestConfigs.withBcryptCost;
import static io.kalamdb.server.config.TestConfigs.withDataPath;
import static io.kalamdb.server.config.TestConfigs.withHost;
import static io.kalamdb.server.config.TestConfigs.withLimits;
import static io.kalamdb.server.config.TestConfigs.withLog;
import static io.kalamdb.server.config.TestConfigs.withSchedule;
import static io.kalamdb.server.config.TestConfigs.withSecurity;
import static io.kalamdb.server.config.TestConfigs.withServer;
import static io.kalamdb.server.config.TestConfigs.withTemplates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConfigValidatorTest {
    @TempDir
    Path dir;
    private ServerConfig base;

    @BeforeEach
    void setUp() {
        base = TestConfigs.base(dir);
    }

    private static String fatal(ServerConfig config) {
        return assertThrows(ConfigException.class, () -> ConfigValidator.validate(config)).getMessage();
    }

    private static List<String> problems(ServerConfig config) {
        return ConfigValidator.problems(config, new ArrayList<>());
    }

    @Test
    void defaultsAreValidAndTheDataDirectoryIsCreated() {
        assertEquals(List.of(), ConfigValidator.validate(base));
        assertTrue(Files.isDirectory(dir.resolve("data")));
    }

    @Test
    void portMustBeInRange() {
        assertEquals("invalid config: [server].port must be an integer in 0..65535",
                fatal(withServer(base, "127.0.0.1", 65536, null)));
        assertEquals("invalid config: [server].port must be an integer in 0..65535",
                fatal(withServer(base, "127.0.0.1", -1, null)));
        assertEquals(List.of(), problems(withServer(base, "127.0.0.1", 0, null)));
        assertEquals(List.of(), problems(withServer(base, "127.0.0.1", 65535, null)));
    }

    @Test
    void hostMustNotBeEmpty() {
        assertEquals("invalid config: [server].host must not be empty", fatal(withHost(base, " ")));
    }

    @Test
    void queryLimitsArePositiveAndDefaultIsAtMostMax() {
        assertEquals("invalid config: [limits].default_query_limit must be a positive integer",
                fatal(withLimits(base, 0, 10)));
        assertEquals("invalid config: [limits].max_query_limit must be a positive integer",
                fatal(withLimits(base, 10, -1)));
        assertEquals("invalid config: [limits].default_query_limit (500) must be <= [limits].max_query_limit (100)",
                fatal(withLimits(base, 500, 100)));
        assertEquals(List.of(), problems(withLimits(base, 100, 100)));
    }

    @Test
    void logLevelFormatAndTargetsMustBeKnown() {
        assertEquals("invalid config: [logging].level must be one of error|warn|info|debug|trace (got 'verbose')",
                fatal(withLog(base, "verbose", "compact", Map.of())));
        assertEquals("invalid config: [logging].format must be one of compact|pretty|json (got 'xml')",
                fatal(withLog(base, "info", "xml", Map.of())));
        assertEquals("invalid config: [logging].targets entry 'kalamdb.flush' = 'loud' must name a logger and one "
                + "of error|warn|info|debug|trace|off", fatal(withLog(base, "info", "json",
                Map.of("kalamdb.flush", "loud"))));
        for (String level : ConfigValidator.LOG_LEVELS) {
            assertEquals(List.of(), problems(withLog(base, level, "pretty", Map.of("io.netty", "OFF"))), level);
        }
    }

    @Test
    void publicOriginIsEmptyOrHttp() {
        assertEquals("invalid config: [server].public_origin must be empty or start with http:// or https:// "
                + "(got 'ftp://db.example.com')", fatal(withServer(base, "127.0.0.1", 8080, "ftp://db.example.com")));
        assertEquals(1, problems(withServer(base, "127.0.0.1", 8080, "https://")).size());
        assertEquals(1, problems(withServer(base, "127.0.0.1", 8080, "db.example.com")).size());
        for (String ok : new String[] {"", "https://db.example.com", "http://localhost:8080", "HTTPS://DB.example"}) {
            assertEquals(List.of(), problems(withServer(base, "127.0.0.1", 8080, ok)), ok);
        }
        assertEquals(List.of(), problems(withServer(base, "127.0.0.1", 8080, null)));
    }

    @Test
    void trustedProxyRangesMustBeIpsOrCidrs() {
        List<String> good = List.of("10.0.0.0/8", "192.168.1.1", "0.0.0.0/0", "::1", "fd00::/8", "2001:db8::1/128",
                "::ffff:10.0.0.1", "::");
        assertEquals(List.of(), problems(withSecurity(base, good, List.of())));
        for (String bad : List.of("10.0.0.0/33", "300.1.1.1", "example.com", "fd00::/129", "1:2:3:4:5:6:7:8:9",
                "10.0.0.1/", "10.0.0", "1::2::3", "")) {
            assertEquals(List.of("invalid config: [security].trusted_proxy_ranges entry '" + bad
                    + "' is not an IP address or CIDR range"), problems(withSecurity(base, List.of(bad), List.of())),
                    bad);
        }
    }

    @Test
    void bcryptCostIsBetween4And14() {
        assertEquals("invalid config: [auth].bcrypt_cost must be an integer in 4..14", fatal(withBcryptCost(base, 3)));
        assertEquals("invalid config: [auth].bcrypt_cost must be an integer in 4..14",
                fatal(withBcryptCost(base, 15)));
        assertEquals(List.of(), problems(withBcryptCost(base, 4)));
        assertEquals(List.of(), problems(withBcryptCost(base, 14)));
    }

    @Test
    void templatesFollowStorageRules() {
        assertEquals("Invalid USER_TABLES_TEMPLATE '{namespace}/{tableName}': {userId} is required",
                fatal(withTemplates(base, "{namespace}/{tableName}", "{namespace}/{tableName}")));
        assertEquals("Invalid SHARED_TABLES_TEMPLATE '{namespace}/{tableName}/{userId}': {userId} is not allowed in "
                + "a shared table template", fatal(withTemplates(base, "{namespace}/{tableName}/{userId}",
                "{namespace}/{tableName}/{userId}")));
        assertEquals("Invalid SHARED_TABLES_TEMPLATE '{tableName}/{namespace}': {namespace} must come before "
                + "{tableName}", fatal(withTemplates(base, "{tableName}/{namespace}", "{namespace}/{tableName}/{userId}")));
        assertEquals(List.of(), problems(withTemplates(base, "{namespace_id}/{table_name}",
                "{namespaceId}/{table-id}/{user-id}")));
    }

    @Test
    void cronScheduleMustBeValid() {
        assertEquals("invalid config: [user_management].cleanup_job_schedule '0 24 * * *' is not a valid 5-field "
                + "cron expression: hour field '24': values must be in 0..23", fatal(withSchedule(base, "0 24 * * *")));
        assertEquals("invalid config: [user_management].cleanup_job_schedule '0 2 * *' is not a valid 5-field cron "
                + "expression: expected 5 fields, got 4", fatal(withSchedule(base, "0 2 * *")));
        assertEquals(List.of(), problems(withSchedule(base, "*/15 0-6,22-23 1,15 1-12/2 1-5")));
    }

    @Test
    void corsAllowListIsRequiredOnNonLoopbackHosts() {
        ServerConfig open = withHost(base, "0.0.0.0");
        assertEquals("invalid config: [security.cors].allowed_origins is empty on non-loopback host 0.0.0.0; list "
                + "the allowed origins, or [\"*\"] to allow any origin", fatal(open));

        List<String> warnings = ConfigValidator.validate(withSecurity(open, List.of(), List.of("*")));
        assertEquals(List.of("[security.cors].allowed_origins contains \"*\": browsers on any origin may call this "
                + "server"), warnings);

        assertEquals(List.of(), ConfigValidator.validate(withSecurity(open, List.of(),
                List.of("https://app.example.com"))));
        assertEquals(List.of(), ConfigValidator.validate(withHost(base, "localhost")));
        assertEquals(List.of(), ConfigValidator.validate(withHost(base, "::1")));
    }

    @Test
    void dataPathMustBeCreatable() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path dataPath = file.resolve("data");

        String message = fatal(withDataPath(base, dataPath.toString()));

        assertTrue(message.startsWith("invalid config: [storage].data_path '" + dataPath + "' cannot be created: "),
                message);
    }

    @Test
    void dataPathMustBeWritable() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "needs a read-only /proc");

        assertTrue(fatal(withDataPath(base, proc.toString()))
                .startsWith("invalid config: [storage].data_path '/proc' is not writable: "));
    }

    @Test
    void dataPathIsNotCreatedWhenAnotherRuleFails() {
        List<String> found = problems(withLimits(base, 0, 10));

        assertEquals(1, found.size());
        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void allProblemsAreListed() {
        ServerConfig bad = withBcryptCost(withLimits(withServer(base, "127.0.0.1", 70000, "x"), 5, 1), 2);

        assertEquals(List.of(
                "invalid config: [server].port must be an integer in 0..65535",
                "invalid config: [server].public_origin must be empty or start with http:// or https:// (got 'x')",
                "invalid config: [limits].default_query_limit (5) must be <= [limits].max_query_limit (1)",
                "invalid config: [auth].bcrypt_cost must be an integer in 4..14"), problems(bad));
    }
}
