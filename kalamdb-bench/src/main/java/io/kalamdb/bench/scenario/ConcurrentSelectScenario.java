package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** Point lookups from several client threads at once, each on its own keep-alive connection. */
public final class ConcurrentSelectScenario implements Scenario {

    private final PointLookupScenario lookup;

    public ConcurrentSelectScenario(int threads) {
        this.lookup = new PointLookupScenario("concurrent_select", threads);
    }

    @Override
    public String name() {
        return lookup.name();
    }

    @Override
    public String description() {
        return lookup.threads() + " threads doing point lookups at once (aggregate throughput, latency under contention)";
    }

    @Override
    public int threads() {
        return lookup.threads();
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        lookup.execute(client, iteration);
    }
}
