package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.models.Namespace;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.system.tables.SystemTable;
import io.kalamdb.core.system.tables.SystemTables;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Calcite's view of the catalog: one sub-schema per namespace with its tables and views, plus {@code system} and
 * {@code information_schema}, and KalamDB's functions at the root. Views are expanded by the preparer, with the
 * caller's rights, so they are not Calcite tables. Rebuilt only when the catalog version changes;
 * table objects are shared by every query and user.
 */
public final class KalamCatalog {
    private final AppContext ctx;
    private final SystemTables systemTables;
    private volatile Snapshot snapshot;

    /** One built root schema and the catalog version it reflects. */
    private record Snapshot(long version, SchemaPlus root) {
    }

    public KalamCatalog(AppContext ctx, SystemTables systemTables) {
        this.ctx = ctx;
        this.systemTables = systemTables;
    }

    public SystemTables systemTables() {
        return systemTables;
    }

    /** The root schema for the current catalog version. */
    public SchemaPlus root() {
        long version = ctx.schemas().catalogVersion();
        Snapshot s = snapshot;
        if (s == null || s.version() != version) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.version() != version) {
                    s = new Snapshot(version, build());
                    snapshot = s;
                }
            }
        }
        return s.root();
    }

    private SchemaPlus build() {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        KalamFunctions.register(root);
        Map<String, Map<String, Table>> byNamespace = new HashMap<>();
        for (Namespace ns : ctx.namespaces().all()) {
            byNamespace.put(ns.namespaceId().value(), new HashMap<>());
        }
        for (TableDefinition def : ctx.schemas().tables()) {
            byNamespace.computeIfAbsent(def.tableId().namespace().value(), k -> new HashMap<>())
                    .put(def.tableId().table().value(), new KalamTable(new TableRows(def, ctx.schemas().addedDefaults(def)), ctx.hot()));
        }
        for (Map.Entry<String, Map<String, Table>> e : byNamespace.entrySet()) {
            root.add(e.getKey(), new FixedSchema(e.getValue()));
        }
        root.add("system", new FixedSchema(new HashMap<>(systemTables.system())));
        root.add("information_schema", new FixedSchema(new HashMap<>(systemTables.informationSchema())));
        return root;
    }

    /** A schema whose tables are a fixed map. */
    private static final class FixedSchema extends AbstractSchema {
        private final Map<String, Table> tables;

        FixedSchema(Map<String, Table> tables) {
            this.tables = tables;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }
    }

    /** The system table behind a qualified name, if any. */
    public SystemTable systemTable(String table) {
        return systemTables.system().get(table);
    }
}
