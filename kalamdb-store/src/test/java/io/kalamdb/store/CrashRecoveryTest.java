package io.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.RocksDbSection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing child JVM with SIGKILL and checks that every acknowledged write survived. */
class CrashRecoveryTest {
    private static final int ACKS_BEFORE_KILL = 500;
    private static final int ROW_TAG_LENGTH = KeyCodec.str("row").length;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void acknowledgedWritesSurviveKill9() throws Exception {
        Path db = dir.resolve("db").toAbsolutePath();
        Process child = startWriter(db);
        long lastAck = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            assertThrows(StoreLockedException.class, () -> RocksDbBackend.open(db, RocksDbSection.defaults()));
            while (lastAck < ACKS_BEFORE_KILL) {
                String line = out.readLine();
                assertNotNull(line, () -> "writer exited early: " + errors(db));
                long n = Long.parseLong(line);
                assertEquals(lastAck + 1, n);
                lastAck = n;
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue());

        try (RocksDbBackend store = RocksDbBackend.open(db, RocksDbSection.defaults())) {
            List<KeyValue> rows = RocksDbBackendTest.drain(store.scanPrefix(CrashWriterMain.DATA, KeyCodec.empty()));
            List<KeyValue> index = RocksDbBackendTest.drain(store.scanPrefix(CrashWriterMain.INDEX,
                    KeyCodec.empty()));
            assertTrue(rows.size() > lastAck, "acknowledged " + (lastAck + 1) + " rows, found " + rows.size());
            assertEquals(rows.size(), index.size(), "a batch was applied partially");
            for (int i = 0; i < rows.size(); i++) {
                int n = i;
                assertArrayEquals(KeyCodec.u64(n), rows.get(n).key(), () -> "row " + n + " lost");
                assertEquals(n, KeyCodec.reader(rows.get(n).value(), ROW_TAG_LENGTH).u64());
                assertArrayEquals(KeyCodec.u64(n), index.get(n).key(), () -> "index of row " + n + " lost");
            }
        }
    }

    private static Process startWriter(Path db) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", classPath,
                CrashWriterMain.class.getName(), db.toString());
        pb.redirectError(db.resolveSibling("writer.err").toFile());
        return pb.start();
    }

    private static String errors(Path db) {
        try {
            return Files.readString(db.resolveSibling("writer.err"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
