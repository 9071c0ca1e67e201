package io.kalamdb.commons.ids;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A test clock in Unix milliseconds that advances by a set step each time it is read, and counts the reads. */
final class FakeClock implements LongSupplier {
    private final AtomicLong now;
    private final AtomicLong polls = new AtomicLong();
    private volatile long step;

    FakeClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    /** Moves the clock to {@code millis}, forwards or backwards. */
    void set(long millis) {
        now.set(millis);
    }

    /** How far the clock advances after each read; 0 freezes it. */
    void step(long millis) {
        step = millis;
    }

    /** How many times the clock was read. */
    long polls() {
        return polls.get();
    }

    @Override
    public long getAsLong() {
        polls.incrementAndGet();
        return now.getAndAdd(step);
    }
}
