package io.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityStoreTest {
    private static final Partition JOBS = new Partition(ColumnFamily.SYSTEM_META, "jobs");

    @TempDir
    Path dir;

    private RocksDbBackend backend;
    private EntityStore<String, TestJob> jobs;

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
        jobs = new EntityStore<>(backend, JOBS, KeyEncoder.string(), JsonValueCodec.of(TestJob.class));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void getPutDeleteAndCount() {
        assertEquals(Optional.empty(), jobs.get("FL-1"));
        TestJob job = new TestJob("FL-1", "new", List.of("a"), null);
        jobs.put("FL-1", job);
        assertEquals(Optional.of(job), jobs.get("FL-1"));
        jobs.put("FL-1", job.withStatus("running"));
        assertEquals("running", jobs.get("FL-1").orElseThrow().status());
        assertEquals(1, jobs.count());
        jobs.delete("FL-1");
        assertEquals(Optional.empty(), jobs.get("FL-1"));
        assertEquals(0, jobs.count());
    }

    @Test
    void scansReturnEntitiesInKeyOrder() {
        for (String id : List.of("FL-2", "CO-1", "FL-10", "FL-1", "FL")) {
            jobs.put(id, new TestJob(id, "new", List.of(), "n" + id));
        }
        assertEquals(List.of("CO-1", "FL", "FL-1", "FL-10", "FL-2"), jobs.scanAll().stream().map(TestJob::id).toList());
        List<Map.Entry<String, TestJob>> entries = jobs.scanAllEntries();
        assertEquals(List.of("CO-1", "FL", "FL-1", "FL-10", "FL-2"), entries.stream().map(Map.Entry::getKey).toList());
        assertEquals("nFL-10", entries.get(3).getValue().note());
        byte[] rawPrefix = "FL-1".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("FL-1", "FL-10"), jobs.scanPrefix(rawPrefix).stream().map(TestJob::id).toList());
        assertEquals(List.of("FL-1"), jobs.scanPrefix(KeyCodec.str("FL-1")).stream().map(TestJob::id).toList());
        assertEquals(5, jobs.count());
    }

    @Test
    void batchVariantsJoinTheCallersBatch() {
        jobs.put("old", new TestJob("old", "done", List.of(), null));
        Partition other = new Partition(ColumnFamily.SYSTEM_META, "audit");
        try (WriteBatch batch = backend.newBatch()) {
            jobs.put(batch, "new", new TestJob("new", "new", List.of(), null));
            jobs.delete(batch, "old");
            batch.put(other, KeyCodec.u64(1), "created".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("old"), jobs.scanAll().stream().map(TestJob::id).toList());
            backend.write(batch);
        }
        assertEquals(List.of("new"), jobs.scanAll().stream().map(TestJob::id).toList());
        assertEquals("created", new String(backend.get(other, KeyCodec.u64(1)), StandardCharsets.UTF_8));
    }

    @Test
    void longKeysKeepNumericOrder() {
        EntityStore<Long, String> counters = new EntityStore<>(backend, new Partition(ColumnFamily.SYSTEM_META,
                "counters"), KeyEncoder.int64(), JsonValueCodec.of(String.class));
        for (long k : new long[] {5, -3, 0, Long.MAX_VALUE, Long.MIN_VALUE}) {
            counters.put(k, "v" + k);
        }
        assertEquals(List.of(Long.MIN_VALUE, -3L, 0L, 5L, Long.MAX_VALUE),
                counters.scanAllEntries().stream().map(Map.Entry::getKey).toList());
        assertEquals(Optional.of("v-3"), counters.get(-3L));
    }

    @Test
    void jsonCodecWritesNullsIgnoresUnknownFieldsAndReportsBadInput() {
        JsonValueCodec<TestJob> codec = JsonValueCodec.of(TestJob.class);
        TestJob job = new TestJob("j", "new", List.of("x", "y"), null);
        assertEquals("{\"id\":\"j\",\"status\":\"new\",\"tags\":[\"x\",\"y\"],\"note\":null}",
                new String(codec.encode(job), StandardCharsets.UTF_8));
        assertEquals(job, codec.decode(codec.encode(job)));
        TestJob fromNewer = codec.decode("{\"id\":\"j\",\"status\":\"new\",\"added_later\":7,\"tags\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new TestJob("j", "new", List.of(), null), fromNewer);
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("cannot decode io.kalamdb.store.TestJob from stored JSON: "),
                e.getMessage());
        JsonValueCodec<Map<String, Long>> generic = JsonValueCodec.of(new TypeReference<Map<String, Long>>() { });
        assertEquals(Map.of("a", 1L), generic.decode(generic.encode(Map.of("a", 1L))));
    }
}
