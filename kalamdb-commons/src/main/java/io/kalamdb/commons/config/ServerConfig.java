package io.kalamdb.commons.config;

/**
 * The effective server configuration (spec config.md §2): built-in defaults, then the TOML file, then the
 * environment. Sections are plain records; {@link #defaults()} gives the built-in values.
 */
public record ServerConfig(
        ServerSection server,
        StorageSection storage,
        FlushSection flush,
        RetentionSection retention,
        StreamSection stream,
        LimitsSection limits,
        LoggingSection logging,
        AuthSection auth,
        UserManagementSection userManagement,
        WebSocketSection websocket,
        RateLimitSection rateLimit,
        JobsSection jobs,
        SecuritySection security,
        PerformanceSection performance,
        ShutdownSection shutdown,
        long transactionTimeoutSecs,
        long maxTransactionBufferBytes) {

    public static ServerConfig defaults() {
        return new ServerConfig(ServerSection.defaults(), StorageSection.defaults(), FlushSection.defaults(),
                RetentionSection.defaults(), StreamSection.defaults(), LimitsSection.defaults(),
                LoggingSection.defaults(), AuthSection.defaults(), UserManagementSection.defaults(),
                WebSocketSection.defaults(), RateLimitSection.defaults(), JobsSection.defaults(),
                SecuritySection.defaults(), PerformanceSection.defaults(), ShutdownSection.defaults(),
                300, 104_857_600L);
    }
}
