package io.kalamdb.core.jobs;

import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.IndexedEntityStore;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyEncoder;
import io.kalamdb.store.Partition;
import io.kalamdb.store.SecondaryIndex;
import io.kalamdb.store.StorageBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code system.jobs} in RocksDB: partition {@code system_meta/jobs} keyed by {@code str(job_id)}, with secondary
 * indexes by status and by idempotency key in {@code system_index}. Every put writes the job and its index entries
 * atomically. Read-modify-write sequences are serialised by the {@link JobManager}.
 */
public final class JobStore {
    /** Where the jobs live. */
    public static final Partition PARTITION = new Partition(ColumnFamily.SYSTEM_META, "jobs");
    static final String BY_STATUS = "status";
    static final String BY_IDEMPOTENCY_KEY = "idempotency_key";

    /** Creation order, the order of {@code system.jobs} and of the queue. */
    public static final Comparator<Job> CREATION_ORDER =
            Comparator.comparingLong(Job::createdAt).thenComparing(Job::jobId);

    private final IndexedEntityStore<JobId, Job> store;

    public JobStore(StorageBackend backend) {
        KeyEncoder<String> strings = KeyEncoder.string();
        KeyEncoder<JobId> keys = new KeyEncoder<>() {
            @Override
            public byte[] encode(JobId key) {
                return strings.encode(key.value());
            }

            @Override
            public JobId decode(byte[] bytes) {
                return new JobId(strings.decode(bytes));
            }
        };
        this.store = new IndexedEntityStore<>(backend, PARTITION, keys, JsonValueCodec.of(Job.class), List.of(
                SecondaryIndex.single(BY_STATUS, (Job j) -> j.status().wireName()),
                SecondaryIndex.single(BY_IDEMPOTENCY_KEY, Job::idempotencyKey)));
    }

    public Optional<Job> get(JobId id) {
        return store.get(id);
    }

    /** Stores the job and updates its index entries. */
    public void put(Job job) {
        store.put(job.jobId(), job);
    }

    /** Every job, in creation order. */
    public List<Job> list() {
        List<Job> all = store.scanAll();
        all.sort(CREATION_ORDER);
        return all;
    }

    /** The jobs in {@code status}, in creation order. */
    public List<Job> byStatus(JobStatus status) {
        List<Job> jobs = store.findByIndex(BY_STATUS, status.wireName());
        jobs.sort(CREATION_ORDER);
        return jobs;
    }

    /** The jobs with this idempotency key, whatever their status, in creation order. */
    public List<Job> byIdempotencyKey(String key) {
        List<Job> jobs = store.findByIndex(BY_IDEMPOTENCY_KEY, key);
        jobs.sort(CREATION_ORDER);
        return jobs;
    }
}
