package io.kalamdb.core.system.tables;

import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.TableName;
import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.Namespace;
import io.kalamdb.commons.models.Storage;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.User;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.jobs.Job;
import io.kalamdb.core.sql.calcite.CompiledQuery;
import io.kalamdb.core.sql.calcite.QueryScope;
import io.kalamdb.core.sql.ddl.ColumnsJson;
import io.kalamdb.core.sql.ddl.TableOptionsJson;
import io.kalamdb.core.system.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every non-optional system table of spec storage.md §13 and the two {@code information_schema} views (§13.19).
 * Tables fed by features that are not built yet (manifest, live queries, topics) exist and have no rows.
 */
public final class SystemTables {
    private static final KalamDataType TEXT = KalamDataType.TEXT;
    private static final KalamDataType TS = KalamDataType.TIMESTAMP;
    private static final KalamDataType JSON = KalamDataType.JSON;
    private static final KalamDataType BIGINT = KalamDataType.BIG_INT;
    private static final KalamDataType INT = KalamDataType.INT;
    private static final KalamDataType BOOL = KalamDataType.BOOLEAN;

    private final AppContext ctx;
    private final Function<TableId, CompiledQuery> viewShape;
    private final Map<String, SystemTable> system = new LinkedHashMap<>();
    private final Map<String, SystemTable> informationSchema = new LinkedHashMap<>();

    /**
     * @param viewShape the result columns a view derives (planned, not run), for information_schema.columns
     */
    public SystemTables(AppContext ctx, Function<TableId, CompiledQuery> viewShape) {
        this.ctx = ctx;
        this.viewShape = viewShape;
        define();
    }

    /** {@code system.*} by lowercase name ({@code live} is an alias of {@code live_queries}). */
    public Map<String, SystemTable> system() {
        return system;
    }

    public Map<String, SystemTable> informationSchema() {
        return informationSchema;
    }

