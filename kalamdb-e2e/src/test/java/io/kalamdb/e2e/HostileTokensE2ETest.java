package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile token and credential handling (auth.md §4, §5, §14 "Forged or tampered tokens", "Token misuse";
 * http-api.md §4, §7.2, §7.4). Every forged request tries to read or write something privileged; each test checks the
 * exact refusal and then, as root, that nothing was written.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileTokensE2ETest {

    private static final String SECRET = "hostile-tokens-secret-0123456789abcdef-xyz";
    private static final String ROOT = "root";
    private static final String ALICE = "alice";
    private static final String ALICE_PW = "Alice-Pass-2024!";
    private static final String BEA = "bea";
    private static final String BEA_PW = "Bea-Pass-2024!";
    private static final String READ_USERS = "SELECT * FROM system.users";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder().tomlString("auth", "jwt_secret", SECRET).start();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        createUser(ALICE, ALICE_PW, "user");
        createUser(BEA, BEA_PW, "dba");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- forged tokens ----------------------------------------------------------------------------------------

    @Test
    void algNoneWithRoleSystemCannotReadSystemUsers() {
        ObjectNode claims = rootClaims();
        Expect.invalidCredentials(http.sql(Jwt.unsigned(claims), READ_USERS));
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String token = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + encode(Json.write(claims)) + ".";
            Expect.invalidCredentials(http.sql(token, READ_USERS));
        }
        String valid = Jwt.signHs256(SECRET, claims);
        String noneWithRealSignature = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(Json.write(claims))
                + "." + valid.split("\\.")[2];
        Expect.invalidCredentials(http.sql(noneWithRealSignature, READ_USERS));
        String hs256WithoutSignature = valid.substring(0, valid.lastIndexOf('.') + 1);
        Expect.invalidCredentials(http.sql(hs256WithoutSignature, READ_USERS));
    }

    @Test
    void algNoneCannotWrite() {
        Expect.invalidCredentials(http.sql(Jwt.unsigned(rootClaims()),
                "CREATE USER mallory_none WITH PASSWORD 'Mallory-Pass-2024!' ROLE system"));
        assertUserAbsent("mallory_none");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a-completely-different-secret-of-at-least-32-bytes",
        "kalamdb-dev-secret-key-change-in-production",
        "your-secret-key-at-least-32-chars-change-me-in-production",
        "CHANGE_ME_IN_PRODUCTION",
        "secret"})
    void tokenSignedWithAnotherSecretIsRefused(String otherSecret) {
        String token = Jwt.signHs256(otherSecret, rootClaims());
        Expect.invalidCredentials(http.sql(token, READ_USERS));
        Expect.invalidCredentials(http.sql(token, "CREATE NAMESPACE forged_ns"));
        assertNamespaceAbsent("forged_ns");
    }

    @Test
    void modifiedPayloadOfARealTokenIsRefused() {
        String real = http.login(ALICE, ALICE_PW);
        String[] parts = real.split("\\.");
        ObjectNode claims = (ObjectNode) Jwt.claims(real);

        ObjectNode escalated = claims.deepCopy().put("role", "system");
        Expect.invalidCredentials(http.sql(parts[0] + "." + encode(Json.write(escalated)) + "." + parts[2], READ_USERS));

        ObjectNode impersonated = claims.deepCopy().put("sub", ROOT).put("role", "system");
        Expect.invalidCredentials(http.sql(parts[0] + "." + encode(Json.write(impersonated)) + "." + parts[2],
                "CREATE NAMESPACE tampered_ns"));

        ObjectNode extended = claims.deepCopy().put("exp", claims.get("exp").asLong() + 86_400);
        Expect.invalidCredentials(http.sql(parts[0] + "." + encode(Json.write(extended)) + "." + parts[2], "SHOW NAMESPACES"));

        String flippedSignature = parts[0] + "." + parts[1] + "." + flipFirstChar(parts[2]);
        Expect.invalidCredentials(http.sql(flippedSignature, "SHOW NAMESPACES"));

        assertNamespaceAbsent("tampered_ns");
        assertEquals("user", storedRole(ALICE));
    }

    @Test
    void otherAlgorithmsAreRefusedEvenWhenTheMacMatches() {
        ObjectNode claims = rootClaims();
        Expect.invalidCredentials(http.sql(sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims, "HmacSHA256"), READ_USERS));
        Expect.invalidCredentials(http.sql(sign("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", claims, "HmacSHA256"), READ_USERS));
        Expect.invalidCredentials(http.sql(sign("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims, "HmacSHA512"), READ_USERS));
        Expect.invalidCredentials(http.sql(sign("{\"alg\":\"HS384\",\"typ\":\"JWT\"}", claims, "HmacSHA384"),
                "CREATE NAMESPACE alg_ns"));
        Expect.invalidCredentials(http.sql(sign("{\"typ\":\"JWT\"}", claims, "HmacSHA256"), READ_USERS));
        assertNamespaceAbsent("alg_ns");
    }

    @Test
    void unknownIssuerOrUnknownSubjectIsRefused() {
        long now = now();
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims(ROOT, "system", "access", now, now + 3600).put("iss", "evil-issuer")), READ_USERS));
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims("ghost_admin", "system", "access", now, now + 3600)), "CREATE NAMESPACE ghost_ns"));
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims("ROOT", "system", "access", now, now + 3600)), READ_USERS));
        ObjectNode noIssuer = Jwt.kalamClaims(ROOT, "system", "access", now, now + 3600);
        noIssuer.remove("iss");
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET, noIssuer), READ_USERS));
        ObjectNode noExpiry = Jwt.kalamClaims(ROOT, "system", "access", now, now + 3600);
        noExpiry.remove("exp");
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET, noExpiry), READ_USERS));
        assertNamespaceAbsent("ghost_ns");
    }

    // ---- token misuse -----------------------------------------------------------------------------------------

    @Test
    void expiredTokenIsTokenExpired() {
        long now = now();
        String expired = Jwt.signHs256(SECRET, Jwt.kalamClaims(ROOT, "system", "access", now - 7200, now - 3600));
        Expect.unauthorized(http.sql(expired, READ_USERS), "TOKEN_EXPIRED", "Token expired");
        Expect.unauthorized(http.sql(expired, "CREATE NAMESPACE expired_ns"), "TOKEN_EXPIRED", "Token expired");
        assertNamespaceAbsent("expired_ns");
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(expired)), 401, "unauthorized",
                "Invalid credentials");
    }

    @Test
    void expiredTokenWithABadSignatureIsInvalidCredentials() {
        long now = now();
        String forged = Jwt.signHs256("a-completely-different-secret-of-at-least-32-bytes",
                Jwt.kalamClaims(ROOT, "system", "access", now - 7200, now - 3600));
        Expect.invalidCredentials(http.sql(forged, READ_USERS));
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String refresh = http.loginBody(ALICE, ALICE_PW).get("refresh_token").asText();
        assertEquals("refresh", Jwt.claims(refresh).get("token_type").asText());
        Expect.invalidCredentials(http.sql(refresh, "SHOW NAMESPACES"));
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(refresh)), 401, "unauthorized",
                "Invalid credentials");

        String adminRefresh = http.loginBody(BEA, BEA_PW).get("refresh_token").asText();
        Expect.invalidCredentials(http.sql(adminRefresh, "CREATE NAMESPACE refresh_ns"));
        assertNamespaceAbsent("refresh_ns");
    }

    @Test
    void unknownTokenTypeIsRefused() {
        long now = now();
        String token = Jwt.signHs256(SECRET, Jwt.kalamClaims(ROOT, "system", "admin", now, now + 3600));
        Expect.invalidCredentials(http.sql(token, READ_USERS));
        ObjectNode noType = Jwt.kalamClaims(ROOT, "system", "access", now, now + 3600);
        noType.remove("token_type");
        Expect.authError(http.post(Http.REFRESH, null, "Authorization", Http.bearer(Jwt.signHs256(SECRET, noType))),
                401, "unauthorized", "Refresh endpoint requires a refresh token");
    }

    @Test
    void accessTokenOnRefreshEndpointIsRefused() {
        String access = http.login(ALICE, ALICE_PW);
        Response response = http.post(Http.REFRESH, null, "Authorization", Http.bearer(access));
        Expect.authError(response, 401, "unauthorized", "Refresh endpoint requires a refresh token");
        assertTrue(response.headers("Set-Cookie").isEmpty(), () -> "no cookies on a refused refresh: " + response);
    }

    @Test
    void roleClaimMismatchAfterSetRoleIsRefused() {
        createUser("rory", "Rory-Pass-2024!", "user");
        JsonNode login = http.loginBody("rory", "Rory-Pass-2024!");
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();
        Expect.sqlOk(http.sql(access, "SHOW NAMESPACES"), 1);

        Expect.message(root("ALTER USER rory SET ROLE service"), "User 'rory' updated", ROOT);

        Expect.invalidCredentials(http.sql(access, "SHOW NAMESPACES"));
        Expect.invalidCredentials(http.sql(access, "CREATE SHARED TABLE default.rory_t (id BIGINT PRIMARY KEY)"));
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(access)), 401, "unauthorized",
                "Invalid credentials");
        Expect.authError(http.post(Http.REFRESH, null, "Authorization", Http.bearer(refresh)), 401, "unauthorized",
                "Token role does not match user role");
        assertTableAbsent("default", "rory_t");

        long now = now();
        String selfSignedOldRole = Jwt.signHs256(SECRET, Jwt.kalamClaims("rory", "user", "access", now, now + 3600));
        Expect.invalidCredentials(http.sql(selfSignedOldRole, "SHOW NAMESPACES"));
        assertEquals("service", http.loginBody("rory", "Rory-Pass-2024!").get("user").get("role").asText());
    }

    @Test
    void tokensOfADroppedUserAreRefused() {
        createUser("dex", "Dex-Pass-2024!", "dba");
        JsonNode login = http.loginBody("dex", "Dex-Pass-2024!");
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();
        Expect.sqlOk(http.sql(access, "SHOW NAMESPACES"), 1);

        Expect.message(root("DROP USER dex"), "User 'dex' dropped (soft delete)", ROOT);

        Expect.invalidCredentials(http.sql(access, "CREATE NAMESPACE dex_ns"));
        Expect.invalidCredentials(http.sql(access, READ_USERS));
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(access)), 401, "unauthorized",
                "Invalid credentials");
        Expect.authError(http.post(Http.REFRESH, null, "Authorization", Http.bearer(refresh)), 401, "unauthorized",
                "User no longer valid");
        Expect.invalidCredentials(http.sqlBasic("dex", "Dex-Pass-2024!", "CREATE NAMESPACE dex_ns"));
        Expect.authError(http.loginRaw("dex", "Dex-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        long now = now();
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET, Jwt.kalamClaims("dex", "dba", "access", now, now + 3600)),
                "CREATE NAMESPACE dex_ns"));
        assertNamespaceAbsent("dex_ns");
    }

    // ---- Basic ------------------------------------------------------------------------------------------------

    @Test
    void basicWithWrongPasswordIsInvalidCredentials() {
        Expect.invalidCredentials(http.sqlBasic(BEA, "not-the-password", "CREATE NAMESPACE basic_ns"));
        Expect.invalidCredentials(http.sqlBasic(BEA, BEA_PW + " ", READ_USERS));
        Expect.invalidCredentials(http.sqlBasic(BEA, "", READ_USERS));
        Expect.invalidCredentials(http.sqlBasic("ghost_admin", BEA_PW, "CREATE NAMESPACE basic_ns"));
        assertNamespaceAbsent("basic_ns");
        Expect.sqlOk(http.sqlBasic(BEA, BEA_PW, "SHOW NAMESPACES"), 1);
    }

    @Test
    void basicIsRefusedOnMe() {
        Expect.authError(http.get(Http.ME, "Authorization", Http.basic(ALICE, ALICE_PW)), 401, "unauthorized",
                "Invalid credentials");
        Expect.authError(http.get(Http.ME, "Authorization", Http.basic(ROOT, ServerProcess.ROOT_PASSWORD)), 401,
                "unauthorized", "Invalid credentials");
    }

    @Test
    void basicIsRefusedOnRefresh() {
        Response response = http.post(Http.REFRESH, null, "Authorization", Http.basic(ALICE, ALICE_PW));
        Expect.authError(response, 401, "unauthorized", "Invalid credentials");
        assertTrue(response.headers("Set-Cookie").isEmpty(), () -> "no cookies on a refused refresh: " + response);
    }

    @Test
    void authCookieIsNotAcceptedOnTheSqlRoute() {
        String access = http.login(BEA, BEA_PW);
        Response response = http.postJson(Http.SQL, Json.sqlBody("CREATE NAMESPACE cookie_ns"),
                "Cookie", "kalamdb_auth=" + access);
        Expect.unauthorized(response, "MISSING_AUTHORIZATION", "Authentication required");
        assertNamespaceAbsent("cookie_ns");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static ObjectNode rootClaims() {
        long now = now();
        return Jwt.kalamClaims(ROOT, "system", "access", now, now + 3600).put("email", "root@localhost");
    }

    private static String sign(String headerJson, JsonNode claims, String macAlgorithm) {
        String input = encode(headerJson) + "." + encode(Json.write(claims));
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), macAlgorithm));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(macAlgorithm + " unavailable", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flipFirstChar(String text) {
        char first = text.charAt(0);
        return (first == 'A' ? 'B' : 'A') + text.substring(1);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static void createUser(String name, String password, String role) {
        Expect.message(root("CREATE USER " + name + " WITH PASSWORD '" + password + "' ROLE " + role),
                "User '" + name + "' created", ROOT);
    }

    private static JsonNode rows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    private static String storedRole(String user) {
        JsonNode rows = rows("SELECT role FROM system.users WHERE user_id = '" + user + "'");
        assertEquals(1, rows.size(), () -> "user " + user + ": " + rows);
        return rows.get(0).get(0).asText();
    }

    private static void assertUserAbsent(String user) {
        JsonNode rows = rows("SELECT user_id FROM system.users WHERE user_id = '" + user + "'");
        assertEquals(0, rows.size(), () -> "user " + user + " must not exist: " + rows);
    }

    private static void assertNamespaceAbsent(String namespace) {
        JsonNode rows = rows("SELECT namespace_id FROM system.namespaces WHERE namespace_id = '" + namespace + "'");
        assertEquals(0, rows.size(), () -> "namespace " + namespace + " must not exist: " + rows);
    }

    private static void assertTableAbsent(String namespace, String table) {
        JsonNode rows = rows("SELECT table_name FROM system.tables WHERE namespace_id = '" + namespace
                + "' AND table_name = '" + table + "'");
        assertEquals(0, rows.size(), () -> "table " + namespace + "." + table + " must not exist: " + rows);
    }
}
