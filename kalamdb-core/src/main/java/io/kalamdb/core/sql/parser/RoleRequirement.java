package io.kalamdb.core.sql.parser;

import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;

/**
 * A statement-level RBAC rule (spec auth.md §7): the least role allowed and the exact refusal message, in which
 * {@code {role}} stands for the caller's role.
 */
public record RoleRequirement(Role minimum, String deniedMessage) {
    public static final RoleRequirement ANY = new RoleRequirement(Role.USER, "");

    public static final String ADMIN_NAMESPACE = RolePolicy.NAMESPACE_OPERATIONS;
    public static final String ADMIN_STORAGE = RolePolicy.STORAGE_OPERATIONS;
    public static final String ADMIN_USER = RolePolicy.USER_MANAGEMENT;
    public static final String ADMIN_JOB = RolePolicy.JOB_MANAGEMENT;
    public static final String ADMIN_LIVE = RolePolicy.LIVE_QUERY_MANAGEMENT;
    public static final String ADMIN_VIEW = RolePolicy.VIEW_MANAGEMENT;
    public static final String ADMIN_MANIFEST = RolePolicy.SHOW_MANIFEST;
    public static final String ADMIN_EXPLAIN = RolePolicy.EXPLAIN;
    public static final String ADMIN_TOPIC = RolePolicy.TOPIC_MANAGEMENT;
    public static final String ADMIN_BACKUP = RolePolicy.BACKUP_OPERATIONS;

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