    private void define() {
        add("users", rows -> users(), pk("user_id", TEXT), col("password_hash", TEXT), col("role", TEXT),
                opt("email", TEXT), col("auth_type", TEXT), opt("auth_data", JSON), col("storage_mode", TEXT),
                opt("storage_id", TEXT), col("failed_login_attempts", INT), opt("locked_until", TS),
                opt("last_login_at", TS), col("created_at", TS), col("updated_at", TS), opt("last_seen", TS),
                opt("deleted_at", TS));
        add("namespaces", rows -> namespaces(), pk("namespace_id", TEXT), col("name", TEXT), col("created_at", TS),
                opt("options", JSON), col("table_count", INT));
        add("tables", rows -> tables(), col("namespace_id", TEXT), col("table_name", TEXT), col("table_type", TEXT),
                opt("storage_id", TEXT), col("version", BIGINT), opt("options", JSON), opt("comment", TEXT),
                col("updated_at", TS), col("created_at", TS));
        add("columns", rows -> columns(), col("namespace_id", TEXT), col("table_name", TEXT), col("version", BIGINT),
                col("column_id", BIGINT), col("column_name", TEXT), opt("comment", TEXT), col("data_type", TEXT),
                opt("default_value", TEXT), col("ordinal", BIGINT), col("nullable", BOOL), col("primary_key", BOOL),
                opt("primary_key_pos", BIGINT));
        add("schemas", rows -> schemas(), col("table_id", TEXT), col("table_name", TEXT), col("namespace_id", TEXT),
                col("table_type", TEXT), col("created_at", TS), col("schema_version", INT), col("columns", JSON),
                opt("table_comment", TEXT), col("updated_at", TS), opt("options", JSON), opt("access_level", TEXT),
                col("is_latest", BOOL), opt("storage_id", TEXT), opt("use_user_storage", BOOL));
        add("storages", rows -> storages(), pk("storage_id", TEXT), col("storage_name", TEXT),
                opt("description", TEXT), col("storage_type", TEXT), col("base_directory", TEXT),
                opt("credentials", JSON), opt("config_json", JSON), col("shared_tables_template", TEXT),
                col("user_tables_template", TEXT), col("created_at", TS), col("updated_at", TS));
        add("jobs", rows -> jobs(), pk("job_id", TEXT), col("job_type", TEXT), col("status", TEXT),
                opt("leader_status", TEXT), opt("parameters", JSON), opt("message", TEXT),
                opt("exception_trace", TEXT), opt("idempotency_key", TEXT), opt("queue", TEXT), opt("priority", INT),
                col("retry_count", KalamDataType.SMALL_INT), col("max_retries", KalamDataType.SMALL_INT),
                opt("memory_used", BIGINT), opt("cpu_used", BIGINT), col("created_at", TS), col("updated_at", TS),
                opt("started_at", TS), opt("finished_at", TS), col("node_id", BIGINT), opt("leader_node_id", BIGINT));
        add("manifest", rows -> List.of(), pk("cache_key", TEXT), col("namespace_id", TEXT), col("table_name", TEXT),
                col("scope", TEXT), opt("etag", TEXT), col("last_refreshed", TS), col("last_accessed", TS),
                col("in_memory", BOOL), col("sync_state", TEXT), col("manifest_json", JSON));
        add("audit_log", rows -> auditLog(), pk("audit_id", TEXT), col("timestamp", TS), col("actor_user_id", TEXT),
                col("action", TEXT), col("target", TEXT), opt("details", TEXT), opt("ip_address", TEXT),
                opt("subject_user_id", TEXT));
        SystemTable live = add("live_queries", rows -> List.of(), pk("live_id", TEXT), col("connection_id", TEXT),
                col("subscription_id", TEXT), col("namespace_id", TEXT), col("table_name", TEXT),
                col("user_id", TEXT), col("query", TEXT), col("options", JSON), col("status", TEXT),
                col("created_at", TS), col("last_update", TS), col("changes", BIGINT), col("node_id", BIGINT),
                col("last_ping_at", TS));
        system.put("live", live);
        add("stats", rows -> SystemStats.rows(ctx), col("metric_name", TEXT), col("metric_value", TEXT));
        add("settings", rows -> SystemSettings.rows(ctx.config()), col("name", TEXT), col("value", TEXT),
                col("description", TEXT), col("category", TEXT));
        add("server_logs", rows -> ServerLogRows.read(ctx.config().logging()), col("timestamp", TS),
                col("level", TEXT), opt("thread", TEXT), opt("target", TEXT), opt("line", BIGINT),
                col("message", TEXT));
        add("datatypes", rows -> DataTypeRows.rows(), col("arrow_type", TEXT), col("kalam_type", TEXT),
                col("sql_name", TEXT), col("description", TEXT));
        add("topics", rows -> List.of(), pk("topic_id", TEXT), col("name", TEXT), opt("alias", TEXT),
                col("partitions", INT), opt("retention_seconds", BIGINT), opt("retention_max_bytes", BIGINT),
                col("routes", JSON), col("created_at", TS), col("updated_at", TS));
        add("topic_offsets", rows -> List.of(), col("topic_id", TEXT), col("group_id", TEXT),
                col("partition_id", INT), col("last_acked_offset", BIGINT), col("updated_at", TS));

        informationSchema.put("tables", new SystemTable(TableId.of("information_schema", "tables"),
                List.of(col("table_catalog", TEXT), col("table_schema", TEXT), col("table_name", TEXT),
                        col("table_type", TEXT)), this::infoTables));
        informationSchema.put("columns", new SystemTable(TableId.of("information_schema", "columns"),
                List.of(col("table_catalog", TEXT), col("table_schema", TEXT), col("table_name", TEXT),
                        col("column_name", TEXT), col("ordinal_position", INT), opt("column_default", TEXT),
                        col("is_nullable", TEXT), col("data_type", TEXT)), this::infoColumns));
    }

    private SystemTable add(String name, Function<QueryScope, List<Object[]>> rows, SystemColumn... columns) {
        SystemTable t = new SystemTable(new TableId(NamespaceId.SYSTEM, TableName.of(name)),
                List.of(columns), rows);
        system.put(name, t);
        return t;
    }

