package io.kalamdb.bench.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Total CPU time (all threads, user and system) of a process, read through {@link ProcessHandle}. Latency on a busy
 * machine includes time spent waiting for a core; CPU time per operation does not, so it shows what an operation
 * costs even when the run shares the machine.
 */
public final class ProcessCpu {

    private static final long UNKNOWN = -1;

    private final ProcessHandle process;

    private ProcessCpu(ProcessHandle process) {
        this.process = process;
    }

    public static ProcessCpu of(long pid) {
        return new ProcessCpu(ProcessHandle.of(pid).orElse(null));
    }

    /** A meter that always answers unknown (the server was not started by the benchmark). */
    public static ProcessCpu none() {
        return new ProcessCpu(null);
    }

    /** CPU nanoseconds used so far, or -1 when the platform does not report it. */
    public long nanos() {
        if (process == null) {
            return UNKNOWN;
        }
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElse(UNKNOWN);
    }

    /** {@code end - start}, or -1 when either reading is unknown. */
    public static long between(long start, long end) {
        return start < 0 || end < 0 ? UNKNOWN : Math.max(0, end - start);
    }
}
