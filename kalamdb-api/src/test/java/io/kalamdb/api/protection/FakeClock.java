package io.kalamdb.api.protection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic nanosecond clock that moves only when a test advances it. */
final class FakeClock implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
