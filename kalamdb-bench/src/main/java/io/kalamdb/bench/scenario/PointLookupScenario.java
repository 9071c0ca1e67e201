package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** SELECT of one row by primary key, with the key as a parameter, over the 10K-row table. */
public final class PointLookupScenario implements Scenario {

    static final String SQL = "SELECT * FROM " + BenchDataset.ITEMS + " WHERE id = $1";

    private final String name;
    private final int threads;

    public PointLookupScenario() {
        this("point_lookup", 1);
    }

    PointLookupScenario(String name, int threads) {
        this.name = name;
        this.threads = threads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "SELECT * WHERE id = $1 over " + BenchDataset.ITEM_ROWS + " rows (primary-key read path)";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        client.execute(SQL, ItemRows.scatteredId(iteration, BenchDataset.ITEM_ROWS)).expectRowCount(1);
    }
}
