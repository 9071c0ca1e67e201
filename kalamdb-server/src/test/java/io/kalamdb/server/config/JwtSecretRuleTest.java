package io.kalamdb.server.config;

import io.kalamdb.auth.JwtSecretPolicy;
import io.kalamdb.commons.config.AuthSection;
import io.kalamdb.commons.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.kalamdb.server.config.TestConfigs.withAuth;
import static io.kalamdb.server.config.TestConfigs.withHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtSecretRuleTest {
    private static final String STRONG = "a-long-random-secret-of-at-least-32-characters";

    @TempDir
    Path dir;

    private ServerConfig config(String host, String secret) {
        ServerConfig base = withHost(TestConfigs.base(dir), host);
        return withAuth(base, base.auth().withJwtSecret(secret));
    }

    @Test
    void nonLoopbackHostWithAnUnusableSecretIsFatal() {
        for (String secret : new String[] {null, "", "short", "CHANGE_ME_IN_PRODUCTION",
                "kalamdb-dev-secret-key-change-in-production"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigValidator.applyJwtSecretRule(config("0.0.0.0", secret), new ArrayList<>()));
            assertEquals("auth.jwt_secret is missing or too weak (need >= 32 bytes) for non-loopback host 0.0.0.0",
                    e.getMessage());
        }
    }

    @Test
    void loopbackHostWithAnUnusableSecretGetsARandomOne() {
        for (String host : new String[] {"127.0.0.1", "::1", "localhost"}) {
            ServerConfig input = config(host, "secret");
            List<String> warnings = new ArrayList<>();

            ServerConfig output = ConfigValidator.applyJwtSecretRule(input, warnings);

            String secret = output.auth().jwtSecret();
            assertTrue(JwtSecretPolicy.isUsable(secret));
            assertEquals(64, secret.length());
            assertEquals(input.auth().withJwtSecret(secret), output.auth());
            assertEquals(input.server(), output.server());
            assertEquals(input.storage(), output.storage());
            assertEquals(input.security(), output.security());
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).endsWith("tokens issued by this process will not survive a restart"),
                    warnings.get(0));
            assertTrue(warnings.get(0).contains("loopback host " + host), warnings.get(0));
        }
        List<String> warnings = new ArrayList<>();
        String first = ConfigValidator.applyJwtSecretRule(config("127.0.0.1", null), warnings).auth().jwtSecret();
        String second = ConfigValidator.applyJwtSecretRule(config("127.0.0.1", null), warnings).auth().jwtSecret();
        assertNotEquals(first, second);
    }

    @Test
    void aUsableSecretIsKeptOnAnyHost() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "10.1.2.3"}) {
            ServerConfig input = config(host, STRONG);
            List<String> warnings = new ArrayList<>();

            assertSame(input, ConfigValidator.applyJwtSecretRule(input, warnings));
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void theRuleKeepsEveryOtherAuthSetting() {
        ServerConfig input = withAuth(TestConfigs.base(dir),
                new AuthSection("pw", null, 3, false, 5, true, true, 1, 2, "issuer"));

        AuthSection auth = ConfigValidator.applyJwtSecretRule(input, new ArrayList<>()).auth();

        assertEquals(new AuthSection("pw", auth.jwtSecret(), 3, false, 5, true, true, 1, 2, "issuer"), auth);
    }
}
