package io.kalamdb.core.sql.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.KalamStatement.AlterUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateUser;
import io.kalamdb.core.sql.parser.KalamStatement.DropUser;
import io.kalamdb.core.sql.parser.KalamStatement.UserChange;
import io.kalamdb.core.system.Micros;
import java.io.IOException;

/** CREATE / ALTER / DROP USER (spec sql.md §10, auth.md §7). The statement-level admin check ran already. */
public final class UserHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AppContext ctx;

    public UserHandler(AppContext ctx) {
        this.ctx = ctx;
    }

    public StatementResult create(CreateUser stmt, ExecutionContext exec) {
        Role callerRole = exec.session().role();
        Role role = parseRole(stmt.roleToken());
        RolePolicy.checkCreateUser(callerRole, role);
        UserId id = validUserId(stmt.name());
        String authData = stmt.oauth() ? validOauthData(stmt.oauthData()) : null;
        if (ctx.users().findUser(id).isPresent()) {
            return existing(id, stmt.ifNotExists(), exec);
        }
        String hash = "";
        if (!stmt.oauth()) {
            ctx.passwordPolicy().check(stmt.password());
            hash = ctx.passwordHasher().hash(stmt.password());
        }
        synchronized (ctx.users().writeLock()) {
            if (ctx.users().findUser(id).isPresent()) {
                return existing(id, stmt.ifNotExists(), exec);
            }
            long now = Micros.now(ctx.clock());
            ctx.users().put(User.create(id, hash, role, stmt.email(),
                    stmt.oauth() ? AuthType.OAUTH : AuthType.PASSWORD, authData, now));
        }
        audit(exec, "CREATE_USER", id, "role=" + role.wireName());
        return message("User '" + id + "' created", exec);
    }

    public StatementResult alter(AlterUser stmt, ExecutionContext exec) {
        Role callerRole = exec.session().role();
        UserId id = new UserId(stmt.name());
        String newHash = null;
        if (stmt.change() == UserChange.PASSWORD) {
            ctx.passwordPolicy().check(stmt.value());
            newHash = ctx.passwordHasher().hash(stmt.value());
        }
        String details;
        synchronized (ctx.users().writeLock()) {
            User user = ctx.users().findUser(id).filter(u -> !u.isDeleted()).orElseThrow(() -> notFound(id));
            RolePolicy.checkAlterOrDropUser(callerRole, user.role(), null);
            long now = Micros.now(ctx.clock());
            User updated;
            if (stmt.change() == UserChange.PASSWORD) {
                updated = user.withPasswordHash(newHash, now);
                details = "SET PASSWORD [REDACTED]";
            } else if (stmt.change() == UserChange.ROLE) {
                Role role = parseRole(stmt.value());
                if (id.isRoot()) {
                    throw KalamDbException.userError("Cannot change the role of the root user");
                }
                RolePolicy.checkAlterOrDropUser(callerRole, user.role(), role);
                updated = user.withRole(role, now);
                details = "SET ROLE " + role.wireName();
            } else {
                updated = user.withEmail(stmt.value(), now);
                details = "SET EMAIL";
            }
            ctx.users().put(updated);
        }
        ctx.authenticator().invalidateUser(id);
        audit(exec, "ALTER_USER", id, details);
        return message("User '" + id + "' updated", exec);
    }

    public StatementResult drop(DropUser stmt, ExecutionContext exec) {
        UserId id = new UserId(stmt.name());
        if (id.isRoot()) {
            throw KalamDbException.userError("Cannot drop the root user");
        }
        if (id.equals(exec.session().userId())) {
            throw KalamDbException.userError("Cannot drop your own user");
        }
        synchronized (ctx.users().writeLock()) {
            User user = ctx.users().findUser(id).filter(u -> !u.isDeleted()).orElse(null);
            if (user == null) {
                if (stmt.ifExists()) {
                    return message("User '" + id + "' does not exist (skipped)", exec);
                }
                throw notFound(id);
            }
            RolePolicy.checkAlterOrDropUser(exec.session().role(), user.role(), null);
            long now = Micros.now(ctx.clock());
            ctx.users().put(user.withDeletedAt(now, now));
        }
        ctx.authenticator().invalidateUser(id);
        audit(exec, "DROP_USER", id, null);
        return message("User '" + id + "' dropped (soft delete)", exec);
    }

    private static StatementResult existing(UserId id, boolean ifNotExists, ExecutionContext exec) {
        if (ifNotExists) {
            return message("User '" + id + "' already exists", exec);
        }
        throw KalamDbException.userError("User '" + id + "' already exists");
    }

    private static Role parseRole(String token) {
        return Role.fromSqlToken(token).orElseThrow(() -> KalamDbException.userError(Role.invalidRoleMessage(token)));
    }

    private static UserId validUserId(String name) {
        if (UserId.RESERVED.contains(name)) {
            throw KalamDbException.userError("User id '" + name + "' is reserved");
        }
        if (!UserId.isValid(name)) {
            throw KalamDbException.userError("Invalid user id '" + name
                    + "': use 1-128 letters, digits, '_', '-', '.' or '@', without '..'");
        }
        return new UserId(name);
    }

    private static String validOauthData(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw KalamDbException.userError("OAUTH data must be a JSON object");
            }
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw KalamDbException.userError("OAUTH data must be a JSON object");
        }
    }

    private static KalamDbException notFound(UserId id) {
        return KalamDbException.userError("User '" + id + "' not found");
    }

    private void audit(ExecutionContext exec, String action, UserId target, String details) {
        ctx.auditLog().record(exec.asUser(), action, "user:" + target, details, exec.session().clientIp(),
                target.value());
    }

    private static StatementResult message(String text, ExecutionContext exec) {
        return new StatementResult.Message(0, text, exec.asUser());
    }
}
