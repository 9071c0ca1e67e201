package io.kalamdb.core.account;

import io.kalamdb.auth.IssuedTokens;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.system.Micros;
import io.kalamdb.store.WriteBatch;

/** The business side of the auth endpoints: login, refresh, me, setup status and setup (spec auth.md §2). */
public final class AccountService {
    private final AppContext ctx;

    public AccountService(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Verifies a password login (lockout, soft delete, setup state) and issues tokens; admin logins are audited. */
    public LoginResult login(String user, String password, String clientIp, boolean clientIsLocal) {
        User verified = ctx.authenticator().verifyPassword(user, password, clientIp, clientIsLocal, true);
        if (verified.role().isAdmin()) {
            ctx.auditLog().record(verified.userId().value(), "LOGIN", "user:" + verified.userId(), null, clientIp,
                    verified.userId().value());
        }
        return new LoginResult(verified, ctx.jwt().issue(verified));
    }

    /** Exchanges a valid refresh token of a live user for a new token pair. */
    public LoginResult refresh(String refreshToken) {
        User user = ctx.authenticator().authenticateRefresh(refreshToken);
        IssuedTokens tokens = ctx.jwt().issue(user);
        return new LoginResult(user, tokens);
    }

    /** The user of a valid access token. */
    public User me(String accessToken) {
        return ctx.authenticator().authenticateAccessToken(accessToken);
    }

    /** True while root has no password. */
    public boolean needsSetup() {
        return ctx.users().findUser(UserId.ROOT).map(u -> !u.hasPassword()).orElse(true);
    }

    /**
     * Sets root's password and creates the first dba user, atomically (spec http-api.md §7.6 checks 3–8 and
     * effects). Returns the new user.
     */
    public User setup(String user, String password, String rootPassword, String email, String clientIp) {
        if (!needsSetup()) {
            throw new SetupException(SetupException.Kind.ALREADY_CONFIGURED, "Server is already configured");
        }
        ctx.passwordPolicy().violation(password).ifPresent(problem -> {
            throw new SetupException(SetupException.Kind.WEAK_PASSWORD, "DBA user password: " + problem);
        });
        ctx.passwordPolicy().violation(rootPassword).ifPresent(problem -> {
            throw new SetupException(SetupException.Kind.WEAK_PASSWORD, "Root password: " + problem);
        });
        if ("root".equals(user)) {
            throw new SetupException(SetupException.Kind.INVALID_USER, "Cannot use 'root' as the DBA user name");
        }
        if (!UserId.isValid(user) || UserId.RESERVED.contains(user)) {
            throw new SetupException(SetupException.Kind.INVALID_USER, "Invalid user name '" + user + "'");
        }
        UserId id = new UserId(user);
        String dbaHash = ctx.passwordHasher().hash(password);
        String rootHash = ctx.passwordHasher().hash(rootPassword);
        User created;
        synchronized (ctx.users().writeLock()) {
            User root = ctx.users().findUser(UserId.ROOT).orElseThrow();
            if (root.hasPassword()) {
                throw new SetupException(SetupException.Kind.ALREADY_CONFIGURED, "Server is already configured");
            }
            if (ctx.users().findUser(id).isPresent()) {
                throw new SetupException(SetupException.Kind.USER_EXISTS, "User '" + user + "' already exists");
            }
            long now = Micros.now(ctx.clock());
            created = User.create(id, dbaHash, Role.DBA, email, AuthType.PASSWORD, null, now);
            try (WriteBatch batch = ctx.backend().newBatch()) {
                ctx.users().put(batch, root.withPasswordHash(rootHash, now));
                ctx.users().put(batch, created);
                ctx.backend().write(batch);
            }
            ctx.users().forget(UserId.ROOT);
            ctx.users().forget(id);
        }
        ctx.authenticator().invalidateUser(UserId.ROOT);
        ctx.auditLog().record("root", "SETUP", "user:" + id, "created dba user", clientIp, id.value());
        return created;
    }
}
