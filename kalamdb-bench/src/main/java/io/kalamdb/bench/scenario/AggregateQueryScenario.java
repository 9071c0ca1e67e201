package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** GROUP BY with SUM and AVG over the 10K-row table. */
public final class AggregateQueryScenario implements Scenario {

    private static final String SQL = "SELECT category, SUM(price) AS total_price, AVG(qty) AS avg_qty, COUNT(*) AS n FROM "
            + BenchDataset.ITEMS + " GROUP BY category";

    @Override
    public String name() {
        return "aggregate_query";
    }

    @Override
    public String description() {
        return "GROUP BY category with SUM/AVG/COUNT over " + BenchDataset.ITEM_ROWS + " rows into "
                + BenchDataset.CATEGORY_COUNT + " groups (scan plus hash aggregation)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        client.execute(SQL).expectRowCount(BenchDataset.CATEGORY_COUNT);
    }
}
