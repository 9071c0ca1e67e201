package io.kalamdb.auth;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.UserId;

/**
 * The role rules of spec auth.md §7–§9 and sql.md §10 as pure functions. Checks throw
 * {@link KalamDbException#permissionDenied(String)} with the exact refusal message; predicates answer
 * {@code true} when the operation is allowed.
 */
public final class RolePolicy {
    public static final String NAMESPACE_OPERATIONS =
            "Admin privileges (DBA or System role) required for namespace operations";
    public static final String STORAGE_OPERATIONS =
            "Admin privileges (DBA or System role) required for storage operations";
    public static final String USER_MANAGEMENT =
            "Admin privileges (DBA or System role) required for user management";
    public static final String JOB_MANAGEMENT =
            "Admin privileges (DBA or System role) required for job management";
    public static final String LIVE_QUERY_MANAGEMENT =
            "Admin privileges (DBA or System role) required for live query management";
    public static final String VIEW_MANAGEMENT =
            "Admin privileges (DBA or System role) required for view management";
    public static final String SHOW_MANIFEST =
            "Admin privileges (DBA or System role) required for SHOW MANIFEST";
    public static final String EXPLAIN =
            "Admin privileges (DBA or System role) required for EXPLAIN";
    public static final String TOPIC_MANAGEMENT =
            "Admin privileges (DBA or System role) required for topic management";
    public static final String BACKUP_OPERATIONS =
            "Admin privileges (DBA or System role) required for backup operations";
    public static final String DBA_CANNOT_GRANT_SYSTEM = "DBA cannot grant System role";
    public static final String DBA_CANNOT_MODIFY_SYSTEM_USERS = "DBA cannot modify System users";
    /** The guard's answer to a non-admin INSERT/UPDATE/DELETE on {@code system.*}. */
    public static final String SYSTEM_TABLE_WRITE_DENIED =
            "Access denied: system tables require the dba or system role";

    private RolePolicy() {
    }

    /** Throws {@code PERMISSION_DENIED} with {@code operationMessage} unless {@code caller} is dba or system. */
    public static void requireAdmin(Role caller, String operationMessage) {
        if (!caller.isAdmin()) {
            throw KalamDbException.permissionDenied(operationMessage);
        }
    }

    /** CREATE USER: admins only, and only a system caller may create a system user. */
    public static void checkCreateUser(Role caller, Role newRole) {
        requireAdmin(caller, USER_MANAGEMENT);
        if (caller == Role.DBA && newRole == Role.SYSTEM) {
            throw KalamDbException.permissionDenied(DBA_CANNOT_GRANT_SYSTEM);
        }
    }

    /**
     * ALTER USER (any change) and DROP USER: admins only, oneself included; a dba may neither touch a user whose
     * stored role is system nor grant the system role. {@code newRoleOrNull} is the role of {@code SET ROLE},
     * else {@code null}.
     */
    public static void checkAlterOrDropUser(Role caller, Role targetStoredRole, Role newRoleOrNull) {
        requireAdmin(caller, USER_MANAGEMENT);
        if (caller == Role.DBA) {
            if (targetStoredRole == Role.SYSTEM) {
                throw KalamDbException.permissionDenied(DBA_CANNOT_MODIFY_SYSTEM_USERS);
            }
            if (newRoleOrNull == Role.SYSTEM) {
                throw KalamDbException.permissionDenied(DBA_CANNOT_GRANT_SYSTEM);
            }
        }
    }

    /** CREATE TABLE of any type: every role but user. */
    public static void checkCreateTable(Role caller) {
        if (caller == Role.USER) {
            throw KalamDbException.permissionDenied("Role 'user' cannot create tables");
        }
    }

    /** ALTER TABLE of any type, SET ACCESS LEVEL included: every role but user. */
    public static void checkAlterTable(Role caller) {
        if (caller == Role.USER) {
            throw KalamDbException.permissionDenied("Role 'user' cannot alter tables");
        }
    }

