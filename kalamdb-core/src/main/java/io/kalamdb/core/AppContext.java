package io.kalamdb.core;

import io.kalamdb.auth.Authenticator;
import io.kalamdb.auth.BasicAuthCache;
import io.kalamdb.auth.JwtService;
import io.kalamdb.auth.LoginTracker;
import io.kalamdb.auth.PasswordHasher;
import io.kalamdb.auth.PasswordPolicy;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.core.system.AuditLog;
import io.kalamdb.core.system.NamespaceStore;
import io.kalamdb.core.system.StorageStore;
import io.kalamdb.core.system.UserStore;
import io.kalamdb.store.StorageBackend;
import java.time.Clock;

/**
 * The long-lived services of one server process. Built once at start; handlers take it instead of long lists of
 * loose fields.
 */
public record AppContext(
        ServerConfig config,
        Clock clock,
        StorageBackend backend,
        UserStore users,
        NamespaceStore namespaces,
        StorageStore storages,
        AuditLog auditLog,
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
        Authenticator authenticator = new Authenticator(users, hasher, jwt, cache, tracker, clock);
        return new AppContext(config, clock, backend, users, new NamespaceStore(backend), new StorageStore(backend),
                new AuditLog(backend, clock), hasher, new PasswordPolicy(config.auth().enforcePasswordComplexity()),
                jwt, authenticator);
    }
}
