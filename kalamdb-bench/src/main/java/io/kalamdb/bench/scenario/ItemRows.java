package io.kalamdb.bench.scenario;

import java.util.Locale;

/**
 * The deterministic contents of an item row, derived from its id, and the literal multi-row INSERT used for seeding
 * and for the bulk scenario. Ids are 1-based.
 */
public final class ItemRows {

    /** Prime and coprime with every table size used here, so {@link #scatteredId} visits all ids. */
    private static final long SCATTER = 7919;
    static final String COLUMNS = "(id, name, category, price, qty)";

    private ItemRows() {
    }

    public static String name(long id) {
        return "item-" + id;
    }

    public static String category(long id) {
        return category((int) (id % BenchDataset.CATEGORY_COUNT));
    }

    public static String category(int index) {
        return String.format(Locale.ROOT, "cat-%02d", index);
    }

    public static double price(long id) {
        return (id % 1000) * 0.25 + 1.0;
    }

    public static int qty(long id) {
        return (int) (id % BenchDataset.QTY_VALUES);
    }

    /** Spreads consecutive iterations over the ids {@code 1..rows} (a permutation when rows is coprime with 7919). */
    public static long scatteredId(long iteration, int rows) {
        return Math.floorMod(iteration * SCATTER, (long) rows) + 1;
    }

    /** {@code INSERT INTO table (...) VALUES (...), ...} for ids {@code firstId .. firstId + count - 1}. */
    public static String insertSql(String table, long firstId, int count) {
        StringBuilder sql = new StringBuilder(64 + count * 48);
        sql.append("INSERT INTO ").append(table).append(' ').append(COLUMNS).append(" VALUES ");
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            if (i > 0) {
                sql.append(", ");
            }
            sql.append('(').append(id)
                    .append(", '").append(name(id))
                    .append("', '").append(category(id))
                    .append("', ").append(price(id))
                    .append(", ").append(qty(id))
                    .append(')');
        }
        return sql.toString();
    }
}
