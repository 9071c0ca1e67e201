package io.kalamdb.core.jobs;

import io.kalamdb.commons.config.JobsSection;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.store.RocksDbBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one job end to end outside any timed test, so that class loading and JIT warm-up of RocksDB, Jackson and
 * the job classes do not count against the tests' {@code @Timeout}s.
 */
public final class JobWarmup {
    private JobWarmup() {
    }

    public static void run(Path dir) throws InterruptedException {
        try (RocksDbBackend backend = RocksDbBackend.open(dir, RocksDbSection.defaults())) {
            JobManager jobs = new JobManager(backend, new JobsSection(1, 1, 1, 7), Clock.systemUTC(),
                    List.of(new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) ->
                            JobOutcome.completed(ctx.requireString("table_id")))));
            jobs.start();
            JobId id = jobs.create(JobType.FLUSH, Map.of("table_id", "warm.up"), "FL:warm.up", 1L);
            JobAwait.terminal(jobs, id);
            jobs.list();
            jobs.stop(Duration.ofSeconds(5));
        }
    }
}
