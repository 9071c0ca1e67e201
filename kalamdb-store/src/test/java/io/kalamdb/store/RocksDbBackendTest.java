package io.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RocksDbBackendTest {
    private static final Partition USERS = new Partition(ColumnFamily.SYSTEM_META, "users");
    private static final Partition HOT = new Partition(ColumnFamily.HOT_DATA, "bob");
    private static final Partition HOT2 = new Partition(ColumnFamily.HOT_DATA, "bob2");

    @TempDir
    Path dir;

    private RocksDbBackend store;

    @BeforeEach
    void open() {
        store = RocksDbBackend.open(dir.resolve("db"), RocksDbSection.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void getPutDelete() {
        assertNull(store.get(USERS, b("alice")));
        store.put(USERS, b("alice"), b("v1"));
        assertEquals("v1", s(store.get(USERS, b("alice"))));
        store.put(USERS, b("alice"), b("v2"));
        assertEquals("v2", s(store.get(USERS, b("alice"))));
        store.put(USERS, b("empty"), new byte[0]);
        assertArrayEquals(new byte[0], store.get(USERS, b("empty")));
        store.delete(USERS, b("alice"));
        assertNull(store.get(USERS, b("alice")));
        store.delete(USERS, b("never-written"));
        assertArrayEquals(new byte[0], store.get(USERS, b("empty")));
    }

    @Test
    void prefixScanReturnsOnlyThePrefixInAscendingOrder() {
        for (long seq = 5; seq >= 1; seq--) {
            store.put(HOT, KeyCodec.builder().str("alice").u64(seq).build(), b("a" + seq));
            store.put(HOT, KeyCodec.builder().str("alice2").u64(seq).build(), b("x" + seq));
            store.put(HOT, KeyCodec.builder().str("alic").u64(seq).build(), b("y" + seq));
        }
        List<KeyValue> rows = drain(store.scanPrefix(HOT, KeyCodec.str("alice")));
        assertEquals(List.of("a1", "a2", "a3", "a4", "a5"), values(rows));
        KeyReader first = KeyCodec.reader(rows.get(0).key());
        assertEquals("alice", first.str());
        assertEquals(1L, first.u64());
        assertEquals(15, drain(store.scanPrefix(HOT, KeyCodec.empty())).size());
        assertTrue(drain(store.scanPrefix(HOT, KeyCodec.str("zed"))).isEmpty());
    }

    @Test
    void reversePrefixScanFindsTheLatestVersionFirst() {
        byte[] pk = KeyCodec.builder().str("alice").u8(1).i64(42).build();
        byte[] otherPk = KeyCodec.builder().str("alice").u8(1).i64(43).build();
        for (long seq : new long[] {100, 300, 200}) {
            store.put(HOT, KeyCodec.builder().bytes(pk).u64(seq).build(), b("v" + seq));
        }
        store.put(HOT, KeyCodec.builder().bytes(otherPk).u64(1).build(), b("other"));
        store.put(HOT, KeyCodec.builder().bytes(otherPk).u64(-1L).build(), b("other-max"));
        assertEquals(List.of("v300", "v200", "v100"), values(drain(store.scanPrefixReverse(HOT, pk))));
        assertEquals(List.of("other-max", "other"), values(drain(store.scanPrefixReverse(HOT, otherPk))));
        try (CloseableIterator<KeyValue> it = store.scanPrefixReverse(HOT, pk)) {
            KeyValue latest = it.next();
            KeyReader r = KeyCodec.reader(latest.key(), pk.length);
            assertEquals(300L, r.u64());
        }
        byte[] allFf = {(byte) 0xFF, (byte) 0xFF};
        store.put(HOT, KeyCodec.concat(allFf, b("1")), b("ff1"));
        store.put(HOT, KeyCodec.concat(allFf, b("2")), b("ff2"));
        assertEquals(List.of("ff2", "ff1"), values(drain(store.scanPrefixReverse(HOT, allFf))));
        assertTrue(drain(store.scanPrefixReverse(HOT2, KeyCodec.empty())).isEmpty());
        assertEquals(7, drain(store.scanPrefixReverse(HOT, KeyCodec.empty())).size());
    }

    @Test
    void rangeScanHonoursInclusiveAndExclusiveBounds() {
        for (long i = 0; i < 10; i++) {
            store.put(HOT, KeyCodec.u64(i), b("r" + i));
        }
        store.put(HOT2, KeyCodec.u64(3), b("other partition"));
        assertEquals(List.of("r3", "r4", "r5", "r6"),
                values(drain(store.scanRange(HOT, KeyCodec.u64(3), KeyCodec.u64(7)))));
        assertEquals(List.of("r0", "r1"), values(drain(store.scanRange(HOT, null, KeyCodec.u64(2)))));
        assertEquals(List.of("r8", "r9"), values(drain(store.scanRange(HOT, KeyCodec.u64(8), null))));
        assertEquals(10, drain(store.scanRange(HOT, null, null)).size());
        assertTrue(drain(store.scanRange(HOT, KeyCodec.u64(5), KeyCodec.u64(5))).isEmpty());
        assertTrue(drain(store.scanRange(HOT, KeyCodec.u64(7), KeyCodec.u64(3))).isEmpty());
    }

    @Test
    void partitionsAreIsolated() {
        Partition metaBob = new Partition(ColumnFamily.SYSTEM_META, "bob");
        Partition withNul = new Partition(ColumnFamily.HOT_DATA, "bob\u0000");
        Partition empty = new Partition(ColumnFamily.HOT_DATA, "");
        for (Partition p : List.of(HOT, HOT2, metaBob, withNul, empty)) {
            store.put(p, b("k"), b(p.toString()));
            store.put(p, new byte[0], b("root of " + p));
        }
        assertEquals("hot_data/bob", s(store.get(HOT, b("k"))));
        assertEquals("hot_data/bob2", s(store.get(HOT2, b("k"))));
        assertEquals("system_meta/bob", s(store.get(metaBob, b("k"))));
        for (Partition p : List.of(HOT, HOT2, metaBob, withNul, empty)) {
            List<KeyValue> rows = drain(store.scanPrefix(p, KeyCodec.empty()));
            assertEquals(List.of("root of " + p, p.toString()), values(rows), p::toString);
            assertEquals(2, drain(store.scanPrefixReverse(p, KeyCodec.empty())).size(), p::toString);
            assertEquals(2, drain(store.scanRange(p, null, null)).size(), p::toString);
        }
        store.deletePrefix(HOT, KeyCodec.empty());
        assertNull(store.get(HOT, b("k")));
        assertEquals("hot_data/bob2", s(store.get(HOT2, b("k"))));
        assertEquals("system_meta/bob", s(store.get(metaBob, b("k"))));
        assertEquals("hot_data/bob\u0000", s(store.get(withNul, b("k"))));
        assertEquals("hot_data/", s(store.get(empty, b("k"))));
    }

    @Test
    void writeBatchAppliesAllOrNothing() {
        store.put(USERS, b("stale"), b("old"));
        try (WriteBatch batch = store.newBatch()) {
            batch.put(HOT, b("row"), b("r"));
            batch.put(new Partition(ColumnFamily.HOT_INDEX, "bob"), b("idx"), b("i"));
            batch.delete(USERS, b("stale"));
            assertEquals(3, batch.size());
            assertNull(store.get(HOT, b("row")));
            assertEquals("old", s(store.get(USERS, b("stale"))));
            store.write(batch);
        }
        assertEquals("r", s(store.get(HOT, b("row"))));
        assertEquals("i", s(store.get(new Partition(ColumnFamily.HOT_INDEX, "bob"), b("idx"))));
        assertNull(store.get(USERS, b("stale")));

        WriteBatch closedBatch = store.newBatch();
        closedBatch.put(HOT, b("never"), b("x"));
        closedBatch.close();
        closedBatch.close();
        assertEquals(0, closedBatch.size());
        KalamDbException e = assertThrows(KalamDbException.class, () -> store.write(closedBatch));
        assertEquals("write batch is closed", e.getMessage());
        assertNull(store.get(HOT, b("never")));
    }

    @Test
    void batchOfAnotherStoreIsRejected() {
        try (RocksDbBackend other = RocksDbBackend.open(dir.resolve("other"), RocksDbSection.defaults());
             WriteBatch batch = other.newBatch()) {
            batch.put(HOT, b("k"), b("v"));
            KalamDbException e = assertThrows(KalamDbException.class, () -> store.write(batch));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertNull(store.get(HOT, b("k")));
            assertNull(other.get(HOT, b("k")));
        }
    }

    @Test
    void deletePrefixRemovesOnlyThePrefix() {
        for (String user : List.of("alice", "alice2", "al")) {
            for (long seq = 0; seq < 100; seq++) {
                store.put(HOT, KeyCodec.builder().str(user).u64(seq).build(), b(user));
            }
        }
        store.deletePrefix(HOT, KeyCodec.str("alice"));
        assertTrue(drain(store.scanPrefix(HOT, KeyCodec.str("alice"))).isEmpty());
        assertEquals(100, drain(store.scanPrefix(HOT, KeyCodec.str("alice2"))).size());
        assertEquals(100, drain(store.scanPrefix(HOT, KeyCodec.str("al"))).size());
        try (WriteBatch batch = store.newBatch()) {
            batch.deletePrefix(HOT, KeyCodec.str("al"));
            batch.put(HOT, KeyCodec.builder().str("al").u64(7).build(), b("after"));
            assertEquals(2, batch.size());
            store.write(batch);
        }
        assertEquals(List.of("after"), values(drain(store.scanPrefix(HOT, KeyCodec.str("al")))));
        assertEquals(100, drain(store.scanPrefix(HOT, KeyCodec.str("alice2"))).size());
        store.compactPrefix(HOT, KeyCodec.empty());
        assertEquals(101, drain(store.scanPrefix(HOT, KeyCodec.empty())).size());
    }

    @Test
    void iteratorIsAPointInTimeView() {
        store.put(HOT, b("a"), b("1"));
        store.put(HOT, b("b"), b("2"));
        try (CloseableIterator<KeyValue> it = store.scanPrefix(HOT, KeyCodec.empty())) {
            store.put(HOT, b("c"), b("3"));
            store.delete(HOT, b("b"));
            assertEquals(List.of("1", "2"), values(drain(it)));
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
        }
    }

    @Test
    void dataSurvivesCleanCloseAndReopen() {
        store.put(USERS, b("alice"), b("v"));
        try (WriteBatch batch = store.newBatch()) {
            batch.put(HOT, KeyCodec.u64(1), b("row"));
            store.write(batch);
        }
        CloseableIterator<KeyValue> leaked = store.scanPrefix(HOT, KeyCodec.empty());
        WriteBatch pending = store.newBatch();
        store.close();
        store.close();
        assertFalse(leaked.hasNext());
        leaked.close();
        String closedMessage = "RocksDB store at " + dir.resolve("db").toAbsolutePath() + " is closed";
        assertEquals(closedMessage, assertThrows(KalamDbException.class, () -> store.get(USERS, b("alice")))
                .getMessage());
        assertEquals(closedMessage, assertThrows(KalamDbException.class, () -> pending.put(HOT, b("k"), b("v")))
                .getMessage());
        assertEquals(closedMessage, assertThrows(KalamDbException.class, () -> store.scanPrefix(HOT, b("")))
                .getMessage());
        assertThrows(KalamDbException.class, store::newBatch);
        pending.close();
        store = RocksDbBackend.open(dir.resolve("db"), new RocksDbSection(1024 * 1024, 2, -1, true, true));
        assertEquals("v", s(store.get(USERS, b("alice"))));
        assertEquals("row", s(store.get(HOT, KeyCodec.u64(1))));
        store.put(USERS, b("bob"), b("synced"));
        assertEquals("synced", s(store.get(USERS, b("bob"))));
    }

    @Test
    void everyColumnFamilyIsCreated() throws Exception {
        store.close();
        List<String> names = new ArrayList<>();
        for (ColumnFamily cf : ColumnFamily.values()) {
            names.add(cf.cfName());
        }
        assertEquals(List.of("default", "system_meta", "system_index", "hot_data", "hot_index", "stream_data",
                "topic_data"), names);
        assertTrue(Files.exists(dir.resolve("db").resolve("CURRENT")));
        store = RocksDbBackend.open(dir.resolve("db"), RocksDbSection.defaults());
        for (ColumnFamily cf : ColumnFamily.values()) {
            Partition p = new Partition(cf, "p");
            store.put(p, b("k"), b(cf.cfName()));
            assertEquals(cf.cfName(), s(store.get(p, b("k"))));
            assertEquals(cf, ColumnFamily.fromCfName(cf.cfName()));
        }
        assertNull(ColumnFamily.fromCfName("nope"));
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefused() {
        Path db = dir.resolve("db").toAbsolutePath();
        StoreLockedException e = assertThrows(StoreLockedException.class,
                () -> RocksDbBackend.open(db, RocksDbSection.defaults()));
        assertEquals("data directory " + db + " is in use by another process", e.getMessage());
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(db, e.dataDir());
        store.put(USERS, b("still"), b("works"));
        assertEquals("works", s(store.get(USERS, b("still"))));
    }

    @Test
    void otherOpenFailuresAreInternalErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> RocksDbBackend.open(file, RocksDbSection.defaults()));
        assertFalse(e instanceof StoreLockedException);
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("cannot create data directory " + file.toAbsolutePath()),
                e.getMessage());
    }

    @Test
    @Timeout(1)
    void concurrentReadersAndWriters() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Partition p = new Partition(ColumnFamily.HOT_DATA, "t" + thread);
                    for (int i = 0; i < perThread; i++) {
                        byte[] key = KeyCodec.u64(i);
                        if (i % 2 == 0) {
                            store.put(p, key, KeyCodec.u64(i * 10L));
                        } else {
                            try (WriteBatch batch = store.newBatch()) {
                                batch.put(p, key, KeyCodec.u64(i * 10L));
                                store.write(batch);
                            }
                        }
                        assertEquals(i * 10L, KeyCodec.reader(store.get(p, key)).u64());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(perThread, drain(store.scanPrefix(new Partition(ColumnFamily.HOT_DATA, "t" + t),
                    KeyCodec.empty())).size());
        }
    }

    static List<KeyValue> drain(CloseableIterator<KeyValue> it) {
        List<KeyValue> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    static List<String> values(List<KeyValue> rows) {
        List<String> out = new ArrayList<>();
        for (KeyValue kv : rows) {
            out.add(s(kv.value()));
        }
        return out;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
