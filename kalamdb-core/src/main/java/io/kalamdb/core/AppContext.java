package io.kalamdb.core;

import io.kalamdb.auth.Authenticator;
import io.kalamdb.auth.BasicAuthCache;
import io.kalamdb.auth.JwtService;
import io.kalamdb.auth.KeyedRateLimiter;
import io.kalamdb.auth.LoginTracker;
import io.kalamdb.auth.PasswordHasher;
import io.kalamdb.auth.PasswordPolicy;
import io.kalamdb.commons.config.RateLimitSection;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.core.jobs.JobExecutor;
import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.executors.CleanupExecutor;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.system.AuditLog;
import io.kalamdb.core.system.NamespaceStore;
import io.kalamdb.core.system.SeqHighWaterMark;
import io.kalamdb.core.system.ServerMetrics;
import io.kalamdb.core.system.StorageStore;
import io.kalamdb.core.system.UserStore;
import io.kalamdb.core.tables.HotTableData;
import io.kalamdb.core.tables.HotTableStore;
import io.kalamdb.core.tables.TableDataInspector;
import io.kalamdb.store.StorageBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The long-lived services of one server process, built once at start; handlers take it instead of long lists of
 * loose fields. {@code authRateLimiter} is the per-IP auth bucket shared by login, refresh, setup and
 * Basic-credential verifications that miss the cache. {@link #start()} starts the background parts (job workers, the {@code _seq} high-water mark) and
 * {@link #stop()} stops them before the storage closes.
 */
public record AppContext(
        ServerConfig config,
        Clock clock,
        StorageBackend backend,
        UserStore users,
        NamespaceStore namespaces,
        StorageStore storages,
        AuditLog auditLog,
        SchemaRegistry schemas,
        HotTableStore hot,
        TableDataInspector tableData,
        SnowflakeGenerator snowflake,
        SeqHighWaterMark seqMark,
        JobManager jobs,
        KeyedRateLimiter<String> authRateLimiter,
        ServerMetrics metrics,
        PasswordHasher passwordHasher,
        PasswordPolicy passwordPolicy,
        JwtService jwt,
        Authenticator authenticator) {

    /** Wires every service over an open storage backend. The JWT secret in {@code config} must be usable. */
    public static AppContext create(ServerConfig config, StorageBackend backend, Clock clock) {
        UserStore users = new UserStore(backend);
        PasswordHasher hasher = new PasswordHasher(config.auth().bcryptCost());
        JwtService jwt = new JwtService(config.auth().jwtSecret(), config.auth().jwtExpiryHours(), clock);
        BasicAuthCache cache = new BasicAuthCache(config.auth().basicAuthCacheTtlSeconds(),
                config.auth().basicAuthCacheMaxEntries());
        LoginTracker tracker = new LoginTracker(users, clock);
        RateLimitSection limits = config.rateLimit();
        KeyedRateLimiter<String> authLimiter = new KeyedRateLimiter<>(limits.maxAuthRequestsPerIpPerSec(),
                limits.cacheMaxEntries(), Duration.ofSeconds(limits.cacheTtlSeconds()));
        Authenticator authenticator = new Authenticator(users, hasher, jwt, cache, tracker, clock, authLimiter);
        HotTableStore hot = new HotTableStore(backend);
        SchemaRegistry schemas = new SchemaRegistry(backend);
        SnowflakeGenerator snowflake = SeqHighWaterMark.openGenerator(backend, clock::millis);
        List<JobExecutor> executors = List.of(new CleanupExecutor(backend));
        return new AppContext(config, clock, backend, users, new NamespaceStore(backend), new StorageStore(backend),
                new AuditLog(backend, clock), schemas, hot, new HotTableData(hot, schemas), snowflake,
                new SeqHighWaterMark(backend, snowflake), new JobManager(backend, config.jobs(), clock, executors),
                authLimiter,
                new ServerMetrics(), hasher, new PasswordPolicy(config.auth().enforcePasswordComplexity()), jwt,
                authenticator);
    }

    /** Job crash recovery and workers, then the periodic {@code _seq} high-water mark. */
    public void start() {
        jobs.start();
        seqMark.start();
    }

    /** Waits for running jobs (up to the shutdown timeout), then persists the final high-water mark. */
    public void stop() {
        jobs.stop(Duration.ofSeconds(config.shutdown().flushTimeoutSeconds()));
        seqMark.close();
    }
}
