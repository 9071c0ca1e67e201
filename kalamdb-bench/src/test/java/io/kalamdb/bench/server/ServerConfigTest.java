package io.kalamdb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void loopbackFreePortQuietLogging() {
        String toml = ServerConfig.toml(Paths.get("/tmp/b/data"), Paths.get("/tmp/b/logs"));
        assertEquals("""
                [server]
                host = "127.0.0.1"
                port = 0

                [storage]
                data_path = "/tmp/b/data"

                [logging]
                logs_path = "/tmp/b/logs"
                log_to_console = false
                level = "warn"
                """, toml);
    }

    @Test
    void pathsAreEscapedAsTomlBasicStrings() {
        assertEquals("\"C:\\\\Temp\\\\bench \\\"x\\\"\"", ServerConfig.tomlString("C:\\Temp\\bench \"x\""));
        assertEquals("\"a\\tb\\u0001\"", ServerConfig.tomlString("a\tb\u0001"));
        assertTrue(ServerConfig.toml(Paths.get("rel"), Paths.get("logs")).contains("data_path = \"/"));
    }
}