    /** DROP TABLE: dba and system only. */
    public static void checkDropTable(Role caller) {
        if (!caller.isAdmin()) {
            throw KalamDbException.permissionDenied("Role '" + caller.wireName() + "' cannot drop tables");
        }
    }

    /**
     * STORAGE FLUSH / COMPACT: every role but user. {@code statement} is the statement's name as the message
     * shows it, for example {@code STORAGE FLUSH TABLE} or {@code STORAGE COMPACT ALL}.
     */
    public static void checkStorageMaintenance(Role caller, String statement) {
        if (caller == Role.USER) {
            throw KalamDbException.permissionDenied(statement + " requires Service, DBA, or System role");
        }
    }

    /** CONSUME and ACK: every role but user. {@code verb} is {@code CONSUME} or {@code ACK}. */
    public static void checkConsume(Role caller, String verb) {
        if (caller == Role.USER) {
            throw KalamDbException.permissionDenied(verb + " requires Service, DBA, or System role");
        }
    }

    /** Whether {@code caller} may read a SHARED table of {@code level} (auth.md §8). */
    public static boolean canReadShared(Role caller, AccessLevel level) {
        if (caller.isAdmin()) {
            return true;
        }
        switch (level) {
            case PUBLIC: return true;
            case PRIVATE:
            case RESTRICTED: return caller == Role.SERVICE;
            default: return false;
        }
    }

    /** Whether {@code caller} may write a SHARED table of {@code level} (auth.md §8); role user never may. */
    public static boolean canWriteShared(Role caller, AccessLevel level) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller == Role.SERVICE && level != AccessLevel.DBA;
    }

    /** Throws the §8 refusal unless {@code caller} may read {@code table}. */
    public static void checkReadShared(Role caller, AccessLevel level, TableId table) {
        if (!canReadShared(caller, level)) {
            throw KalamDbException.permissionDenied(sharedDenied(caller, "read", table, level));
        }
    }

    /** Throws the §8 refusal unless {@code caller} may write {@code table}. */
    public static void checkWriteShared(Role caller, AccessLevel level, TableId table) {
        if (!canWriteShared(caller, level)) {
            throw KalamDbException.permissionDenied(sharedDenied(caller, "write", table, level));
        }
    }

    /**
     * Whether an actor may run {@code EXECUTE AS USER} for a target (auth.md §9). {@code targetRole} is the
     * target's stored role; a missing or soft-deleted target counts as role user. Role user may only target
     * itself.
     */
    public static boolean canExecuteAs(UserId actor, Role actorRole, UserId target, Role targetRole) {
        if (actorRole == Role.USER) {
            return actor.equals(target);
        }
        return targetRole.ordinal() <= actorRole.ordinal();
    }

    /** Throws the §9 refusal unless {@link #canExecuteAs} allows it. */
    public static void checkExecuteAs(UserId actor, Role actorRole, UserId target, Role targetRole) {
        if (!canExecuteAs(actor, actorRole, target, targetRole)) {
            throw KalamDbException.permissionDenied("EXECUTE AS USER is not authorized: actor '" + actor
                    + "' with role " + actorRole.wireName() + " cannot target '" + target + "' with role "
                    + targetRole.wireName());
        }
    }

    /** The system-table guard's refusal for a read of {@code systemTable} by a non-admin (auth.md §10). */
    public static String systemTableReadDenied(Role caller, TableId systemTable) {
        return "Access denied: Role '" + caller.wireName() + "' cannot access table '" + systemTable
                + "'. System tables require 'dba' or 'system' role.";
    }

    private static String sharedDenied(Role caller, String action, TableId table, AccessLevel level) {
        return "Permission denied: role '" + caller.wireName() + "' cannot " + action + " shared table '" + table
                + "' (access level " + level.wireName() + ")";
    }
}
