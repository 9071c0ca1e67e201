package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** Filter on a non-key column: every operation scans the 10K rows and returns the 100 that match. */
public final class SelectByFilterScenario implements Scenario {

    private static final String SQL = "SELECT * FROM " + BenchDataset.ITEMS + " WHERE qty = $1 LIMIT 1000";
    private static final int MATCHES = BenchDataset.ITEM_ROWS / BenchDataset.QTY_VALUES;

    @Override
    public String name() {
        return "select_by_filter";
    }

    @Override
    public String description() {
        return "SELECT * WHERE qty = $1 (non-key column) over " + BenchDataset.ITEM_ROWS + " rows, " + MATCHES
                + " matches (filtered scan)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        client.execute(SQL, iteration % BenchDataset.QTY_VALUES).expectRowCount(MATCHES);
    }
}
