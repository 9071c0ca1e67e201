package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;

/** Inner join of a 10-row key range of the items table with the categories table. */
public final class MultiTableJoinScenario implements Scenario {

    static final int WINDOW = 10;
    private static final String SQL = "SELECT i.id, i.name, i.price, c.label, c.discount FROM " + BenchDataset.ITEMS
            + " i JOIN " + BenchDataset.CATEGORIES + " c ON i.category = c.category WHERE i.id BETWEEN $1 AND $2";

    @Override
    public String name() {
        return "multi_table_join";
    }

    @Override
    public String description() {
        return "JOIN items (" + BenchDataset.ITEM_ROWS + " rows, id range of " + WINDOW + ") with categories ("
                + BenchDataset.CATEGORY_COUNT + " rows) on category";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        long first = ItemRows.scatteredId(iteration, BenchDataset.ITEM_ROWS - WINDOW + 1);
        client.execute(SQL, first, first + WINDOW - 1).expectRowCount(WINDOW);
    }
}
