package io.kalamdb.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.FlushPolicy;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.tables.TableDataInspector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlterTableHandlerTest {
    @TempDir
    Path dir;
    private DdlFixture f;
    private final FakeData data = new FakeData();

    @BeforeEach
    void open() {
        f = DdlFixture.withData(dir, data);
        f.message("CREATE TABLE app.items (id BIGINT PRIMARY KEY, name TEXT, price DECIMAL(10,2), n SMALLINT, "
                + "doc TEXT, raw BYTES)");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String alter(String op) {
        return f.message("ALTER TABLE app.items " + op);
    }

    private String alterError(String op) {
        return f.userError("ALTER TABLE app.items " + op);
    }

    private TableDefinition items() {
        return f.table("app", "items");
    }

    private List<String> names() {
        return items().columns().stream().map(ColumnDefinition::columnName).toList();
    }

    @Test
    void addColumnGetsANewIdBeforeTheSystemColumns() {
        assertEquals("Table app.items altered successfully: ADD COLUMN age INT (version 2)", alter("ADD COLUMN age INT"));
        TableDefinition def = items();
        assertEquals(2, def.schemaVersion());
        assertEquals(List.of("id", "name", "price", "n", "doc", "raw", "age", "_seq", "_deleted"), names());
        ColumnDefinition age = def.column("age");
        assertEquals(9, age.columnId());
        assertEquals(7, age.ordinalPosition());
        assertEquals(10, def.nextColumnId());
        assertEquals(7, def.column("_seq").columnId());
        assertEquals(8, def.column("_seq").ordinalPosition());
        assertEquals(9, def.column("_deleted").ordinalPosition());
        assertTrue(def.updatedAt() >= def.createdAt());
        assertEquals("Table app.items altered successfully: ADD COLUMN status TEXT NOT NULL DEFAULT 'new' (version 3)",
                alter("ADD status TEXT NOT NULL DEFAULT 'new'"));
        assertFalse(items().column("status").isNullable());
        assertEquals(ColumnDefault.literal("new"), items().column("status").defaultValue());
    }

    @Test
    void addColumnRules() {
        assertEquals("Column positioning (FIRST/AFTER) is not supported", alterError("ADD COLUMN a INT FIRST"));
        assertEquals("Column positioning (FIRST/AFTER) is not supported", alterError("ADD COLUMN a INT AFTER id"));
        assertEquals("Duplicate column name 'NAME'. Column names are case-insensitive.", alterError("ADD NAME TEXT"));
        assertEquals("Cannot alter system column '_seq'", alterError("ADD COLUMN _seq BIGINT"));
        assertEquals("Column name '_hash' is reserved and cannot be used", alterError("ADD COLUMN _hash TEXT"));
        assertEquals("Name 'order' is a reserved SQL keyword and cannot be used", alterError("ADD COLUMN \"order\" INT"));
        assertEquals("Unsupported SQL data type: TINYINT (use SMALLINT)", alterError("ADD COLUMN a TINYINT"));
        assertEquals("Unsupported DEFAULT expression 'random()'", alterError("ADD COLUMN a INT DEFAULT random()"));
        assertEquals("Multiple PRIMARY KEY definitions found", alterError("ADD COLUMN a INT PRIMARY KEY"));
        assertEquals("UNIQUE constraints are not supported (only the PRIMARY KEY is unique)",
                alterError("ADD COLUMN a INT UNIQUE"));
        data.hasRows = true;
        assertEquals("Cannot add NOT NULL column 'c' without a DEFAULT to a table that already has rows",
                alterError("ADD COLUMN c INT NOT NULL"));
        assertEquals("Cannot add NOT NULL column 'c' without a DEFAULT to a table that already has rows",
                alterError("ADD COLUMN c TIMESTAMP NOT NULL DEFAULT NOW()"));
        assertEquals("Table app.items altered successfully: ADD COLUMN c INT NOT NULL DEFAULT 0 (version 2)",
                alter("ADD COLUMN c INT NOT NULL DEFAULT 0"));
        data.hasRows = false;
        assertEquals("Table app.items altered successfully: ADD COLUMN d INT NOT NULL (version 3)",
                alter("ADD COLUMN d INT NOT NULL"));
        assertEquals("Table app.items altered successfully: ADD COLUMN e BIGINT DEFAULT SNOWFLAKE_ID() (version 4)",
                alter("ADD COLUMN e INT AUTO_INCREMENT"));
    }

    @Test
    void dropColumnNeverReusesIds() {
        assertEquals("Table app.items altered successfully: DROP COLUMN n (version 2)", alter("DROP COLUMN N"));
        assertEquals(List.of("id", "name", "price", "doc", "raw", "_seq", "_deleted"), names());
        assertEquals(9, items().nextColumnId());
        alter("ADD COLUMN n SMALLINT");
        assertEquals(9, items().column("n").columnId());
        assertEquals("Cannot drop primary key column 'id'", alterError("DROP COLUMN id"));
        assertEquals("Column 'missing' does not exist in table app.items", alterError("DROP COLUMN missing"));
        assertEquals("Cannot alter system column '_deleted'", alterError("DROP COLUMN _deleted"));
    }

    @Test
    void renameColumnKeepsTheId() {
        int id = items().column("name").columnId();
        assertEquals("Table app.items altered successfully: RENAME COLUMN name TO title (version 2)",
                alter("RENAME COLUMN name TO title"));
        assertEquals(id, items().column("title").columnId());
        assertNull(items().column("name"));
        assertEquals("Table app.items unchanged: RENAME COLUMN title TO title (version 2 - no changes needed)",
                alter("RENAME COLUMN TITLE TO title"));
        assertEquals("Table app.items altered successfully: RENAME COLUMN title TO Title (version 3)",
                alter("RENAME COLUMN title TO Title"));
        assertEquals("Duplicate column name 'doc'. Column names are case-insensitive.",
                alterError("RENAME COLUMN Title TO doc"));
        assertEquals("Cannot alter system column '_seq'", alterError("RENAME COLUMN _seq TO seq"));
        assertEquals("Cannot alter system column '_id'", alterError("RENAME COLUMN doc TO _id"));
        assertEquals("Name 'select' is a reserved SQL keyword and cannot be used",
                alterError("RENAME COLUMN doc TO \"select\""));
        assertEquals("Column 'x' does not exist in table app.items", alterError("RENAME COLUMN x TO y"));
    }

    @Test
    void typeChanges() {
        assertEquals("Table app.items altered successfully: MODIFY COLUMN n INT (version 2)", alter("MODIFY COLUMN n INT"));
        assertEquals("Table app.items altered successfully: ALTER COLUMN n TYPE BIGINT (version 3)",
                alter("ALTER COLUMN n TYPE INT8"));
        assertEquals(KalamDataType.BIG_INT, items().column("n").dataType());
        assertEquals("Table app.items unchanged: ALTER COLUMN n TYPE BIGINT (version 3 - no changes needed)",
                alter("ALTER COLUMN n TYPE BIGINT"));
        assertEquals("Unsupported type change for column 'n': BIGINT to INT", alterError("ALTER COLUMN n TYPE INT"));
        assertEquals("Unsupported type change for column 'n': BIGINT to DOUBLE", alterError("MODIFY n DOUBLE"));
        assertEquals("Unsupported type change for column 'raw': BYTES to TEXT", alterError("MODIFY raw TEXT"));
        assertEquals("Unsupported type change for column 'name': TEXT to INT", alterError("MODIFY name INT"));
        assertEquals("Unsupported type change for column 'price': DECIMAL(10,2) to DECIMAL(8,2)",
                alterError("MODIFY price DECIMAL(8,2)"));
        assertEquals("Unsupported type change for column 'price': DECIMAL(10,2) to DECIMAL(12,3)",
                alterError("MODIFY price DECIMAL(12,3)"));
        assertEquals("Table app.items altered successfully: MODIFY COLUMN price DECIMAL(12,2) (version 4)",
                alter("MODIFY price DECIMAL(12,2)"));
        assertEquals("Table app.items altered successfully: MODIFY COLUMN price TEXT (version 5)",
                alter("MODIFY price VARCHAR(10)"));
        data.invalidJson = 2;
        assertEquals("Cannot change column 'doc' to JSON: 2 row(s) contain invalid JSON", alterError("MODIFY doc JSON"));
        data.invalidJson = 0;
        assertEquals("Table app.items altered successfully: MODIFY COLUMN doc JSON (version 6)", alter("MODIFY doc JSON"));
        f.message("CREATE TABLE app.small (k SMALLINT PRIMARY KEY)");
        assertEquals("Unsupported type change for column 'k': SMALLINT to DOUBLE (primary key values are indexed by type)",
                f.userError("ALTER TABLE app.small MODIFY k DOUBLE"));
        assertEquals("Unsupported type change for column 'k': SMALLINT to TEXT (primary key values are indexed by type)",
                f.userError("ALTER TABLE app.small MODIFY k TEXT"));
        assertEquals("Table app.small altered successfully: MODIFY COLUMN k BIGINT (version 2)",
                f.message("ALTER TABLE app.small MODIFY k BIGINT"));
        assertEquals("Cannot alter system column '_seq'", alterError("MODIFY _seq TEXT"));
    }

    @Test
    void modifyWithNullability() {
        data.nulls = 3;
        assertEquals("Cannot set NOT NULL on column 'name': 3 row(s) contain NULL",
                alterError("MODIFY COLUMN name TEXT NOT NULL"));
        data.nulls = 0;
        assertEquals("Table app.items altered successfully: MODIFY COLUMN name TEXT NOT NULL (version 2)",
                alter("MODIFY COLUMN name TEXT NOT NULL"));
        assertFalse(items().column("name").isNullable());
        assertEquals("Table app.items altered successfully: MODIFY COLUMN name TEXT NULL (version 3)",
                alter("MODIFY COLUMN name TEXT NULL"));
        assertTrue(items().column("name").isNullable());
        assertEquals("Primary key column 'id' cannot be nullable", alterError("MODIFY COLUMN id BIGINT NULL"));
    }

    @Test
    void notNullAndDefaults() {
        data.nulls = 1;
        assertEquals("Cannot set NOT NULL on column 'name': 1 row(s) contain NULL",
                alterError("ALTER COLUMN name SET NOT NULL"));
        data.nulls = 0;
        assertEquals("Table app.items altered successfully: ALTER COLUMN name SET NOT NULL (version 2)",
                alter("ALTER COLUMN name SET NOT NULL"));
        assertEquals("Table app.items unchanged: ALTER COLUMN name SET NOT NULL (version 2 - no changes needed)",
                alter("ALTER COLUMN name SET NOT NULL"));
        assertEquals("Table app.items altered successfully: ALTER COLUMN name DROP NOT NULL (version 3)",
                alter("ALTER COLUMN name DROP NOT NULL"));
        assertEquals("Table app.items unchanged: ALTER COLUMN name DROP NOT NULL (version 3 - no changes needed)",
                alter("ALTER name DROP NOT NULL"));
        assertEquals("Primary key column 'id' cannot be nullable", alterError("ALTER COLUMN id DROP NOT NULL"));
        assertEquals("Table app.items altered successfully: ALTER COLUMN n SET DEFAULT 5 (version 4)",
                alter("ALTER COLUMN n SET DEFAULT 5"));
        assertEquals(ColumnDefault.literal(5L).describe(), items().column("n").defaultValue().describe());
        assertEquals("Table app.items unchanged: ALTER COLUMN n SET DEFAULT 5 (version 4 - no changes needed)",
                alter("ALTER COLUMN n SET DEFAULT 5"));
        assertEquals("Value 70000 out of range for SMALLINT (column 'n')", alterError("ALTER COLUMN n SET DEFAULT 70000"));
        assertEquals("DEFAULT SNOWFLAKE_ID() requires a BIGINT column",
                alterError("ALTER COLUMN n SET DEFAULT SNOWFLAKE_ID()"));
        assertEquals("Unsupported DEFAULT expression 'now() + 1'", alterError("ALTER COLUMN n SET DEFAULT now() + 1"));
        assertEquals("Table app.items altered successfully: ALTER COLUMN n DROP DEFAULT (version 5)",
                alter("ALTER COLUMN n DROP DEFAULT"));
        assertNull(items().column("n").defaultValue());
        assertEquals("Table app.items unchanged: ALTER COLUMN n DROP DEFAULT (version 5 - no changes needed)",
                alter("ALTER COLUMN n DROP DEFAULT"));
        assertEquals("Cannot alter system column '_deleted'", alterError("ALTER COLUMN _deleted SET DEFAULT true"));
        assertEquals("Column 'zz' does not exist in table app.items", alterError("ALTER COLUMN zz DROP DEFAULT"));
    }

    @Test
    void accessLevelAndProperties() {
        assertEquals("Table app.items altered successfully: SET ACCESS LEVEL public (version 2)",
                alter("SET ACCESS LEVEL PUBLIC"));
        assertEquals(AccessLevel.PUBLIC, items().options().accessLevel());
        assertEquals("Table app.items unchanged: SET ACCESS LEVEL public (version 2 - no changes needed)",
                alter("SET ACCESS LEVEL public"));
        assertEquals("Invalid ACCESS_LEVEL 'nobody'. Supported: PUBLIC, PRIVATE, RESTRICTED, DBA",
                alterError("SET ACCESS LEVEL nobody"));
        assertEquals("Table app.items altered successfully: SET TBLPROPERTIES (FLUSH_POLICY='rows:100') (version 3)",
                alter("SET TBLPROPERTIES (flush_policy = 'rows:100')"));
        assertEquals(new FlushPolicy(100L, null), items().options().flushPolicy());
        assertEquals("Table app.items unchanged: SET TBLPROPERTIES (FLUSH_POLICY='rows:100') (version 3 - no changes "
                + "needed)", alter("SET TBLPROPERTIES (FLUSH_POLICY = 'rows:100')"));
        assertEquals("Table app.items altered successfully: SET TBLPROPERTIES (DELETED_RETENTION_HOURS=24, "
                + "ACCESS_LEVEL='dba') (version 4)",
                alter("SET TBLPROPERTIES (deleted_retention_hours = 24, access_level = 'dba')"));
        assertEquals(24L, items().options().deletedRetentionHours());
        assertEquals(AccessLevel.DBA, items().options().accessLevel());
        assertEquals("TTL_SECONDS is only supported for STREAM tables", alterError("SET TBLPROPERTIES (TTL_SECONDS = 5)"));
        assertEquals("Unknown table option 'STORAGE_ID'", alterError("SET TBLPROPERTIES (STORAGE_ID = 'local')"));
        assertEquals("Unknown table option 'TYPE'", alterError("SET TBLPROPERTIES (TYPE = 'USER')"));
        assertEquals("Row limit must be less than 1,000,000", alterError("SET TBLPROPERTIES (FLUSH_POLICY = 'rows:2000000')"));
        f.message("CREATE USER TABLE app.u (id INT PRIMARY KEY)");
        assertEquals("ACCESS_LEVEL is only supported for SHARED tables",
                f.userError("ALTER TABLE app.u SET ACCESS LEVEL public"));
        f.message("CREATE STREAM TABLE app.s (k TEXT) WITH (TTL_SECONDS = 10)");
        assertEquals("Table app.s altered successfully: SET TBLPROPERTIES (TTL_SECONDS=20) (version 2)",
                f.message("ALTER TABLE app.s SET TBLPROPERTIES (TTL_SECONDS = 20)"));
        assertEquals(20L, f.table("app", "s").options().ttlSeconds());
        assertEquals("FLUSH_POLICY is not supported for STREAM tables",
                f.userError("ALTER TABLE app.s SET TBLPROPERTIES (FLUSH_POLICY = 'rows:1')"));
    }

    @Test
    void historyKeepsEveryVersion() {
        alter("ADD COLUMN a INT");
        alter("DROP COLUMN a");
        alter("ALTER COLUMN name SET NOT NULL");
        List<TableDefinition> history = f.ctx.schemas().history(TableId.of("app", "items"));
        assertEquals(List.of(1, 2, 3, 4), history.stream().map(TableDefinition::schemaVersion).toList());
        assertEquals(9, history.get(1).column("a").columnId());
        assertNull(history.get(2).column("a"));
        assertEquals(history.get(0).createdAt(), history.get(3).createdAt());
        assertEquals(history.get(0).tableUid(), history.get(3).tableUid());
    }

    @Test
    void tableAndRoleChecks() {
        assertEquals("Role 'user' cannot alter tables", f.error(ErrorCode.PERMISSION_DENIED,
                "ALTER TABLE system.users ADD COLUMN x INT", f.exec(Role.USER)));
        assertEquals("Cannot alter system table 'system.users'", f.userError("ALTER TABLE system.users ADD COLUMN x INT"));
        assertEquals("Table 'app.nope' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "ALTER TABLE app.nope DROP x"));
        assertEquals("Namespace 'nons' does not exist", f.error(ErrorCode.TABLE_NOT_FOUND, "ALTER TABLE nons.t DROP x"));
        assertEquals("Table 'default.items' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "ALTER TABLE items DROP x"));
        assertEquals("CREATE VECTOR INDEX is not available in this version",
                f.error(ErrorCode.NOT_IMPLEMENTED, "ALTER TABLE app.items CREATE VECTOR INDEX i ON (v)"));
        assertEquals("Table app.items altered successfully: DROP COLUMN raw (version 2)",
                assertInstanceOf(StatementResult.Message.class,
                        f.run("ALTER TABLE app.items DROP raw", f.exec(Role.SERVICE))).message());
        AuditEntry last = f.ctx.auditLog().all().get(f.ctx.auditLog().all().size() - 1);
        assertEquals("ALTER_TABLE", last.action());
        assertEquals("app.items", last.target());
        assertEquals("DROP COLUMN raw", last.details());
        assertEquals("service", last.actorUserId());
    }

    /** Answers the data questions with fixed values. */
    private static final class FakeData implements TableDataInspector {
        boolean hasRows;
        long nulls;
        long invalidJson;

        @Override
        public boolean hasRows(TableDefinition table) {
            return hasRows;
        }

        @Override
        public long countNulls(TableDefinition table, int columnId) {
            return nulls;
        }

        @Override
        public long countInvalidJson(TableDefinition table, int columnId) {
            return invalidJson;
        }
    }
}
