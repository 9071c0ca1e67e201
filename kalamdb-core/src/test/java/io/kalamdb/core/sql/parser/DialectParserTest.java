package io.kalamdb.core.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.parser.KalamStatement.AlterNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.AlterUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.CreateUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateView;
import io.kalamdb.core.sql.parser.KalamStatement.Dml;
import io.kalamdb.core.sql.parser.KalamStatement.Explain;
import io.kalamdb.core.sql.parser.KalamStatement.KillJob;
import io.kalamdb.core.sql.parser.KalamStatement.Query;
import io.kalamdb.core.sql.parser.KalamStatement.DropNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.DropUser;
import io.kalamdb.core.sql.parser.KalamStatement.Unavailable;
import io.kalamdb.core.sql.parser.KalamStatement.UseNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.UserChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialectParserTest {

    @Test
    void namespaceStatements() {
        CreateNamespace c = assertInstanceOf(CreateNamespace.class,
                DialectParser.parse("create namespace if not exists App"));
        assertEquals("App", c.name());
        assertTrue(c.ifNotExists());
        DropNamespace d = assertInstanceOf(DropNamespace.class, DialectParser.parse("DROP NAMESPACE IF EXISTS app CASCADE"));
        assertTrue(d.ifExists());
        AlterNamespace a = assertInstanceOf(AlterNamespace.class,
                DialectParser.parse("ALTER NAMESPACE app SET OPTIONS (owner = 'ops', max = 10, ratio = -1.5, on = true)"));
        assertEquals(Map.of("owner", "ops", "max", 10L, "ratio", -1.5, "on", true), a.options());
        AlterNamespace desc = assertInstanceOf(AlterNamespace.class,
                DialectParser.parse("ALTER NAMESPACE app SET DESCRIPTION 'Chat app'"));
        assertEquals(Map.of("description", "Chat app"), desc.options());
        assertEquals("x", assertInstanceOf(UseNamespace.class, DialectParser.parse("USE NAMESPACE x")).name());
        assertEquals("x", assertInstanceOf(UseNamespace.class, DialectParser.parse("SET NAMESPACE x")).name());
        assertEquals("x", assertInstanceOf(UseNamespace.class, DialectParser.parse("use \"x\"")).name());
    }

    @Test
    void userStatements() {
        CreateUser c = assertInstanceOf(CreateUser.class, DialectParser.parse(
                "CREATE USER 'john.doe@x.io' WITH PASSWORD 'it''s-S3cret' ROLE 'developer' EMAIL 'j@x.io'"));
        assertEquals("john.doe@x.io", c.name());
        assertEquals("it's-S3cret", c.password());
        assertEquals("developer", c.roleToken());
        assertEquals("j@x.io", c.email());
        assertFalse(c.oauth());
        CreateUser bare = assertInstanceOf(CreateUser.class,
                DialectParser.parse("CREATE USER john.doe-2@x.io WITH PASSWORD 'pw' ROLE user"));
        assertEquals("john.doe-2@x.io", bare.name());
        CreateUser oauth = assertInstanceOf(CreateUser.class,
                DialectParser.parse("CREATE USER IF NOT EXISTS g WITH OAUTH '{\"provider\":\"google\"}' ROLE viewer"));
        assertTrue(oauth.oauth());
        assertTrue(oauth.ifNotExists());
        assertNull(oauth.password());
        AlterUser role = assertInstanceOf(AlterUser.class, DialectParser.parse("ALTER USER bob SET ROLE dba"));
        assertEquals(UserChange.ROLE, role.change());
        assertEquals("dba", role.value());
        DropUser drop = assertInstanceOf(DropUser.class, DialectParser.parse("DROP USER IF EXISTS \"bob\""));
        assertTrue(drop.ifExists());
        assertEquals("bob", drop.name());
    }

    @Test
    void laterStatementsAreClassifiedWithTheirNameAndRoleRule() {
        assertInstanceOf(Query.class, DialectParser.parse("SELECT * FROM t"));
        assertInstanceOf(Query.class, DialectParser.parse("  -- c\n WITH x AS (SELECT 1) SELECT * FROM x"));
        assertInstanceOf(Query.class, DialectParser.parse("(SELECT 1) UNION (SELECT 2)"));
        assertEquals("INSERT", assertInstanceOf(Dml.class, DialectParser.parse("insert INTO t VALUES ($1)")).kind());
        assertEquals("SELECT 1", assertInstanceOf(Explain.class, DialectParser.parse("EXPLAIN ANALYZE SELECT 1"))
                .querySql());
        assertEquals("x-1", assertInstanceOf(KillJob.class, DialectParser.parse("KILL JOB 'x-1'")).jobId());
        CreateView v = assertInstanceOf(CreateView.class,
                DialectParser.parse("CREATE OR REPLACE VIEW app.v (a, b) AS SELECT 1, 2"));
        assertEquals("SELECT 1, 2", v.querySql());
        assertEquals(List.of("a", "b"), v.columns());
        assertTrue(v.orReplace());
        assertUnavailable("STORAGE FLUSH TABLE app.t", "STORAGE FLUSH TABLE", Role.SERVICE);
        assertUnavailable("STORAGE COMPACT ALL IN app", "STORAGE COMPACT ALL", Role.SERVICE);
        assertUnavailable("KILL LIVE QUERY 'x'", "KILL LIVE QUERY", Role.DBA);
        assertUnavailable("BEGIN", "BEGIN", Role.USER);
        assertUnavailable("START TRANSACTION", "START TRANSACTION", Role.USER);
        assertUnavailable("CONSUME FROM t", "CONSUME", Role.SERVICE);
        assertUnavailable("BACKUP DATABASE TO '/tmp/x'", "BACKUP DATABASE", Role.DBA);
        assertUnavailable("SHOW MANIFEST", "SHOW MANIFEST", Role.DBA);
    }

    @Test
    void roleRefusalsUseTheContractMessages() {
        KalamStatement drop = DialectParser.parse("DROP TABLE app.t");
        KalamDbException e = assertThrows(KalamDbException.class, () -> drop.requirement().check(Role.SERVICE));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertEquals("Role 'service' cannot drop tables", e.getMessage());
        KalamDbException explain = assertThrows(KalamDbException.class,
                () -> DialectParser.parse("EXPLAIN SELECT 1").requirement().check(Role.USER));
        assertEquals("Admin privileges (DBA or System role) required for EXPLAIN", explain.getMessage());
        KalamDbException flush = assertThrows(KalamDbException.class,
                () -> DialectParser.parse("STORAGE FLUSH TABLE t").requirement().check(Role.USER));
        assertEquals("STORAGE FLUSH TABLE requires Service, DBA, or System role", flush.getMessage());
    }

    @Test
    void parametersAreRefusedOutsideDml() {
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> DialectParser.parse("CREATE USER a WITH PASSWORD $1 ROLE user"));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertEquals("Parameters are only supported for SELECT, INSERT, UPDATE and DELETE", e.getMessage());
    }

    @Test
    void unknownStatementsAndSyntaxErrorsAreInvalidSql() {
        KalamDbException e = assertThrows(KalamDbException.class, () -> DialectParser.parse("FROBNICATE the thing now"));
        assertEquals(ErrorCode.INVALID_SQL, e.code());
        assertEquals("Unsupported statement: FROBNICATE", e.getMessage());
        assertEquals("Unsupported statement: TRUNCATE TABLE",
                assertThrows(KalamDbException.class, () -> DialectParser.parse("TRUNCATE TABLE app.items")).getMessage());
        assertEquals("Unsupported statement: CREATE INDEX", assertThrows(KalamDbException.class,
                () -> DialectParser.parse("CREATE INDEX i ON app.items (name)")).getMessage());
        assertEquals("Unsupported statement: create unique index", assertThrows(KalamDbException.class,
                () -> DialectParser.parse("create unique index i on t (c)")).getMessage());
        KalamDbException syntax = assertThrows(KalamDbException.class,
                () -> DialectParser.parse("CREATE USER bob WITH PASSWORD 'x'"));
        assertEquals(ErrorCode.INVALID_SQL, syntax.code());
        assertEquals("Syntax error at position 34: expected ROLE but found end of input", syntax.getMessage());
        KalamDbException trailing = assertThrows(KalamDbException.class,
                () -> DialectParser.parse("CREATE NAMESPACE a b"));
        assertEquals("Syntax error at position 20: unexpected 'b' after the end of the statement", trailing.getMessage());
    }

    private static void assertUnavailable(String sql, String name, Role minimum) {
        Unavailable u = assertInstanceOf(Unavailable.class, DialectParser.parse(sql));
        assertEquals(name, u.name());
        assertEquals(minimum, u.requirement().minimum());
    }
}
