package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.bench.http.ClientKind;
import java.net.URI;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsWhenNoArguments() {
        BenchOptions options = BenchOptions.parse(new String[0]);
        assertNull(options.serverJar());
        assertNull(options.url());
        assertNull(options.out());
        assertEquals("root", options.user());
        assertEquals("kalamdb123", options.password());
        assertEquals(2000, options.iterations());
        assertEquals(300, options.warmup());
        assertEquals(10, options.threads());
        assertEquals(10.0, options.maxSeconds());
        assertEquals(3.0, options.warmupSeconds());
        assertEquals(ClientKind.RAW, options.client());
        assertEquals(List.of(), options.scenarios());
        assertEquals(List.of(), options.serverJavaOptions());
        assertFalse(options.keepData());
        assertFalse(options.help());
    }

    @Test
    void parsesSeparateAndInlineValues() {
        BenchOptions options = BenchOptions.parse(new String[] {
            "--server-jar", "/opt/server.jar", "--url=http://127.0.0.1:8080/", "--iterations", "50", "--warmup=0",
            "--out", "reports", "--client", "JDK", "--threads", "4", "--max-seconds", "2.5",
            "--scenarios", "point_lookup, select_all,", "--server-java-opts", " -Xmx1g  -XX:+UseG1GC ", "--keep-data"
        });
        assertEquals(Paths.get("/opt/server.jar"), options.serverJar());
        assertEquals(URI.create("http://127.0.0.1:8080"), options.url());
        assertEquals(50, options.iterations());
        assertEquals(0, options.warmup());
        assertEquals(Paths.get("reports"), options.out());
        assertEquals(ClientKind.JDK, options.client());
        assertEquals(4, options.threads());
        assertEquals(2.5, options.maxSeconds());
        assertEquals(List.of("point_lookup", "select_all"), options.scenarios());
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), options.serverJavaOptions());
        assertTrue(options.keepData());
    }

    @Test
    void rejectsBadInput() {
        assertEquals("unknown option --nope",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--nope", "1"})).getMessage());
        assertEquals("option --iterations needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--iterations"})).getMessage());
        assertEquals("--iterations must be positive",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--iterations", "0"})).getMessage());
        assertEquals("--warmup needs a whole number, got x",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--warmup", "x"})).getMessage());
        assertEquals("unknown client 'curl' (expected raw or jdk)",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--client", "curl"})).getMessage());
        assertEquals("--url must look like http://host:port, got localhost",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--url", "localhost"})).getMessage());
    }

    @Test
    void helpFlag() {
        assertTrue(BenchOptions.parse(new String[] {"--help"}).help());
        assertTrue(BenchOptions.parse(new String[] {"-h"}).help());
    }
}
