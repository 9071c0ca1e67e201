package io.kalamdb.server.config;

import io.kalamdb.commons.config.AuthSection;
import io.kalamdb.commons.config.CorsSection;
import io.kalamdb.commons.config.LimitsSection;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.commons.config.SecuritySection;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.config.ServerSection;
import io.kalamdb.commons.config.StorageSection;
import io.kalamdb.commons.config.UserManagementSection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds variations of the default configuration for validator tests. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** The defaults with {@code data_path} and {@code logs_path} under {@code dir}. */
    static ServerConfig base(Path dir) {
        ServerConfig d = ServerConfig.defaults();
        StorageSection storage = d.storage();
        return withLogging(withStorage(d, new StorageSection(dir.resolve("data").toString(),
                        storage.sharedTablesTemplate(), storage.userTablesTemplate(), storage.rocksdb())),
                new LoggingSection("info", dir.resolve("logs").toString(), false, "compact", 1200, Map.of()));
    }

    static ServerConfig withServer(ServerConfig c, String host, int port, String publicOrigin) {
        return new ServerConfig(new ServerSection(host, port, publicOrigin, 0), c.storage(), c.flush(),
                c.retention(), c.stream(), c.limits(), c.logging(), c.auth(), c.userManagement(), c.websocket(),
                c.rateLimit(), c.jobs(), c.security(), c.performance(), c.shutdown(), c.transactionTimeoutSecs(),
                c.maxTransactionBufferBytes());
    }

    static ServerConfig withHost(ServerConfig c, String host) {
        return withServer(c, host, c.server().port(), c.server().publicOrigin());
    }

    static ServerConfig withStorage(ServerConfig c, StorageSection storage) {
        return new ServerConfig(c.server(), storage, c.flush(), c.retention(), c.stream(), c.limits(), c.logging(),
                c.auth(), c.userManagement(), c.websocket(), c.rateLimit(), c.jobs(), c.security(), c.performance(),
                c.shutdown(), c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }

    static ServerConfig withDataPath(ServerConfig c, String dataPath) {
        StorageSection s = c.storage();
        return withStorage(c, new StorageSection(dataPath, s.sharedTablesTemplate(), s.userTablesTemplate(),
                s.rocksdb()));
    }

    static ServerConfig withTemplates(ServerConfig c, String shared, String user) {
        StorageSection s = c.storage();
        return withStorage(c, new StorageSection(s.dataPath(), shared, user, s.rocksdb()));
    }

    static ServerConfig withLimits(ServerConfig c, int defaultLimit, int maxLimit) {
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(),
                new LimitsSection(defaultLimit, maxLimit), c.logging(), c.auth(), c.userManagement(), c.websocket(),
                c.rateLimit(), c.jobs(), c.security(), c.performance(), c.shutdown(), c.transactionTimeoutSecs(),
                c.maxTransactionBufferBytes());
    }

    static ServerConfig withLogging(ServerConfig c, LoggingSection logging) {
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(), c.limits(), logging,
                c.auth(), c.userManagement(), c.websocket(), c.rateLimit(), c.jobs(), c.security(), c.performance(),
                c.shutdown(), c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }

    static ServerConfig withLog(ServerConfig c, String level, String format, Map<String, String> targets) {
        LoggingSection l = c.logging();
        return withLogging(c, new LoggingSection(level, l.logsPath(), l.logToConsole(), format,
                l.slowQueryThresholdMs(), targets));
    }

    static ServerConfig withAuth(ServerConfig c, AuthSection auth) {
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(), c.limits(),
                c.logging(), auth, c.userManagement(), c.websocket(), c.rateLimit(), c.jobs(), c.security(),
                c.performance(), c.shutdown(), c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }

    static ServerConfig withBcryptCost(ServerConfig c, int cost) {
        AuthSection a = c.auth();
        return withAuth(c, new AuthSection(a.rootPassword(), a.jwtSecret(), a.jwtExpiryHours(), a.cookieSecure(),
                cost, a.enforcePasswordComplexity(), a.allowRemoteSetup(), a.basicAuthCacheTtlSeconds(),
                a.basicAuthCacheMaxEntries(), a.jwtTrustedIssuers()));
    }

    static ServerConfig withSchedule(ServerConfig c, String cron) {
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(), c.limits(),
                c.logging(), c.auth(), new UserManagementSection(c.userManagement().deletionGracePeriodDays(), cron),
                c.websocket(), c.rateLimit(), c.jobs(), c.security(), c.performance(), c.shutdown(),
                c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }

    static ServerConfig withSecurity(ServerConfig c, List<String> proxyRanges, List<String> allowedOrigins) {
        SecuritySection s = c.security();
        CorsSection cors = s.cors();
        SecuritySection security = new SecuritySection(s.maxWsMessageSize(), s.strictWsOriginCheck(), proxyRanges,
                new CorsSection(allowedOrigins, cors.allowedMethods(), cors.allowedHeaders(), cors.exposeHeaders(),
                        cors.maxAge(), cors.allowCredentials()));
        return new ServerConfig(c.server(), c.storage(), c.flush(), c.retention(), c.stream(), c.limits(),
                c.logging(), c.auth(), c.userManagement(), c.websocket(), c.rateLimit(), c.jobs(), security,
                c.performance(), c.shutdown(), c.transactionTimeoutSecs(), c.maxTransactionBufferBytes());
    }
}
