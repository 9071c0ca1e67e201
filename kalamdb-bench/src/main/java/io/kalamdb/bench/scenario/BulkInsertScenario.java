package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;
import java.util.concurrent.atomic.AtomicLong;

/** One multi-row INSERT of 50 literal rows per operation. */
public final class BulkInsertScenario implements Scenario {

    static final int ROWS_PER_STATEMENT = 50;

    private final AtomicLong nextFirstId = new AtomicLong(1);

    @Override
    public String name() {
        return "bulk_insert";
    }

    @Override
    public String description() {
        return "INSERT of " + ROWS_PER_STATEMENT + " literal rows in one statement (parse of a long VALUES list, batched write)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        long firstId = nextFirstId.getAndAdd(ROWS_PER_STATEMENT);
        client.execute(ItemRows.insertSql(BenchDataset.BULK_INSERTS, firstId, ROWS_PER_STATEMENT))
                .expectRowCount(ROWS_PER_STATEMENT);
    }

    @Override
    public void verify(SqlClient client) {
        BenchDataset.expectCount(client, BenchDataset.BULK_INSERTS, nextFirstId.get() - 1);
    }
}
