package io.kalamdb.core.sql.parser;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;

/**
 * A statement-level RBAC rule (spec auth.md §7): the least role allowed and the exact refusal message, in which
 * {@code {role}} stands for the caller's role.
 */
public record RoleRequirement(Role minimum, String deniedMessage) {
    public static final RoleRequirement ANY = new RoleRequirement(Role.USER, "");

    public static final String ADMIN_NAMESPACE = "Admin privileges (DBA or System role) required for namespace operations";
    public static final String ADMIN_STORAGE = "Admin privileges (DBA or System role) required for storage operations";
    public static final String ADMIN_USER = "Admin privileges (DBA or System role) required for user management";
    public static final String ADMIN_JOB = "Admin privileges (DBA or System role) required for job management";
    public static final String ADMIN_LIVE = "Admin privileges (DBA or System role) required for live query management";
    public static final String ADMIN_VIEW = "Admin privileges (DBA or System role) required for view management";
    public static final String ADMIN_MANIFEST = "Admin privileges (DBA or System role) required for SHOW MANIFEST";
    public static final String ADMIN_EXPLAIN = "Admin privileges (DBA or System role) required for EXPLAIN";
    public static final String ADMIN_TOPIC = "Admin privileges (DBA or System role) required for topic management";
    public static final String ADMIN_BACKUP = "Admin privileges (DBA or System role) required for backup operations";

    public static RoleRequirement admin(String message) {
        return new RoleRequirement(Role.DBA, message);
    }

    public static RoleRequirement service(String message) {
        return new RoleRequirement(Role.SERVICE, message);
    }

    /** Throws {@code PERMISSION_DENIED} when {@code caller} is below the minimum role. */
    public void check(Role caller) {
        if (caller.ordinal() < minimum.ordinal()) {
            throw KalamDbException.permissionDenied(deniedMessage.replace("{role}", caller.wireName()));
        }
    }
}