    private static SystemColumn col(String name, KalamDataType type) {
        return new SystemColumn(name, type, false, false);
    }

    private static SystemColumn opt(String name, KalamDataType type) {
        return new SystemColumn(name, type, true, false);
    }

    private static SystemColumn pk(String name, KalamDataType type) {
        return new SystemColumn(name, type, false, true);
    }

    private List<Object[]> users() {
        List<Object[]> out = new ArrayList<>();
        for (User u : ctx.users().all()) {
            out.add(new Object[] {u.userId().value(), u.passwordHash(), u.role().wireName(), u.email(),
                u.authType().wireName(), u.authData(), u.storageMode(), u.storageId(), u.failedLoginAttempts(),
                u.lockedUntil(), u.lastLoginAt(), u.createdAt(), u.updatedAt(), u.lastSeen(), u.deletedAt()});
        }
        return out;
    }

    private List<Object[]> namespaces() {
        List<Object[]> out = new ArrayList<>();
        for (Namespace ns : ctx.namespaces().all()) {
            out.add(new Object[] {ns.namespaceId().value(), ns.name(), ns.createdAt(), JsonText.compact(ns.options()),
                ctx.schemas().objectCount(ns.namespaceId())});
        }
        return out;
    }

    private List<Object[]> tables() {
        List<Object[]> out = new ArrayList<>();
        for (TableDefinition t : ctx.schemas().tables()) {
            out.add(new Object[] {t.tableId().namespace().value(), t.tableId().table().value(),
                t.tableType().wireName(), t.options().storageId(), (long) t.schemaVersion(), TableOptionsJson.of(t),
                t.comment(), t.updatedAt(), t.createdAt()});
        }
        for (ViewDefinition v : ctx.schemas().views()) {
            out.add(new Object[] {v.viewId().namespace().value(), v.viewId().table().value(), "view", null, 1L,
                JsonText.compact(Map.of("sql", v.sql())), null, v.updatedAt(), v.createdAt()});
        }
        out.sort((a, b) -> {
            int c = ((String) a[0]).compareTo((String) b[0]);
            return c != 0 ? c : ((String) a[1]).compareTo((String) b[1]);
        });
        return out;
    }

    private List<Object[]> columns() {
        List<Object[]> out = new ArrayList<>();
        for (TableDefinition t : ctx.schemas().tables()) {
            for (ColumnDefinition c : t.columns()) {
                out.add(new Object[] {t.tableId().namespace().value(), t.tableId().table().value(),
                    (long) t.schemaVersion(), (long) c.columnId(), c.columnName(), c.comment(),
                    c.dataType().sqlName(), c.defaultValue() == null ? null : c.defaultValue().describe(),
                    (long) c.ordinalPosition(), c.isNullable(), c.isPrimaryKey(), c.isPrimaryKey() ? 1L : null});
            }
        }
        return out;
    }

    private List<Object[]> schemas() {
        List<Object[]> out = new ArrayList<>();
        for (TableDefinition t : ctx.schemas().allVersions()) {
            TableDefinition latest = ctx.schemas().table(t.tableId()).orElse(null);
            boolean isLatest = latest != null && latest.schemaVersion() == t.schemaVersion();
            out.add(new Object[] {t.tableId().toString(), t.tableId().table().value(),
                t.tableId().namespace().value(), t.tableType().wireName(), t.createdAt(), t.schemaVersion(),
                ColumnsJson.of(t.columns()), t.comment(), t.updatedAt(), TableOptionsJson.of(t),
                t.options().accessLevel() == null ? null : t.options().accessLevel().wireName(), isLatest,
                t.options().storageId(), t.options().useUserStorage()});
        }
        return out;
    }

    private List<Object[]> storages() {
        List<Object[]> out = new ArrayList<>();
        for (Storage s : ctx.storages().all()) {
            out.add(new Object[] {s.storageId().value(), s.storageName(), s.description(), s.storageType(),
                s.baseDirectory(), s.credentials(), s.configJson(), s.sharedTablesTemplate(),
                s.userTablesTemplate(), s.createdAt(), s.updatedAt()});
        }
        return out;
    }

