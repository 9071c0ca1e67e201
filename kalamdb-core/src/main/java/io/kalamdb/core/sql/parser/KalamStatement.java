package io.kalamdb.core.sql.parser;

import java.util.List;
import java.util.Map;

/** A parsed statement of KalamDB's dialect. Each kind is one record. */
public interface KalamStatement {
    /** The statement-level RBAC rule, checked before any other work. */
    RoleRequirement requirement();

    /** {@code CREATE NAMESPACE [IF NOT EXISTS] ns}. */
    record CreateNamespace(String name, boolean ifNotExists) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_NAMESPACE);
        }
    }

    /** {@code ALTER NAMESPACE ns SET OPTIONS (…)} and {@code SET DESCRIPTION '…'} (as option {@code description}). */
    record AlterNamespace(String name, Map<String, Object> options) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_NAMESPACE);
        }
    }

    /** {@code DROP NAMESPACE [IF EXISTS] ns [CASCADE]}. */
    record DropNamespace(String name, boolean ifExists) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_NAMESPACE);
        }
    }

    /** {@code SHOW NAMESPACES}. */
    record ShowNamespaces() implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.ANY;
        }
    }

    /** {@code USE ns}, {@code USE NAMESPACE ns}, {@code SET NAMESPACE ns}. */
    record UseNamespace(String name) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.ANY;
        }
    }

    /**
     * {@code CREATE USER [IF NOT EXISTS] name WITH PASSWORD 'pw' | WITH OAUTH ['json'] ROLE role [EMAIL 'e']}.
     * {@code password} is null for OAuth users.
     */
    record CreateUser(String name, boolean ifNotExists, String password, boolean oauth, String oauthData,
                      String roleToken, String email) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_USER);
        }
    }

    /** {@code ALTER USER name SET PASSWORD|ROLE|EMAIL value}. */
    record AlterUser(String name, UserChange change, String value) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_USER);
        }
    }

    /** What an ALTER USER changes. */
    enum UserChange { PASSWORD, ROLE, EMAIL }

    /** {@code DROP USER [IF EXISTS] name}. */
    record DropUser(String name, boolean ifExists) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_USER);
        }
    }

    /** A query (SELECT, WITH, VALUES) run through Calcite. */
    record Query(String sql) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.ANY;
        }
    }

    /** INSERT, UPDATE or DELETE ({@code kind} is the leading keyword in upper case). */
    record Dml(String sql, String kind) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.ANY;
        }
    }

    /** {@code EXPLAIN [ANALYZE] <query>}; {@code querySql} is the explained query. */
    record Explain(String querySql) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_EXPLAIN);
        }
    }

    /** {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] [ns.]v [(c1, …)] AS <select>}. */
    record CreateView(String namespace, String name, boolean orReplace, boolean ifNotExists, List<String> columns,
                      String querySql) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_VIEW);
        }
    }

    /** {@code KILL JOB 'id'}. */
    record KillJob(String jobId) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.admin(RoleRequirement.ADMIN_JOB);
        }
    }

    /** {@code SHOW STATS FOR TABLE [ns.]t}. */
    record ShowStats(String namespace, String table) implements KalamStatement {
        @Override
        public RoleRequirement requirement() {
            return RoleRequirement.ANY;
        }
    }

    /**
     * A statement of the contract whose subsystem is not built yet: it is role-checked, then answered
     * {@code NOT_IMPLEMENTED "<name> is not available in this version"} (spec README principle 6).
     */
    record Unavailable(String name, RoleRequirement requirement) implements KalamStatement {
    }
}
