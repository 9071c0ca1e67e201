package io.kalamdb.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.FlushPolicy;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.sql.StatementResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateTableHandlerTest {
    @TempDir
    Path dir;
    private DdlFixture f;

    @BeforeEach
    void open() {
        f = new DdlFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void userTableWithTheSpecExample() {
        String message = f.message("CREATE TABLE app.messages (\n"
                + "  id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(),\n"
                + "  conversation_id BIGINT NOT NULL,\n"
                + "  content TEXT NOT NULL,\n"
                + "  metadata JSON,\n"
                + "  created_by TEXT DEFAULT CURRENT_USER(),\n"
                + "  created_at TIMESTAMP DEFAULT NOW()\n"
                + ") WITH (TYPE = 'USER', FLUSH_POLICY = 'rows:1000,interval:300')");
        assertEquals("Table app.messages created successfully (user)", message);
        TableDefinition def = f.table("app", "messages");
        assertEquals(TableType.USER, def.tableType());
        assertEquals(1, def.schemaVersion());
        assertEquals(9, def.nextColumnId());
        assertEquals(new TableOptions("local", new FlushPolicy(1000L, 300L), 168L, null, false, null), def.options());
        List<ColumnDefinition> c = def.columns();
        assertEquals(8, c.size());
        assertEquals(new ColumnDefinition(1, "id", 1, KalamDataType.BIG_INT, false, true,
                ColumnDefault.function("SNOWFLAKE_ID"), null), c.get(0));
        assertEquals(new ColumnDefinition(2, "conversation_id", 2, KalamDataType.BIG_INT, false, false, null, null),
                c.get(1));
        assertTrue(c.get(3).isNullable());
        assertEquals(KalamDataType.JSON, c.get(3).dataType());
        assertEquals(ColumnDefault.function("CURRENT_USER"), c.get(4).defaultValue());
        assertEquals(ColumnDefault.function("NOW"), c.get(5).defaultValue());
        assertEquals(new ColumnDefinition(7, "_seq", 7, KalamDataType.BIG_INT, false, false, null, null), c.get(6));
        assertEquals(new ColumnDefinition(8, "_deleted", 8, KalamDataType.BOOLEAN, false, false,
                ColumnDefault.literal(false), null), c.get(7));
        assertEquals(def.createdAt(), def.updatedAt());
        assertTrue(def.tableUid() > 0);
    }

    @Test
    void sharedIsTheDefaultTypeAndGetsPrivateAccess() {
        assertEquals("Table default.items created successfully (shared)",
                f.message("CREATE TABLE Items (Id INT PRIMARY KEY, Name TEXT)"));
        TableDefinition def = f.table("default", "items");
        assertEquals(TableType.SHARED, def.tableType());
        assertEquals("Id", def.columns().get(0).columnName());
        assertEquals(new TableOptions("local", null, 168L, AccessLevel.PRIVATE, null, null), def.options());
        assertEquals("Table app.pub created successfully (shared)", f.message(
                "CREATE SHARED TABLE app.pub (id TEXT PRIMARY KEY) WITH (ACCESS_LEVEL = public, "
                        + "DELETED_RETENTION_HOURS = '0', FLUSH_POLICY = 'INTERVAL:60')"));
        assertEquals(new TableOptions("local", new FlushPolicy(null, 60L), 0L, AccessLevel.PUBLIC, null, null),
                f.table("app", "pub").options());
    }

    @Test
    void streamTablesNeedTtlAndMayHaveNoPrimaryKey() {
        assertEquals("Table app.events created successfully (stream)",
                f.message("CREATE STREAM TABLE app.events (kind TEXT, payload JSON) WITH (TTL_SECONDS = 60)"));
        TableDefinition def = f.table("app", "events");
        assertEquals(new TableOptions(null, null, null, null, null, 60L), def.options());
        assertNull(def.primaryKey());
        assertEquals(List.of("kind", "payload", "_seq", "_deleted"),
                def.columns().stream().map(ColumnDefinition::columnName).toList());
        assertEquals("Table app.ev2 created successfully (stream)", f.message(
                "CREATE TABLE app.ev2 (id BIGINT PRIMARY KEY) WITH (type = 'stream', ttl_seconds = '31536000')"));
        assertFalse(f.table("app", "ev2").columns().get(0).isNullable());
        assertEquals("STREAM tables must specify 'TTL_SECONDS'",
                f.userError("CREATE STREAM TABLE app.e3 (k TEXT)"));
        assertEquals("Invalid TTL_SECONDS", f.userError("CREATE STREAM TABLE app.e3 (k TEXT) WITH (TTL_SECONDS = 0)"));
        assertEquals("Invalid TTL_SECONDS",
                f.userError("CREATE STREAM TABLE app.e3 (k TEXT) WITH (TTL_SECONDS = 31536001)"));
        assertEquals("Invalid TTL_SECONDS",
                f.userError("CREATE STREAM TABLE app.e3 (k TEXT) WITH (TTL_SECONDS = 'soon')"));
        assertEquals("STORAGE_ID is not supported for STREAM tables",
                f.userError("CREATE STREAM TABLE app.e3 (k TEXT) WITH (TTL_SECONDS = 5, STORAGE_ID = 'local')"));
        assertEquals("FLUSH_POLICY is not supported for STREAM tables",
                f.userError("CREATE STREAM TABLE app.e3 (k TEXT) WITH (TTL_SECONDS = 5, FLUSH_POLICY = 'rows:5')"));
    }

    @Test
    void tableTypeRules() {
        assertEquals("Table type 'SHARED' in WITH conflicts with CREATE USER TABLE",
                f.userError("CREATE USER TABLE app.t (id INT PRIMARY KEY) WITH (TYPE = 'shared')"));
        assertEquals("Cannot create SYSTEM tables via SQL",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY) WITH (TYPE = 'SYSTEM')"));
        assertEquals("Cannot create tables in the system namespace",
                f.userError("CREATE TABLE system.t (id INT PRIMARY KEY)"));
        assertEquals("Namespace 'nope' does not exist. Create it first with CREATE NAMESPACE nope",
                f.userError("CREATE TABLE Nope.t (id INT PRIMARY KEY)"));
        assertEquals("Table app.t created successfully (user)",
                f.message("CREATE USER TABLE app.t (id INT PRIMARY KEY) WITH (TYPE = 'User')"));
    }

    @Test
    void roleUserCannotCreateTables() {
        assertEquals("Role 'user' cannot create tables", f.error(ErrorCode.PERMISSION_DENIED,
                "CREATE USER TABLE app.t (id INT PRIMARY KEY)", f.exec(Role.USER)));
        StatementResult result = f.run("CREATE TABLE app.t (id INT PRIMARY KEY)", f.exec(Role.SERVICE));
        assertEquals(new StatementResult.Message(0, "Table app.t created successfully (shared)", "service"), result);
    }

    @Test
    void existingTablesAndViews() {
        f.message("CREATE TABLE app.t (id INT PRIMARY KEY)");
        long uid = f.table("app", "t").tableUid();
        assertEquals("Table app.t already exists", f.userError("CREATE TABLE App.T (id INT PRIMARY KEY)"));
        assertEquals("Table app.t already exists (IF NOT EXISTS)",
                f.message("CREATE TABLE IF NOT EXISTS app.t (other TEXT PRIMARY KEY)"));
        assertEquals(uid, f.table("app", "t").tableUid());
        f.ctx.schemas().putView(new ViewDefinition(TableId.of("app", "v"), List.of(), "SELECT 1", 1, 1));
        assertEquals("Table app.v already exists", f.userError("CREATE TABLE app.v (id INT PRIMARY KEY)"));
        assertEquals("Table app.v already exists (IF NOT EXISTS)",
                f.message("CREATE TABLE IF NOT EXISTS app.v (id INT PRIMARY KEY)"));
        f.message("CREATE TABLE app.t2 (id INT PRIMARY KEY)");
        assertTrue(f.table("app", "t2").tableUid() > uid);
    }

    @Test
    void createIsAudited() {
        f.message("CREATE TABLE app.t (id INT PRIMARY KEY) WITH (TYPE = 'STREAM', TTL_SECONDS = 10)");
        AuditEntry entry = f.ctx.auditLog().all().get(f.ctx.auditLog().all().size() - 1);
        assertEquals("CREATE_TABLE", entry.action());
        assertEquals("app.t", entry.target());
        assertEquals("root", entry.actorUserId());
        assertEquals("127.0.0.1", entry.ipAddress());
    }

    @Test
    void nameRules() {
        assertEquals("Name 'select' is a reserved SQL keyword and cannot be used",
                f.userError("CREATE TABLE app.select (id INT PRIMARY KEY)"));
        assertEquals("Name cannot start with underscore (reserved for system columns)",
                f.userError("CREATE TABLE app._t (id INT PRIMARY KEY)"));
        assertEquals("Name 'a-b' contains invalid characters (only alphanumeric and underscore allowed)",
                f.userError("CREATE TABLE app.\"a-b\" (id INT PRIMARY KEY)"));
        assertEquals("Column name '_seq' is reserved and cannot be used",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, _seq BIGINT)"));
        assertEquals("Column name '_ID' is reserved and cannot be used",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, _ID BIGINT)"));
        assertEquals("Name cannot start with underscore (reserved for system columns)",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, _x BIGINT)"));
        assertEquals("Name cannot start with a number",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, \"1x\" BIGINT)"));
        assertEquals("Name 'from' is a reserved SQL keyword and cannot be used",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, \"from\" BIGINT)"));
        assertEquals("Duplicate column name 'ID'. Column names are case-insensitive.",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, ID TEXT)"));
        assertEquals("Table must have at least one column", f.userError("CREATE TABLE app.t ()"));
    }

    @Test
    void primaryKeyRules() {
        assertEquals("User tables require a PRIMARY KEY column", f.userError("CREATE USER TABLE app.t (a INT)"));
        assertEquals("Shared tables require a PRIMARY KEY column", f.userError("CREATE TABLE app.t (a INT)"));
        assertEquals("Composite PRIMARY KEYs are not supported yet",
                f.userError("CREATE TABLE app.t (a INT, b INT, PRIMARY KEY (a, b))"));
        assertEquals("Multiple PRIMARY KEY definitions found",
                f.userError("CREATE TABLE app.t (a INT PRIMARY KEY, b INT PRIMARY KEY)"));
        assertEquals("Multiple PRIMARY KEY definitions found",
                f.userError("CREATE TABLE app.t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))"));
        assertEquals("PRIMARY KEY column 'x' not found in column list",
                f.userError("CREATE TABLE app.t (a INT, CONSTRAINT pk PRIMARY KEY (x))"));
        assertEquals("PRIMARY KEY column 'doc' cannot have type JSON",
                f.userError("CREATE TABLE app.t (doc JSON PRIMARY KEY)"));
        assertEquals("PRIMARY KEY column 'f' cannot have type DOUBLE",
                f.userError("CREATE TABLE app.t (f DOUBLE PRECISION PRIMARY KEY)"));
        f.message("CREATE TABLE app.t (a INT NULL, b TEXT, CONSTRAINT pk PRIMARY KEY (A))");
        ColumnDefinition a = f.table("app", "t").columns().get(0);
        assertTrue(a.isPrimaryKey());
        assertFalse(a.isNullable());
        for (String type : List.of("SMALLINT", "INT", "BIGINT", "TEXT", "UUID", "DATE", "TIMESTAMP", "DATETIME",
                "DECIMAL(10,2)")) {
            String name = "pk_" + type.replaceAll("[^A-Za-z]", "").toLowerCase();
            f.message("CREATE TABLE app." + name + " (k " + type + " PRIMARY KEY)");
        }
    }

    @Test
    void refusedConstraints() {
        assertEquals("UNIQUE constraints are not supported (only the PRIMARY KEY is unique)",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, e TEXT UNIQUE)"));
        assertEquals("UNIQUE constraints are not supported (only the PRIMARY KEY is unique)",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, e TEXT, UNIQUE (e))"));
        assertEquals("CHECK constraints are not supported",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY CHECK (id > 0))"));
        assertEquals("REFERENCES constraints are not supported",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, o INT REFERENCES app.o (id))"));
        assertEquals("FOREIGN KEY constraints are not supported",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, o INT, FOREIGN KEY (o) REFERENCES o (id))"));
        assertEquals("Role 'user' cannot create tables", f.error(ErrorCode.PERMISSION_DENIED,
                "CREATE TABLE app.t (id INT PRIMARY KEY, e TEXT UNIQUE)", f.exec(Role.USER)));
    }

    @Test
    void typesAndIdentity() {
        assertEquals("Unsupported SQL data type: TINYINT (use SMALLINT)",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n TINYINT)"));
        assertEquals("Unsupported SQL data type: INT UNSIGNED",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n INT UNSIGNED)"));
        assertEquals("Unsupported SQL data type: ENUM('A', 'B')",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n ENUM('a', 'b'))"));
        assertEquals("Unsupported SQL data type: DECIMAL(-1)",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n DECIMAL(-1))"));
        assertEquals("Unsupported SQL data type: INT[]",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n INT[])"));
        assertEquals("AUTO_INCREMENT requires an integer column",
                f.userError("CREATE TABLE app.t (id TEXT PRIMARY KEY AUTO_INCREMENT)"));
        f.message("CREATE TABLE app.t (a SERIAL PRIMARY KEY, b SMALLINT AUTO_INCREMENT, c INT AUTO INCREMENT, "
                + "d INT GENERATED ALWAYS AS IDENTITY, e BIGSERIAL, f DOUBLE PRECISION, g VARCHAR(20), "
                + "h DECIMAL(10,2), i TIMESTAMP WITH TIME ZONE, j EMBEDDING(3))");
        List<ColumnDefinition> c = f.table("app", "t").columns();
        for (int i = 0; i < 5; i++) {
            assertEquals(KalamDataType.BIG_INT, c.get(i).dataType(), c.get(i).columnName());
            assertEquals(ColumnDefault.function("SNOWFLAKE_ID"), c.get(i).defaultValue(), c.get(i).columnName());
        }
        assertEquals(KalamDataType.DOUBLE, c.get(5).dataType());
        assertEquals(KalamDataType.TEXT, c.get(6).dataType());
        assertEquals(KalamDataType.decimal(10, 2), c.get(7).dataType());
        assertEquals(KalamDataType.TIMESTAMP, c.get(8).dataType());
        assertEquals(KalamDataType.embedding(3), c.get(9).dataType());
    }

    @Test
    void defaultRules() {
        assertEquals("Unsupported DEFAULT expression 'md5(x)'",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, h TEXT DEFAULT md5(x))"));
        assertEquals("DEFAULT SNOWFLAKE_ID() requires a BIGINT column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY DEFAULT SNOWFLAKE_ID())"));
        assertEquals("DEFAULT UUID_V7() requires a TEXT or UUID column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, u BIGINT DEFAULT UUID_V7())"));
        assertEquals("DEFAULT ULID() requires a TEXT column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, u UUID DEFAULT ULID())"));
        assertEquals("DEFAULT NOW() requires a TIMESTAMP, DATETIME or DATE column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, u TEXT DEFAULT CURRENT_TIMESTAMP)"));
        assertEquals("DEFAULT CURRENT_DATE() requires a DATE column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, u TIMESTAMP DEFAULT CURRENT_DATE)"));
        assertEquals("DEFAULT CURRENT_USER() requires a TEXT column",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, u INT DEFAULT CURRENT_USER)"));
        assertEquals("Cannot convert 'yes' to BOOLEAN for column 'active'",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, active BOOLEAN DEFAULT 'yes')"));
        assertEquals("Value 40000 out of range for SMALLINT (column 'n')",
                f.userError("CREATE TABLE app.t (id INT PRIMARY KEY, n SMALLINT DEFAULT 40000)"));
        assertEquals("Column 'id' cannot have both a DEFAULT and AUTO_INCREMENT",
                f.userError("CREATE TABLE app.t (id BIGINT PRIMARY KEY DEFAULT 5 AUTO_INCREMENT)"));
        f.message("CREATE TABLE app.t (id UUID PRIMARY KEY DEFAULT UUID_V7(), s TEXT DEFAULT 'active', "
                + "n INT DEFAULT -1, d DOUBLE DEFAULT 1.5, b BOOLEAN DEFAULT 't', x TEXT DEFAULT NULL, "
                + "ts TIMESTAMP DEFAULT '2023-01-01 10:00:00', dt DATE DEFAULT CURRENT_DATE, "
                + "l TEXT DEFAULT ULID(), u TEXT DEFAULT CURRENT_USER, dtt DATETIME DEFAULT NOW)");
        List<ColumnDefinition> c = f.table("app", "t").columns();
        assertEquals("UUID_V7()", c.get(0).defaultValue().describe());
        assertEquals("'active'", c.get(1).defaultValue().describe());
        assertEquals("-1", c.get(2).defaultValue().describe());
        assertEquals(new BigDecimal("1.5").doubleValue(), ((Number) c.get(3).defaultValue().literal()).doubleValue());
        assertEquals("'t'", c.get(4).defaultValue().describe());
        assertEquals("NULL", c.get(5).defaultValue().describe());
        assertEquals("'2023-01-01 10:00:00'", c.get(6).defaultValue().describe());
        assertEquals("CURRENT_DATE()", c.get(7).defaultValue().describe());
        assertEquals("ULID()", c.get(8).defaultValue().describe());
        assertEquals("CURRENT_USER()", c.get(9).defaultValue().describe());
        assertEquals("NOW()", c.get(10).defaultValue().describe());
    }

    @Test
    void withOptionRules() {
        String t = "CREATE TABLE app.t (id INT PRIMARY KEY) WITH ";
        assertEquals("Storage 'nowhere' does not exist", f.userError(t + "(STORAGE_ID = 'nowhere')"));
        assertEquals("Storage 'a/b' does not exist", f.userError(t + "(STORAGE_ID = 'a/b')"));
        assertEquals("FLUSH_POLICY must specify 'rows' or 'interval' > 0", f.userError(t + "(FLUSH_POLICY = '')"));
        assertEquals("FLUSH_POLICY must specify 'rows' or 'interval' > 0",
                f.userError(t + "(FLUSH_POLICY = 'rows:0')"));
        assertEquals("Invalid FLUSH_POLICY format 'rows'. Expected 'key:value'",
                f.userError(t + "(FLUSH_POLICY = 'rows')"));
        assertEquals("Invalid FLUSH_POLICY format 'rows:many'. Expected 'key:value'",
                f.userError(t + "(FLUSH_POLICY = 'rows:many')"));
        assertEquals("Unknown FLUSH_POLICY key 'size'", f.userError(t + "(FLUSH_POLICY = 'size:10')"));
        assertEquals("Row limit must be less than 1,000,000", f.userError(t + "(FLUSH_POLICY = 'rows:1000000')"));
        assertEquals("Interval must be less than 86400 seconds (24 hours)",
                f.userError(t + "(FLUSH_POLICY = 'rows:10,interval:86400')"));
        assertEquals("Invalid DELETED_RETENTION_HOURS", f.userError(t + "(DELETED_RETENTION_HOURS = -1)"));
        assertEquals("Invalid DELETED_RETENTION_HOURS", f.userError(t + "(DELETED_RETENTION_HOURS = 'x')"));
        assertEquals("TTL_SECONDS is only supported for STREAM tables", f.userError(t + "(TTL_SECONDS = 10)"));
        assertEquals("Invalid ACCESS_LEVEL 'everyone'. Supported: PUBLIC, PRIVATE, RESTRICTED, DBA",
                f.userError(t + "(ACCESS_LEVEL = 'everyone')"));
        assertEquals("ACCESS_LEVEL is only supported for SHARED tables",
                f.userError("CREATE USER TABLE app.t (id INT PRIMARY KEY) WITH (ACCESS_LEVEL = 'public')"));
        assertEquals("USE_USER_STORAGE is only supported for USER tables", f.userError(t + "(USE_USER_STORAGE = true)"));
        assertEquals("Unknown table option 'COLOR'", f.userError(t + "(color = 'red')"));
        f.message("CREATE USER TABLE app.u (id INT PRIMARY KEY) WITH (use_user_storage = TRUE, "
                + "flush_policy = rows:5, storage_id = local)");
        assertEquals(new TableOptions("local", new FlushPolicy(5L, null), 168L, null, true, null),
                f.table("app", "u").options());
        assertEquals(List.of(TableId.of("app", "u")),
                f.ctx.schemas().tables().stream().map(TableDefinition::tableId).toList());
    }
}
