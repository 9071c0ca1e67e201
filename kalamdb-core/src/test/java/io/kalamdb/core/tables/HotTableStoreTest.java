package io.kalamdb.core.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.RowCodec;
import io.kalamdb.store.KeyBuilder;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.RocksDbBackend;
import io.kalamdb.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotTableStoreTest {
    @TempDir
    Path dir;
    RocksDbBackend backend;
    HotTableStore store;

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
        store = new HotTableStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static TableDefinition table(TableType type, long uid) {
        List<ColumnDefinition> cols = List.of(
                new ColumnDefinition(1, "id", 1, KalamDataType.BIG_INT, false, true, null, null),
                new ColumnDefinition(2, "v", 2, KalamDataType.TEXT, true, false, null, null),
                new ColumnDefinition(3, "_seq", 3, KalamDataType.BIG_INT, false, false, null, null),
                new ColumnDefinition(4, "_deleted", 4, KalamDataType.BOOLEAN, false, false,
                        ColumnDefault.literal(false), null));
        TableOptions opts = new TableOptions("local", null, 168L, type == TableType.SHARED ? AccessLevel.PUBLIC : null,
                null, null);
        return new TableDefinition(TableId.of("app", "t" + uid), uid, type, 1, cols, opts, null, 0, 0, 5);
    }

    private void put(TableDefinition def, String scope, long seq, long id, String v, boolean deleted) {
        try (WriteBatch b = backend.newBatch()) {
            store.addVersion(b, def, scope, seq, id, RowCodec.encode(1, deleted, new int[] {1, 2},
                    new Object[] {id, v}), deleted);
            backend.write(b);
        }
    }

    @Test
    void latestVersionWinsAndTombstonesHide() {
        TableDefinition def = table(TableType.SHARED, 1);
        put(def, null, 10, 7, "a", false);
        put(def, null, 11, 7, "b", false);
        put(def, null, 12, 8, "x", false);
        put(def, null, 13, 8, "x", true);
        assertEquals("b", store.latest(def, null, 7L).record().valueOf(2));
        assertTrue(store.latest(def, null, 8L).record().deleted());
        assertNull(store.latest(def, null, 9L));
        List<Object> visible = new ArrayList<>();
        store.scanLatest(def, null, false, v -> visible.add(v.record().valueOf(1)));
        assertEquals(List.of(7L), visible);
        List<Long> all = new ArrayList<>();
        store.scanLatest(def, null, true, v -> all.add(v.seq()));
        assertEquals(List.of(11L, 13L), all);
        assertEquals(4, store.countVersions(def, null));
    }

    @Test
    void userScopesAreSeparate() {
        TableDefinition def = table(TableType.USER, 2);
        put(def, "alice", 10, 5, "a5", false);
        put(def, "alice", 11, -3, "a-3", false);
        put(def, "bob", 12, 5, "b5", false);
        List<Object> alice = new ArrayList<>();
        store.scanLatest(def, "alice", false, v -> alice.add(v.record().valueOf(2)));
        assertEquals(Set.of("a-3", "a5"), Set.copyOf(alice));
        assertEquals(2, alice.size());
        assertEquals("b5", store.latest(def, "bob", 5L).record().valueOf(2));
        assertNull(store.latest(def, "bob", -3L));
        List<String> owners = new ArrayList<>();
        store.scanLatest(def, null, false, v -> owners.add(v.scope()));
        assertEquals(List.of("alice", "alice", "bob"), owners);
    }

    @Test
    void droppedAndRecreatedTablesNeverMix() {
        TableDefinition old = table(TableType.SHARED, 3);
        TableDefinition recreated = table(TableType.SHARED, 4);
        put(old, null, 10, 1, "old", false);
        assertNull(store.latest(recreated, null, 1L));
        assertFalse(store.countVersions(recreated, null) > 0);
    }

    @Test
    void primaryKeyEncodingPreservesOrder() {
        long[] values = {Long.MIN_VALUE, -1000, -1, 0, 1, 42, Long.MAX_VALUE};
        byte[][] keys = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            keys[i] = PkCodec.append(KeyCodec.builder(), KalamDataType.BIG_INT, values[i]).build();
        }
        for (int i = 1; i < keys.length; i++) {
            assertTrue(Arrays.compareUnsigned(keys[i - 1], keys[i]) < 0);
        }
        KeyBuilder a = PkCodec.append(KeyCodec.builder(), KalamDataType.TEXT, "bob");
        KeyBuilder b = PkCodec.append(KeyCodec.builder(), KalamDataType.TEXT, "bob2");
        byte[] ka = a.build();
        byte[] kb = b.build();
        assertTrue(Arrays.compareUnsigned(ka, kb) < 0);
        assertFalse(KeyCodec.startsWith(kb, ka));
    }
}