    private List<Object[]> jobs() {
        List<Object[]> out = new ArrayList<>();
        for (Job j : ctx.jobs().list()) {
            out.add(new Object[] {j.jobId().value(), j.jobType().wireName(), j.status().wireName(), null,
                j.parameters(), j.message(), j.exceptionTrace(), j.idempotencyKey(), null, null,
                (short) j.retryCount(), (short) j.maxRetries(), null, null, j.createdAt(), j.updatedAt(),
                j.startedAt(), j.finishedAt(), j.nodeId(), null});
        }
        return out;
    }

    private List<Object[]> auditLog() {
        List<Object[]> out = new ArrayList<>();
        for (AuditEntry a : ctx.auditLog().all()) {
            out.add(new Object[] {a.auditId(), a.timestamp(), a.actorUserId(), a.action(), a.target(), a.details(),
                a.ipAddress(), a.subjectUserId()});
        }
        return out;
    }

    /** information_schema.tables: what the caller's role may read (spec storage.md §13.19). */
    private List<Object[]> infoTables(QueryScope scope) {
        List<Object[]> out = new ArrayList<>();
        boolean admin = scope.role().isAdmin();
        for (TableDefinition t : ctx.schemas().tables()) {
            if (readable(t, scope)) {
                out.add(new Object[] {"kalam", t.tableId().namespace().value(), t.tableId().table().value(),
                    "BASE TABLE"});
            }
        }
        for (ViewDefinition v : ctx.schemas().views()) {
            out.add(new Object[] {"kalam", v.viewId().namespace().value(), v.viewId().table().value(), "VIEW"});
        }
        if (admin) {
            for (Map.Entry<String, SystemTable> e : system.entrySet()) {
                out.add(new Object[] {"kalam", "system", e.getKey(), "SYSTEM TABLE"});
            }
        }
        return out;
    }

    private List<Object[]> infoColumns(QueryScope scope) {
        List<Object[]> out = new ArrayList<>();
        for (TableDefinition t : ctx.schemas().tables()) {
            if (!readable(t, scope)) {
                continue;
            }
            for (ColumnDefinition c : t.columns()) {
                out.add(new Object[] {"kalam", t.tableId().namespace().value(), t.tableId().table().value(),
                    c.columnName(), c.ordinalPosition(), c.defaultValue() == null ? null : c.defaultValue().describe(),
                    c.isNullable() ? "YES" : "NO", c.dataType().sqlName()});
            }
        }
        for (ViewDefinition v : ctx.schemas().views()) {
            viewColumns(v, out);
        }
        if (scope.role().isAdmin()) {
            for (Map.Entry<String, SystemTable> e : system.entrySet()) {
                int pos = 1;
                for (SystemColumn c : e.getValue().columns()) {
                    out.add(new Object[] {"kalam", "system", e.getKey(), c.name(), pos++, null,
                        c.nullable() ? "YES" : "NO", c.type().sqlName()});
                }
            }
        }
        return out;
    }

    /** The columns a view derives; a view that no longer plans (a dropped base table) lists none. */
    private void viewColumns(ViewDefinition v, List<Object[]> out) {
        CompiledQuery q;
        try {
            q = viewShape.apply(v.viewId());
        } catch (KalamDbException broken) {
            return;
        }
        for (int i = 0; i < q.fieldNames().size(); i++) {
            String origin = q.originNames().get(i);
            String name = origin != null && origin.equalsIgnoreCase(q.fieldNames().get(i)) ? origin
                    : q.fieldNames().get(i);
            out.add(new Object[] {"kalam", v.viewId().namespace().value(), v.viewId().table().value(), name, i + 1,
                null, q.fieldFlags().get(i).contains("nn") ? "NO" : "YES", q.fieldTypes().get(i).sqlName()});
        }
    }

    private static boolean readable(TableDefinition t, QueryScope scope) {
        if (t.tableType() != TableType.SHARED) {
            return true;
        }
        return RolePolicy.canReadShared(scope.role(), t.options().accessLevel());
    }
}
