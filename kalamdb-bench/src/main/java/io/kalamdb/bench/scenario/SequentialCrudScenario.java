package io.kalamdb.bench.scenario;

import io.kalamdb.bench.http.SqlClient;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The life of one row in four requests: INSERT, SELECT by key, UPDATE by key, DELETE by key. One operation is the
 * whole sequence, so its latency is the sum of four round trips.
 */
public final class SequentialCrudScenario implements Scenario {

    private static final String TABLE = BenchDataset.CRUD_ITEMS;
    private static final String INSERT = "INSERT INTO " + TABLE + " " + ItemRows.COLUMNS + " VALUES ($1, $2, $3, $4, $5)";
    private static final String SELECT = "SELECT * FROM " + TABLE + " WHERE id = $1";
    private static final String UPDATE = "UPDATE " + TABLE + " SET qty = qty + 1, price = price * 2 WHERE id = $1";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = $1";

    private final AtomicLong lastId = new AtomicLong();

    @Override
    public String name() {
        return "sequential_crud";
    }

    @Override
    public String description() {
        return "INSERT, SELECT, UPDATE and DELETE of one row by key, one after another (4 round trips per operation)";
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        long id = lastId.incrementAndGet();
        client.execute(INSERT, id, ItemRows.name(id), ItemRows.category(id), ItemRows.price(id), ItemRows.qty(id))
                .expectRowCount(1);
        client.execute(SELECT, id).expectRowCount(1);
        client.execute(UPDATE, id).expectRowCount(1);
        client.execute(DELETE, id).expectRowCount(1);
    }

    @Override
    public void verify(SqlClient client) {
        BenchDataset.expectCount(client, TABLE, 0);
    }
}
