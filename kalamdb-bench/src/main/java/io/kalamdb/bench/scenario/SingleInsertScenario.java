package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;
import java.util.concurrent.atomic.AtomicLong;

/** One parameterised single-row INSERT into a SHARED table per operation. */
public final class SingleInsertScenario implements Scenario {

    private static final String SQL = "INSERT INTO " + BenchDataset.SINGLE_INSERTS + " " + ItemRows.COLUMNS
            + " VALUES ($1, $2, $3, $4, $5)";

    private final AtomicLong lastId = new AtomicLong();

    @Override
    public String name() {
        return "single_insert";
    }

    @Override
    public String description() {
        return "INSERT of one row with 5 parameters into a SHARED table (write path: parse, bind, RocksDB put)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        long id = lastId.incrementAndGet();
        client.execute(SQL, id, ItemRows.name(id), ItemRows.category(id), ItemRows.price(id), ItemRows.qty(id))
                .expectRowCount(1);
    }

    @Override
    public void verify(SqlClient client) {
        BenchDataset.expectCount(client, BenchDataset.SINGLE_INSERTS, lastId.get());
    }
}
