package io.kalamdb.core.system;

import java.time.Clock;
import java.time.Instant;

/** Microsecond timestamps, the unit of every timestamp in KalamDB's tables. */
public final class Micros {
    private Micros() {
    }

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
