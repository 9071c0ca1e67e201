package io.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class IndexedEntityStoreTest {
    private static final Partition JOBS = new Partition(ColumnFamily.SYSTEM_META, "jobs");
    private static final List<String> STATUSES = List.of("new", "queued", "running", "completed", "failed");

    @TempDir
    Path dir;

    private RocksDbBackend backend;
    private IndexedEntityStore<String, TestJob> jobs;

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
        jobs = newStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static IndexedEntityStore<String, TestJob> newStore(StorageBackend backend) {
        return new IndexedEntityStore<>(backend, JOBS, KeyEncoder.string(), JsonValueCodec.of(TestJob.class),
                List.of(SecondaryIndex.single("status", TestJob::status), new SecondaryIndex<>("tag", TestJob::tags)));
    }

    @Test
    void indexFollowsChangesOfTheIndexedField() {
        jobs.put("j1", new TestJob("j1", "new", List.of(), null));
        jobs.put("j2", new TestJob("j2", "new", List.of(), null));
        assertEquals(List.of("j1", "j2"), jobs.keysByIndex("status", "new"));
        jobs.put("j1", new TestJob("j1", "running", List.of(), "started"));
        assertEquals(List.of("j2"), jobs.keysByIndex("status", "new"));
        assertEquals(List.of("j1"), jobs.keysByIndex("status", "running"));
        assertEquals(List.of(new TestJob("j1", "running", List.of(), "started")), jobs.findByIndex("status", "running"));
        jobs.put("j1", new TestJob("j1", "running", List.of(), "same status"));
        assertEquals(List.of("j1"), jobs.keysByIndex("status", "running"));
        assertEquals("same status", jobs.findByIndex("status", "running").get(0).note());
        assertEquals(2, indexEntries("status"));
        assertTrue(jobs.findByIndex("status", "failed").isEmpty());
    }

    @Test
    void deleteRemovesEntityAndIndexEntries() {
        jobs.put("j1", new TestJob("j1", "queued", List.of("a", "b"), null));
        jobs.put("j2", new TestJob("j2", "queued", List.of("b"), null));
        jobs.delete("j1");
        assertEquals(Optional.empty(), jobs.get("j1"));
        assertEquals(List.of("j2"), jobs.keysByIndex("status", "queued"));
        assertEquals(List.of(), jobs.keysByIndex("tag", "a"));
        assertEquals(List.of("j2"), jobs.keysByIndex("tag", "b"));
        assertEquals(1, indexEntries("status"));
        assertEquals(1, indexEntries("tag"));
        jobs.delete("missing");
        assertEquals(1, jobs.count());
    }

    @Test
    void multiKeyAndUnindexedValues() {
        jobs.put("j1", new TestJob("j1", null, null, null));
        assertEquals(0, indexEntries("status"));
        assertEquals(0, indexEntries("tag"));
        jobs.put("j1", new TestJob("j1", "new", List.of("x", "y", "x"), null));
        assertEquals(List.of("j1"), jobs.keysByIndex("tag", "x"));
        assertEquals(List.of("j1"), jobs.keysByIndex("tag", "y"));
        assertEquals(2, indexEntries("tag"));
        jobs.put("j1", new TestJob("j1", "new", List.of("y", "z"), null));
        assertEquals(List.of(), jobs.keysByIndex("tag", "x"));
        assertEquals(List.of("j1"), jobs.keysByIndex("tag", "z"));
        assertEquals(2, indexEntries("tag"));
        jobs.put("j1", new TestJob("j1", null, List.of(), null));
        assertEquals(0, indexEntries("status"));
        assertEquals(0, indexEntries("tag"));
    }

    @Test
    void indexKeysArePrefixFreeAndStoredInSystemIndex() {
        jobs.put("j1", new TestJob("j1", "run", List.of(), null));
        jobs.put("j2", new TestJob("j2", "running", List.of(), null));
        jobs.put("j3", new TestJob("j3", "run\u0000x", List.of(), null));
        assertEquals(List.of("j1"), jobs.keysByIndex("status", "run"));
        assertEquals(List.of("j2"), jobs.keysByIndex("status", "running"));
        assertEquals(List.of("j3"), jobs.keysByIndex("status", "run\u0000x"));
        Partition statusPartition = jobs.indexPartition("status");
        assertEquals(new Partition(ColumnFamily.SYSTEM_INDEX, "jobs:status"), statusPartition);
        byte[] entry = KeyCodec.builder().str("run").bytes(KeyCodec.str("j1")).build();
        assertEquals(0, backend.get(statusPartition, entry).length);
        KalamDbException e = assertThrows(KalamDbException.class, () -> jobs.findByIndex("owner", "x"));
        assertEquals("no index owner on system_meta/jobs", e.getMessage());
    }

    @Test
    void batchVariantsStageEntityAndIndexTogether() {
        jobs.put("j1", new TestJob("j1", "new", List.of(), null));
        try (WriteBatch batch = backend.newBatch()) {
            jobs.put(batch, "j1", new TestJob("j1", "queued", List.of(), null));
            jobs.put(batch, "j2", new TestJob("j2", "queued", List.of(), null));
            assertEquals(List.of("j1"), jobs.keysByIndex("status", "new"));
            backend.write(batch);
        }
        assertEquals(List.of("j1", "j2"), jobs.keysByIndex("status", "queued"));
        assertEquals(List.of(), jobs.keysByIndex("status", "new"));
        try (WriteBatch batch = backend.newBatch()) {
            jobs.delete(batch, "j1");
            backend.write(batch);
        }
        assertEquals(List.of("j2"), jobs.keysByIndex("status", "queued"));
        assertEquals(Optional.empty(), jobs.get("j1"));
    }

    @Test
    void rebuildRestoresIndexesFromEntities() {
        EntityStore<String, TestJob> plain = new EntityStore<>(backend, JOBS, KeyEncoder.string(),
                JsonValueCodec.of(TestJob.class));
        plain.put("j1", new TestJob("j1", "new", List.of("t"), null));
        plain.put("j2", new TestJob("j2", "failed", List.of(), null));
        backend.put(jobs.indexPartition("status"), KeyCodec.builder().str("ghost").bytes(KeyCodec.str("j9")).build(),
                new byte[0]);
        assertEquals(List.of(), jobs.keysByIndex("status", "new"));
        jobs.rebuildIndexes();
        assertEquals(List.of("j1"), jobs.keysByIndex("status", "new"));
        assertEquals(List.of("j2"), jobs.keysByIndex("status", "failed"));
        assertEquals(List.of("j1"), jobs.keysByIndex("tag", "t"));
        assertEquals(List.of(), jobs.keysByIndex("status", "ghost"));
        assertEquals(3, indexEntries("status") + indexEntries("tag"));
    }

    @Test
    void indexSurvivesReopen() {
        jobs.put("j1", new TestJob("j1", "completed", List.of(), null));
        backend.close();
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
        jobs = newStore(backend);
        assertEquals(List.of(new TestJob("j1", "completed", List.of(), null)), jobs.findByIndex("status", "completed"));
    }

    @Test
    @Timeout(2)
    void concurrentUpdatesLeaveExactlyOneIndexEntryPerJob() throws Exception {
        int threads = 8;
        int updates = 300;
        List<String> ids = List.of("j1", "j2", "j3");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < updates; i++) {
                        String id = ids.get((thread + i) % ids.size());
                        jobs.put(id, new TestJob(id, STATUSES.get((thread * 7 + i) % STATUSES.size()), List.of(), null));
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
        assertEquals(ids.size(), indexEntries("status"));
        for (String id : ids) {
            String status = jobs.get(id).orElseThrow().status();
            assertTrue(jobs.keysByIndex("status", status).contains(id), id + " missing under " + status);
        }
    }

    private int indexEntries(String index) {
        return RocksDbBackendTest.drain(backend.scanPrefix(jobs.indexPartition(index), KeyCodec.empty())).size();
    }
}
