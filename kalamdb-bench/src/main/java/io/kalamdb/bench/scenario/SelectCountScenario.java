package io.kalamdb.bench.scenario;

import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.Envelope;
import io.kalamdb.bench.http.SqlClient;
import io.kalamdb.bench.http.SqlResult;
import java.nio.charset.StandardCharsets;

/** COUNT(*) over the 10K-row table. */
public final class SelectCountScenario implements Scenario {

    private static final String SQL = "SELECT COUNT(*) FROM " + BenchDataset.ITEMS;
    private static final byte[] EXPECTED_ROW =
            ("[[\"" + BenchDataset.ITEM_ROWS + "\"]]").getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "select_count";
    }

    @Override
    public String description() {
        return "SELECT COUNT(*) over " + BenchDataset.ITEM_ROWS + " rows (full scan or count shortcut)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        SqlResult result = client.execute(SQL).expectRowCount(1);
        if (Envelope.indexOf(result.body(), EXPECTED_ROW, 0) < 0) {
            throw new BenchException("COUNT(*) of " + BenchDataset.ITEMS + " is " + result.firstCell()
                    + ", expected " + BenchDataset.ITEM_ROWS);
        }
    }
}
