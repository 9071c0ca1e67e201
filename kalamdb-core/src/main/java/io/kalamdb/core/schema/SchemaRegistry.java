package io.kalamdb.core.schema;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.store.CloseableIterator;
import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.KeyValue;
import io.kalamdb.store.Partition;
import io.kalamdb.store.StorageBackend;
import io.kalamdb.store.ValueCodec;
import io.kalamdb.store.WriteBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog: every version of every table definition ({@code system.schemas}), the views, and the persistent
 * table-uid counter. The latest definitions and the views are cached in memory; every change bumps
 * {@link #catalogVersion()}, which plan caches use as part of their key.
 *
 * <p>DDL statements serialise on {@link #ddlLock()}; reads never lock.
 */
public final class SchemaRegistry {
    private static final Partition SCHEMAS = new Partition(ColumnFamily.SYSTEM_META, "schemas");
    private static final Partition VIEWS = new Partition(ColumnFamily.SYSTEM_META, "views");
    private static final Partition COUNTERS = new Partition(ColumnFamily.SYSTEM_META, "counters");
    private static final byte[] TABLE_UID_KEY = KeyCodec.str("table_uid");

    private final StorageBackend backend;
    private final ValueCodec<TableDefinition> tableCodec = JsonValueCodec.of(TableDefinition.class);
    private final ValueCodec<ViewDefinition> viewCodec = JsonValueCodec.of(ViewDefinition.class);
    private final Map<TableId, TableDefinition> latest = new ConcurrentSkipListMap<>();
    private final Map<TableId, ViewDefinition> views = new ConcurrentHashMap<>();
    private final AtomicLong catalogVersion = new AtomicLong();
    private final Map<String, Map<Integer, ColumnDefault>> addedDefaults = new ConcurrentHashMap<>();
    private final Object ddlLock = new Object();
    private long nextUid;

    public SchemaRegistry(StorageBackend backend) {
        this.backend = backend;
        load();
    }

    private void load() {
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(SCHEMAS, KeyCodec.empty())) {
            while (it.hasNext()) {
                TableDefinition def = tableCodec.decode(it.next().value());
                latest.merge(def.tableId(), def, (a, b) -> a.schemaVersion() >= b.schemaVersion() ? a : b);
            }
        }
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(VIEWS, KeyCodec.empty())) {
            while (it.hasNext()) {
                ViewDefinition view = viewCodec.decode(it.next().value());
                views.put(view.viewId(), view);
            }
        }
        byte[] counter = backend.get(COUNTERS, TABLE_UID_KEY);
        nextUid = counter == null ? 1 : KeyCodec.reader(counter).u64();
    }

    /** The lock every DDL statement holds while it checks and changes the catalog. */
    public Object ddlLock() {
        return ddlLock;
    }

    /** Records a catalog change made elsewhere (namespaces), so cached plans and schemas are rebuilt. */
    public void touch() {
        catalogVersion.incrementAndGet();
    }

    /** Incremented by every catalog change. */
    public long catalogVersion() {
        return catalogVersion.get();
    }

    public Optional<TableDefinition> table(TableId id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** The latest definition of every table, ordered by namespace and name. */
    public List<TableDefinition> tables() {
        return List.copyOf(latest.values());
    }

    public List<TableDefinition> tables(NamespaceId namespace) {
        List<TableDefinition> out = new ArrayList<>();
        for (TableDefinition def : latest.values()) {
            if (def.tableId().namespace().equals(namespace)) {
                out.add(def);
            }
        }
        return out;
    }

    /**
     * For each column of {@code def}, the DEFAULT it had when it was added (spec sql.md §4: rows written before an
     * ADD COLUMN read that literal default; a later SET/DROP DEFAULT affects future INSERTs only). Cached per
     * table version.
     */
    public Map<Integer, ColumnDefault> addedDefaults(TableDefinition def) {
        return addedDefaults.computeIfAbsent(def.tableId() + "#" + def.tableUid() + "#" + def.schemaVersion(), k -> {
            Map<Integer, ColumnDefault> first = new HashMap<>();
            for (TableDefinition version : history(def.tableId())) {
                if (version.tableUid() != def.tableUid()) {
                    continue;
                }
                for (ColumnDefinition c : version.columns()) {
                    if (!first.containsKey(c.columnId())) {
                        first.put(c.columnId(), c.defaultValue());
                    }
                }
            }
            for (ColumnDefinition c : def.columns()) {
                if (!first.containsKey(c.columnId())) {
                    first.put(c.columnId(), c.defaultValue());
                }
            }
            return Collections.unmodifiableMap(first);
        });
    }

    /** The number of tables and views in a namespace. */
    public int objectCount(NamespaceId namespace) {
        int n = tables(namespace).size();
        for (ViewDefinition v : views.values()) {
            if (v.viewId().namespace().equals(namespace)) {
                n++;
            }
        }
        return n;
    }

    /** Every stored version of a table, oldest first. */
    public List<TableDefinition> history(TableId id) {
        List<TableDefinition> out = new ArrayList<>();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(SCHEMAS, KeyCodec.str(id.toString()))) {
            while (it.hasNext()) {
                out.add(tableCodec.decode(it.next().value()));
            }
        }
        return out;
    }

    /** Every stored version of every table (the rows of {@code system.schemas}). */
    public List<TableDefinition> allVersions() {
        List<TableDefinition> out = new ArrayList<>();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(SCHEMAS, KeyCodec.empty())) {
            while (it.hasNext()) {
                out.add(tableCodec.decode(it.next().value()));
            }
        }
        return out;
    }

    public Optional<ViewDefinition> view(TableId id) {
        return Optional.ofNullable(views.get(id));
    }

    public List<ViewDefinition> views() {
        List<ViewDefinition> out = new ArrayList<>(views.values());
        out.sort((a, b) -> a.viewId().compareTo(b.viewId()));
        return Collections.unmodifiableList(out);
    }

    /** Allocates a new table uid; uids are never reused, across restarts too. Call under {@link #ddlLock()}. */
    public long allocateTableUid() {
        synchronized (ddlLock) {
            long uid = nextUid++;
            backend.put(COUNTERS, TABLE_UID_KEY, KeyCodec.builder().u64(nextUid).build());
            return uid;
        }
    }

    /** Stores a new table or a new version of one (its {@code schemaVersion} must be new). */
    public void put(TableDefinition def) {
        backend.put(SCHEMAS, versionKey(def.tableId(), def.schemaVersion()), tableCodec.encode(def));
        latest.put(def.tableId(), def);
        catalogVersion.incrementAndGet();
    }

    /** Removes a table and all of its versions at once. */
    public void drop(TableId id) {
        try (WriteBatch batch = backend.newBatch()) {
            batch.deletePrefix(SCHEMAS, KeyCodec.str(id.toString()));
            backend.write(batch);
        }
        latest.remove(id);
        addedDefaults.keySet().removeIf(k -> k.startsWith(id + "#"));
        catalogVersion.incrementAndGet();
    }

    public void putView(ViewDefinition view) {
        backend.put(VIEWS, KeyCodec.str(view.viewId().toString()), viewCodec.encode(view));
        views.put(view.viewId(), view);
        catalogVersion.incrementAndGet();
    }

    public void dropView(TableId id) {
        backend.delete(VIEWS, KeyCodec.str(id.toString()));
        views.remove(id);
        catalogVersion.incrementAndGet();
    }

    private static byte[] versionKey(TableId id, int version) {
        if (version < 1) {
            throw KalamDbException.internal("schema version must be >= 1", null);
        }
        return KeyCodec.builder().str(id.toString()).u64(version).build();
    }
}
