package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.UserId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RolePolicyTest {
    private static final Role[] ROLES = Role.values();

    private static void denied(String message, Executable check) {
        KalamDbException e = assertThrows(KalamDbException.class, check);
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertEquals(message, e.getMessage());
        assertTrue(e.isPreserved());
    }

    @Test
    void requireAdminAllowsDbaAndSystemOnly() {
        for (String message : new String[]{RolePolicy.NAMESPACE_OPERATIONS, RolePolicy.STORAGE_OPERATIONS,
                RolePolicy.JOB_MANAGEMENT, RolePolicy.LIVE_QUERY_MANAGEMENT, RolePolicy.VIEW_MANAGEMENT,
                RolePolicy.SHOW_MANIFEST, RolePolicy.EXPLAIN, RolePolicy.TOPIC_MANAGEMENT,
                RolePolicy.BACKUP_OPERATIONS}) {
            denied(message, () -> RolePolicy.requireAdmin(Role.USER, message));
            denied(message, () -> RolePolicy.requireAdmin(Role.SERVICE, message));
            assertDoesNotThrow(() -> RolePolicy.requireAdmin(Role.DBA, message));
            assertDoesNotThrow(() -> RolePolicy.requireAdmin(Role.SYSTEM, message));
        }
    }

    @Test
    void refusalMessagesAreExact() {
        assertEquals("Admin privileges (DBA or System role) required for namespace operations",
                RolePolicy.NAMESPACE_OPERATIONS);
        assertEquals("Admin privileges (DBA or System role) required for storage operations",
                RolePolicy.STORAGE_OPERATIONS);
        assertEquals("Admin privileges (DBA or System role) required for user management",
                RolePolicy.USER_MANAGEMENT);
        assertEquals("Admin privileges (DBA or System role) required for job management", RolePolicy.JOB_MANAGEMENT);
        assertEquals("Admin privileges (DBA or System role) required for live query management",
                RolePolicy.LIVE_QUERY_MANAGEMENT);
        assertEquals("Admin privileges (DBA or System role) required for view management",
                RolePolicy.VIEW_MANAGEMENT);
        assertEquals("Admin privileges (DBA or System role) required for SHOW MANIFEST", RolePolicy.SHOW_MANIFEST);
        assertEquals("Admin privileges (DBA or System role) required for EXPLAIN", RolePolicy.EXPLAIN);
        assertEquals("Admin privileges (DBA or System role) required for topic management",
                RolePolicy.TOPIC_MANAGEMENT);
        assertEquals("Admin privileges (DBA or System role) required for backup operations",
                RolePolicy.BACKUP_OPERATIONS);
    }

    @Test
    void createUserMatrix() {
        for (Role newRole : ROLES) {
            denied(RolePolicy.USER_MANAGEMENT, () -> RolePolicy.checkCreateUser(Role.USER, newRole));
            denied(RolePolicy.USER_MANAGEMENT, () -> RolePolicy.checkCreateUser(Role.SERVICE, newRole));
            assertDoesNotThrow(() -> RolePolicy.checkCreateUser(Role.SYSTEM, newRole));
            if (newRole == Role.SYSTEM) {
                denied("DBA cannot grant System role", () -> RolePolicy.checkCreateUser(Role.DBA, newRole));
            } else {
                assertDoesNotThrow(() -> RolePolicy.checkCreateUser(Role.DBA, newRole));
            }
        }
    }

    @Test
    void alterAndDropUserMatrix() {
        for (Role target : ROLES) {
            for (Role newRole : new Role[]{null, Role.USER, Role.SERVICE, Role.DBA, Role.SYSTEM}) {
                denied(RolePolicy.USER_MANAGEMENT, () -> RolePolicy.checkAlterOrDropUser(Role.USER, target, newRole));
                denied(RolePolicy.USER_MANAGEMENT,
                        () -> RolePolicy.checkAlterOrDropUser(Role.SERVICE, target, newRole));
                assertDoesNotThrow(() -> RolePolicy.checkAlterOrDropUser(Role.SYSTEM, target, newRole));
                if (target == Role.SYSTEM) {
                    denied("DBA cannot modify System users",
                            () -> RolePolicy.checkAlterOrDropUser(Role.DBA, target, newRole));
                } else if (newRole == Role.SYSTEM) {
                    denied("DBA cannot grant System role",
                            () -> RolePolicy.checkAlterOrDropUser(Role.DBA, target, newRole));
                } else {
                    assertDoesNotThrow(() -> RolePolicy.checkAlterOrDropUser(Role.DBA, target, newRole));
                }
            }
        }
    }

    @Test
    void tableDdlMatrix() {
        denied("Role 'user' cannot create tables", () -> RolePolicy.checkCreateTable(Role.USER));
        denied("Role 'user' cannot alter tables", () -> RolePolicy.checkAlterTable(Role.USER));
        denied("Role 'user' cannot drop tables", () -> RolePolicy.checkDropTable(Role.USER));
        denied("Role 'service' cannot drop tables", () -> RolePolicy.checkDropTable(Role.SERVICE));
        for (Role r : new Role[]{Role.SERVICE, Role.DBA, Role.SYSTEM}) {
            assertDoesNotThrow(() -> RolePolicy.checkCreateTable(r));
            assertDoesNotThrow(() -> RolePolicy.checkAlterTable(r));
        }
        assertDoesNotThrow(() -> RolePolicy.checkDropTable(Role.DBA));
        assertDoesNotThrow(() -> RolePolicy.checkDropTable(Role.SYSTEM));
    }

    @Test
    void storageMaintenanceAndConsume() {
        denied("STORAGE FLUSH TABLE requires Service, DBA, or System role",
                () -> RolePolicy.checkStorageMaintenance(Role.USER, "STORAGE FLUSH TABLE"));
        denied("STORAGE COMPACT ALL requires Service, DBA, or System role",
                () -> RolePolicy.checkStorageMaintenance(Role.USER, "STORAGE COMPACT ALL"));
        denied("ACK requires Service, DBA, or System role", () -> RolePolicy.checkConsume(Role.USER, "ACK"));
        for (Role r : new Role[]{Role.SERVICE, Role.DBA, Role.SYSTEM}) {
            assertDoesNotThrow(() -> RolePolicy.checkStorageMaintenance(r, "STORAGE FLUSH ALL"));
            assertDoesNotThrow(() -> RolePolicy.checkConsume(r, "CONSUME"));
        }
    }

    @Test
    void sharedAccessLevels() {
        Set<Role> readPublic = EnumSet.allOf(Role.class);
        Set<Role> readPrivate = EnumSet.of(Role.SERVICE, Role.DBA, Role.SYSTEM);
        Set<Role> admins = EnumSet.of(Role.DBA, Role.SYSTEM);
        for (Role r : ROLES) {
            assertEquals(readPublic.contains(r), RolePolicy.canReadShared(r, AccessLevel.PUBLIC));
            assertEquals(readPrivate.contains(r), RolePolicy.canReadShared(r, AccessLevel.PRIVATE));
            assertEquals(readPrivate.contains(r), RolePolicy.canReadShared(r, AccessLevel.RESTRICTED));
            assertEquals(admins.contains(r), RolePolicy.canReadShared(r, AccessLevel.DBA));
            for (AccessLevel level : new AccessLevel[]{AccessLevel.PUBLIC, AccessLevel.PRIVATE,
                    AccessLevel.RESTRICTED}) {
                assertEquals(readPrivate.contains(r), RolePolicy.canWriteShared(r, level));
            }
            assertEquals(admins.contains(r), RolePolicy.canWriteShared(r, AccessLevel.DBA));
        }
        TableId t = TableId.of("ns", "t");
        denied("Permission denied: role 'user' cannot read shared table 'ns.t' (access level private)",
                () -> RolePolicy.checkReadShared(Role.USER, AccessLevel.PRIVATE, t));
        denied("Permission denied: role 'user' cannot write shared table 'ns.t' (access level public)",
                () -> RolePolicy.checkWriteShared(Role.USER, AccessLevel.PUBLIC, t));
        denied("Permission denied: role 'service' cannot read shared table 'ns.t' (access level dba)",
                () -> RolePolicy.checkReadShared(Role.SERVICE, AccessLevel.DBA, t));
    }

    @Test
    void executeAsMatrix() {
        UserId actor = new UserId("actor");
        UserId target = new UserId("target");
        for (Role actorRole : ROLES) {
            for (Role targetRole : ROLES) {
                boolean expected;
                switch (actorRole) {
                    case SYSTEM: expected = true; break;
                    case DBA: expected = targetRole != Role.SYSTEM; break;
                    case SERVICE: expected = targetRole == Role.SERVICE || targetRole == Role.USER; break;
                    default: expected = false;
                }
                assertEquals(expected, RolePolicy.canExecuteAs(actor, actorRole, target, targetRole),
                        actorRole + " -> " + targetRole);
            }
        }
        assertTrue(RolePolicy.canExecuteAs(actor, Role.USER, actor, Role.USER), "role user may target itself");
        assertFalse(RolePolicy.canExecuteAs(actor, Role.USER, target, Role.USER));
        denied("EXECUTE AS USER is not authorized: actor 'svc' with role service cannot target 'boss' with role dba",
                () -> RolePolicy.checkExecuteAs(new UserId("svc"), Role.SERVICE, new UserId("boss"), Role.DBA));
    }

    @Test
    void systemTableMessages() {
        assertEquals("Access denied: Role 'user' cannot access table 'system.users'. System tables require 'dba' "
                + "or 'system' role.", RolePolicy.systemTableReadDenied(Role.USER, TableId.of("system", "users")));
        assertEquals("Access denied: system tables require the dba or system role",
                RolePolicy.SYSTEM_TABLE_WRITE_DENIED);
    }
}
