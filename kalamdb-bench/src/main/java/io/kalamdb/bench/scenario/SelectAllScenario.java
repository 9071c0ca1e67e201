package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** Full read of a 200-row table. */
public final class SelectAllScenario implements Scenario {

    private static final String SQL = "SELECT * FROM " + BenchDataset.SMALL_ITEMS + " LIMIT " + BenchDataset.SMALL_ROWS;

    @Override
    public String name() {
        return "select_all";
    }

    @Override
    public String description() {
        return "SELECT * LIMIT " + BenchDataset.SMALL_ROWS + " over a " + BenchDataset.SMALL_ROWS
                + "-row table (scan, ordering by key, row encoding)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        client.execute(SQL).expectRowCount(BenchDataset.SMALL_ROWS);
    }
}
