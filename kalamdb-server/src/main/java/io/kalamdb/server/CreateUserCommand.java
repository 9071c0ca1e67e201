package io.kalamdb.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.bootstrap.Bootstrap;
import io.kalamdb.core.system.Micros;
import io.kalamdb.server.config.ConfigException;
import io.kalamdb.store.RocksDbBackend;
import io.kalamdb.store.StoreLockedException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The offline {@code create-user} command (spec config.md §4): creates a user in a stopped server's data
 * directory, after the same bootstrap as a start.
 */
public final class CreateUserCommand {
    private static final String ROOT_LOGGER = "ROOT";
    private static final List<String> OPTIONS = List.of("--name", "--role", "--password", "--email", "--config");

    private CreateUserCommand() {
    }

    /** Runs the command and returns the exit code; messages go to stdout (success) or stderr ({@code Error: …}). */
    public static int run(String[] args) {
        ((Logger) LoggerFactory.getLogger(ROOT_LOGGER)).setLevel(Level.WARN);
        Map<String, String> opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
        String name = opts.get("--name");
        if (name == null || name.isEmpty()) {
            return error("--name is required");
        }
        String roleToken = opts.get("--role");
        if (roleToken == null && new UserId(name).isRoot()) {
            roleToken = "system"; // root is always system: setting its first password needs no role
        }
        if (roleToken == null) {
            return error("--role is required");
        }
        Role role = Role.fromSqlToken(roleToken).orElse(null);
        if (role == null) {
            return error(Role.invalidRoleMessage(roleToken));
        }
        ServerConfig config;
        try {
            config = ServerRunner.loadConfig(opts.containsKey("--config") ? Path.of(opts.get("--config")) : null,
                    new ArrayList<>());
        } catch (ConfigException e) {
            return error(e.getMessage());
        }
        Path dataPath = Path.of(config.storage().dataPath());
        RocksDbBackend backend;
        try {
            backend = RocksDbBackend.open(dataPath.resolve("rocksdb"), config.storage().rocksdb());
        } catch (StoreLockedException e) {
            return error("data directory " + dataPath + " is in use by a running server");
        } catch (KalamDbException e) {
            return error(e.getMessage());
        }
        try {
            AppContext ctx = AppContext.create(config, backend, Clock.systemUTC());
            Bootstrap.run(ctx);
            return createUser(ctx, name, role, opts.get("--password"), opts.get("--email"));
        } catch (KalamDbException e) {
            return error(e.getMessage());
        } finally {
            backend.close();
        }
    }

    private static int createUser(AppContext ctx, String name, Role role, String givenPassword, String email) {
        UserId id = new UserId(name);
        User existing = ctx.users().findUser(id).orElse(null);
        if (existing != null && !(id.isRoot() && !existing.hasPassword() && givenPassword != null)) {
            return error("User '" + name + "' already exists");
        }
        if (!id.isRoot() && (!UserId.isValid(name) || UserId.RESERVED.contains(name))) {
            return error("Invalid user name '" + name + "'");
        }
        String password = givenPassword != null ? givenPassword : readPassword();
        if (password == null) {
            return error("no password given");
        }
        String problem = ctx.passwordPolicy().violation(password).orElse(null);
        if (problem != null) {
            return error(problem);
        }
        long now = Micros.now(ctx.clock());
        String hash = ctx.passwordHasher().hash(password);
        if (existing != null) {
            ctx.users().put(existing.withPasswordHash(hash, now));
            ctx.auditLog().record("system", "ALTER_USER", "user:root", "SET PASSWORD [REDACTED]", null, "root");
            System.out.println("Password set for user 'root'");
            return 0;
        }
        ctx.users().put(User.create(id, hash, role, email, AuthType.PASSWORD, null, now));
        ctx.auditLog().record("system", "CREATE_USER", "user:" + id, "role=" + role.wireName(), null, id.value());
        System.out.println("User '" + name + "' created with role " + role.wireName());
        return 0;
    }

    /** Twice without echo on a terminal, else one line from stdin. */
    private static String readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Repeat password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw KalamDbException.userError("Passwords do not match");
            }
            return new String(first);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            String value = null;
            int eq = key.indexOf('=');
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(key + " needs a value");
                }
                value = args[++i];
            }
            opts.put(key, value);
        }
        return opts;
    }

    private static int error(String message) {
        System.err.println("Error: " + message);
        return 1;
    }
}
