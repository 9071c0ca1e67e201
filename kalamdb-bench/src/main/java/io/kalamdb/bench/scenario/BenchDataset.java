package io.kalamdb.bench.scenario;

import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.SqlClient;
import java.util.List;

/**
 * The namespace {@code bench} and its SHARED tables. Read scenarios use the seeded tables; write scenarios use
 * their own empty tables so that the seeded counts stay exact. Existing tables of an earlier run (against
 * {@code --url}) are dropped and created again.
 */
public final class BenchDataset {

    public static final String NAMESPACE = "bench";
    public static final String ITEMS = NAMESPACE + ".items";
    public static final String SMALL_ITEMS = NAMESPACE + ".small_items";
    public static final String CATEGORIES = NAMESPACE + ".categories";
    public static final String SINGLE_INSERTS = NAMESPACE + ".single_inserts";
    public static final String BULK_INSERTS = NAMESPACE + ".bulk_inserts";
    public static final String CRUD_ITEMS = NAMESPACE + ".crud_items";

    public static final int ITEM_ROWS = 10_000;
    public static final int SMALL_ROWS = 200;
    public static final int CATEGORY_COUNT = 20;
    public static final int QTY_VALUES = 100;

    private static final String TABLE_OPTIONS = " WITH (TYPE='SHARED', ACCESS_LEVEL='public')";
    private static final String ITEM_COLUMNS =
            " (id BIGINT PRIMARY KEY, name TEXT, category TEXT, price DOUBLE, qty INT)";
    private static final int SEED_BATCH = 500;

    private BenchDataset() {
    }

    public static void create(SqlClient admin) {
        admin.execute("CREATE NAMESPACE IF NOT EXISTS " + NAMESPACE);
        List<String> itemTables = List.of(ITEMS, SMALL_ITEMS, SINGLE_INSERTS, BULK_INSERTS, CRUD_ITEMS);
        for (String table : itemTables) {
            recreate(admin, table, ITEM_COLUMNS);
        }
        recreate(admin, CATEGORIES, " (category TEXT PRIMARY KEY, label TEXT, discount DOUBLE)");

        seedItems(admin, ITEMS, ITEM_ROWS);
        seedItems(admin, SMALL_ITEMS, SMALL_ROWS);
        seedCategories(admin);

        expectCount(admin, ITEMS, ITEM_ROWS);
        expectCount(admin, SMALL_ITEMS, SMALL_ROWS);
        expectCount(admin, CATEGORIES, CATEGORY_COUNT);
    }

    private static void recreate(SqlClient admin, String table, String columns) {
        admin.execute("DROP TABLE IF EXISTS " + table);
        admin.execute("CREATE TABLE " + table + columns + TABLE_OPTIONS);
    }

    private static void seedItems(SqlClient admin, String table, int rows) {
        for (int first = 1; first <= rows; first += SEED_BATCH) {
            int count = Math.min(SEED_BATCH, rows - first + 1);
            admin.execute(ItemRows.insertSql(table, first, count)).expectRowCount(count);
        }
    }

    private static void seedCategories(SqlClient admin) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(CATEGORIES).append(" (category, label, discount) VALUES ");
        for (int i = 0; i < CATEGORY_COUNT; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("('").append(ItemRows.category(i)).append("', 'Category ").append(i).append("', ")
                    .append(i * 0.5).append(')');
        }
        admin.execute(sql.toString()).expectRowCount(CATEGORY_COUNT);
    }

    /** Fails the run unless {@code SELECT COUNT(*)} of {@code table} is {@code expected}. */
    public static void expectCount(SqlClient client, String table, long expected) {
        String actual = client.execute("SELECT COUNT(*) FROM " + table).firstCell();
        if (!String.valueOf(expected).equals(actual)) {
            throw new BenchException("expected " + expected + " rows in " + table + " but COUNT(*) is " + actual);
        }
    }
}
