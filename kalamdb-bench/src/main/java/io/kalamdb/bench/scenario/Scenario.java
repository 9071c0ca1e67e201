package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/**
 * One benchmark workload. {@link #execute} is one measured operation: the runner times each call, so everything it
 * does (usually one HTTP request, several for a sequence) counts toward the latency. Implementations are shared by
 * all threads of a scenario and must be thread-safe; each thread passes its own client.
 */
public interface Scenario {

    /** Stable snake_case name used in the table and the reports. */
    String name();

    /** One sentence: what an operation does and what it measures. */
    String description();

    /** Number of client threads, each with its own connection. */
    default int threads() {
        return 1;
    }

    /**
     * Performs operation number {@code iteration}; numbers are unique across warm-up, measurement and threads.
     * Fails (throws) unless the server answered with the expected success.
     */
    void execute(SqlClient client, long iteration);

    /** Checks the data after the scenario ran (for example that every insert landed); default none. */
    default void verify(SqlClient client) {
    }
}
