package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.enums.Role;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table times stay exact µs through plans that only pass them along, compare or choose among them. */
class TimePrecisionTest {
    static final AuthSession ROOT = EngineFixture.as("root", Role.SYSTEM);
    static final long T1 = 1672567200123456L;
    static final long T2 = 1672567200123999L;

    @TempDir
    static Path dir;
    static EngineFixture db;

    @BeforeAll
    static void start() {
        db = new EngineFixture(dir);
        db.run(ROOT, "CREATE NAMESPACE tp");
        db.run(ROOT, "CREATE TABLE tp.t (id INT PRIMARY KEY, ts TIMESTAMP, tm TIME, other TIMESTAMP)");
        db.run(ROOT, "INSERT INTO tp.t VALUES (1, '2023-01-01 10:00:00.123456', '00:00:00.000007', NULL), "
                + "(2, 1672567200123999, '23:59:59.999999', '2023-01-01 10:00:00.000001')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String physicalPlan(String query) {
        return String.valueOf(db.rows(ROOT, "EXPLAIN " + query).rows().get(1).get(1));
    }

    @Test
    void passedAlongTimesAreExactAndNeverConverted() {
        assertEquals(List.of(List.of(1, T1, 7L), List.of(2, T2, 86399999999L)),
                db.rows(ROOT, "SELECT id, ts, tm FROM tp.t ORDER BY ts").rows());
        assertFalse(physicalPlan("SELECT id, ts, tm FROM tp.t ORDER BY ts").contains("KALAM_MICROS_TO_MILLIS"));
        assertEquals(List.of(List.of(T1, T2)), db.rows(ROOT, "SELECT MIN(ts), MAX(ts) FROM tp.t").rows());
    }

    @Test
    void comparisonsWithConstantsAndParametersAreExact() {
        assertEquals(List.of(List.of(2)), db.rows(ROOT, "SELECT id FROM tp.t WHERE ts > '2023-01-01 10:00:00.123456'")
                .rows());
        assertEquals(List.of(List.of(1)), db.rows(ROOT, "SELECT id FROM tp.t WHERE ts = $1", T1).rows());
        assertEquals(List.of(List.of(2)), db.rows(ROOT, "SELECT id FROM tp.t WHERE tm = $1", "23:59:59.999999")
                .rows());
        assertFalse(physicalPlan("SELECT id FROM tp.t WHERE ts = TIMESTAMP '2023-01-01 10:00:00.123456'")
                .contains("KALAM_MICROS_TO_MILLIS"));
    }

    @Test
    void choicesAmongTimesAreExact() {
        assertEquals(List.of(List.of(T1), List.of(1672567200000001L)),
                db.rows(ROOT, "SELECT COALESCE(other, ts) FROM tp.t ORDER BY id").rows());
        assertEquals(Arrays.asList(null, T2),
                db.rows(ROOT, "SELECT CASE WHEN id = 2 THEN ts END FROM tp.t ORDER BY id").rows().stream()
                        .map(r -> r.get(0)).toList());
    }

    @Test
    void dayTimeIntervalsShiftExactly() {
        assertFalse(physicalPlan("SELECT ts + INTERVAL '1' SECOND FROM tp.t").contains("KALAM_MICROS_TO_MILLIS"));
        assertEquals(List.of(List.of(1672567201123456L, "2023-01-01 10:00:00.123456")),
                db.rows(ROOT, "SELECT ts + INTERVAL '1' SECOND, CAST(ts AS VARCHAR) FROM tp.t WHERE id = 1").rows());
    }

    @Test
    void functionsOfTimesComputeInMilliseconds() {
        assertTrue(physicalPlan("SELECT EXTRACT(MINUTE FROM ts) FROM tp.t").contains("KALAM_MICROS_TO_MILLIS"));
        assertEquals(List.of(List.of("123000")),
                db.rows(ROOT, "SELECT EXTRACT(MICROSECOND FROM ts) FROM tp.t WHERE id = 1").rows());
    }

    @Test
    void windowFunctionsPassTimesExactly() {
        assertEquals(List.of(Arrays.asList(1, null, T2, T2, "1"), Arrays.asList(2, T1, null, T2, "2")), db.rows(ROOT,
                "SELECT id, LAG(ts) OVER (ORDER BY ts), LEAD(ts) OVER (ORDER BY ts), MAX(ts) OVER (), "
                        + "ROW_NUMBER() OVER (ORDER BY ts) FROM tp.t ORDER BY id").rows());
    }

    @Test
    void monthIntervalsAndTimeArithmeticKeepMicroseconds() {
        assertEquals(List.of(List.of(1675245600123456L, 3600000007L, 86399000007L)), db.rows(ROOT,
                "SELECT ts + INTERVAL '1' MONTH, tm + INTERVAL '1' HOUR, tm - INTERVAL '1' SECOND FROM tp.t "
                        + "WHERE id = 1")
                .rows());
    }
}
