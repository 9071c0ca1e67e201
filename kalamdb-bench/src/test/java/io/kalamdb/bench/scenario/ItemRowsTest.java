package io.kalamdb.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemRowsTest {

    @Test
    void scatteredIdsVisitEveryRowOnce() {
        for (int rows : new int[] {BenchDataset.ITEM_ROWS, BenchDataset.ITEM_ROWS - MultiTableJoinScenario.WINDOW + 1}) {
            BitSet seen = new BitSet(rows + 1);
            for (long i = 0; i < rows; i++) {
                long id = ItemRows.scatteredId(i, rows);
                assertTrue(id >= 1 && id <= rows, "id " + id + " out of range");
                seen.set((int) id);
            }
            assertEquals(rows, seen.cardinality());
        }
    }

    @Test
    void insertSqlListsDeterministicRows() {
        assertEquals("INSERT INTO bench.t (id, name, category, price, qty) VALUES "
                        + "(19, 'item-19', 'cat-19', 5.75, 19), (20, 'item-20', 'cat-00', 6.0, 20)",
                ItemRows.insertSql("bench.t", 19, 2));
    }

    @Test
    void filterScenarioMatchesOneRowInHundred() {
        int matches = 0;
        for (long id = 1; id <= BenchDataset.ITEM_ROWS; id++) {
            if (ItemRows.qty(id) == 42) {
                matches++;
            }
        }
        assertEquals(100, matches);
    }

    @Test
    void scenarioNamesAreUniqueAndInOrder() {
        List<String> names = Scenarios.all(10).stream().map(Scenario::name).toList();
        assertEquals(List.of("single_insert", "bulk_insert", "point_lookup", "select_all", "select_by_filter",
                "select_count", "aggregate_query", "multi_table_join", "sequential_crud", "concurrent_select"), names);
        assertEquals(10, Scenarios.all(10).get(9).threads());
    }
}
