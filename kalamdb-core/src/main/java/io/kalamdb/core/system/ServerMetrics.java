package io.kalamdb.core.system;

import java.util.concurrent.atomic.AtomicInteger;

/** Live counters of the process, shown by {@code system.stats}. */
public final class ServerMetrics {
    private final AtomicInteger activeConnections = new AtomicInteger();

    public void connectionOpened() {
        activeConnections.incrementAndGet();
    }

    public void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    public int activeConnections() {
        return activeConnections.get();
    }
}
