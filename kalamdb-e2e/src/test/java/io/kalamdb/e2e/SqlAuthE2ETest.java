package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Authentication of {@code POST /v1/api/sql} (http-api.md §4, auth.md §4, §5). The server is configured with a known
 * {@code auth.jwt_secret}, so the tests can sign their own tokens and check each validation step.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlAuthE2ETest {

    private static final String SECRET = "e2e-sql-auth-secret-0123456789abcdef-xyz";
    private static final String ROOT_PW = ServerProcess.ROOT_PASSWORD;
    private static final String CAROL = "carol";
    private static final String CAROL_PW = "Carol-Pass-2024!";
    private static final String BERT = "bert";
    private static final String BERT_PW = "Bert-Pass-2024!";
    private static final String SHOW = "SHOW NAMESPACES";

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder().tomlString("auth", "jwt_secret", SECRET).start();
        http = new Http(server.baseUrl());
        String token = http.login("root", ROOT_PW);
        Expect.message(http.sql(token, "CREATE USER " + CAROL + " WITH PASSWORD '" + CAROL_PW + "' ROLE user"),
                "User 'carol' created", "root");
        Expect.message(http.sql(token, "CREATE USER " + BERT + " WITH PASSWORD '" + BERT_PW + "' ROLE service"),
                "User 'bert' created", "root");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void missingAuthorizationIs401() {
        Expect.unauthorized(http.sqlWith(null, Json.sqlBody(SHOW)), "MISSING_AUTHORIZATION", "Authentication required");
    }

    @Test
    void missingAuthorizationIsCheckedBeforeTheBody() {
        Expect.unauthorized(http.post(Http.SQL, "{not json", "Content-Type", "application/json"),
                "MISSING_AUTHORIZATION", "Authentication required");
    }

    @Test
    void bearerTokenWorks() {
        String token = http.login("root", ROOT_PW);
        JsonNode result = Expect.sqlOk(http.sql(token, SHOW), 1).get(0);
        assertEquals("root", result.get("as_user").asText());
    }

    @Test
    void basicCredentialsWork() {
        JsonNode result = Expect.sqlOk(http.sqlBasic(CAROL, CAROL_PW, SHOW), 1).get(0);
        assertEquals(CAROL, result.get("as_user").asText());
        JsonNode again = Expect.sqlOk(http.sqlBasic(CAROL, CAROL_PW, SHOW), 1).get(0);
        assertEquals(CAROL, again.get("as_user").asText());
    }

    @Test
    void basicWithWrongPasswordIsInvalidCredentials() {
        Expect.invalidCredentials(http.sqlBasic(CAROL, "not-her-password", SHOW));
        Expect.invalidCredentials(http.sqlBasic("ghost_user", "whatever-pass", SHOW));
    }

    @Test
    void malformedBasicIsInvalidCredentials() {
        Expect.invalidCredentials(http.sqlWith("Basic !!!not-base64!!!", Json.sqlBody(SHOW)));
        String noColon = Base64.getEncoder().encodeToString("carol".getBytes(StandardCharsets.UTF_8));
        Expect.invalidCredentials(http.sqlWith("Basic " + noColon, Json.sqlBody(SHOW)));
    }

    @Test
    void garbageBearerIsInvalidCredentials() {
        Expect.invalidCredentials(http.sqlWith("Bearer garbage", Json.sqlBody(SHOW)));
        Expect.invalidCredentials(http.sqlWith("Bearer a.b.c", Json.sqlBody(SHOW)));
    }

    @Test
    void unknownSchemeIsInvalidCredentials() {
        Expect.invalidCredentials(http.sqlWith("Digest username=\"root\"", Json.sqlBody(SHOW)));
        Expect.invalidCredentials(http.sqlWith("Token abc", Json.sqlBody(SHOW)));
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String refresh = http.loginBody("root", ROOT_PW).get("refresh_token").asText();
        Expect.invalidCredentials(http.sqlWith(Http.bearer(refresh), Json.sqlBody(SHOW)));
    }

    @Test
    void tokenSignedWithTheConfiguredSecretIsAccepted() {
        long now = now();
        String token = Jwt.signHs256(SECRET, Jwt.kalamClaims("root", "system", "access", now, now + 3600)
                .put("email", "root@localhost"));
        assertEquals("root", Expect.sqlOk(http.sql(token, SHOW), 1).get(0).get("as_user").asText());
    }

    @Test
    void tokenWithinTheSixtySecondLeewayIsAccepted() {
        long now = now();
        String token = Jwt.signHs256(SECRET, Jwt.kalamClaims(CAROL, "user", "access", now - 3600, now - 20));
        Expect.sqlOk(http.sql(token, SHOW), 1);
    }

    @Test
    void expiredTokenIsTokenExpired() {
        long now = now();
        String token = Jwt.signHs256(SECRET, Jwt.kalamClaims(CAROL, "user", "access", now - 7200, now - 3600));
        Expect.unauthorized(http.sql(token, SHOW), "TOKEN_EXPIRED", "Token expired");
    }

    @Test
    void forgedTokensAreInvalidCredentials() {
        long now = now();
        ObjectNode claims = Jwt.kalamClaims("root", "system", "access", now, now + 3600);
        Expect.invalidCredentials(http.sql(Jwt.unsigned(claims), "SHOW NAMESPACES"));
        Expect.invalidCredentials(http.sql(Jwt.signHs256("another-secret-of-at-least-32-bytes!!", claims), SHOW));
        String valid = Jwt.signHs256(SECRET, claims);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(claims.deepCopy().put("sub", CAROL)).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Expect.invalidCredentials(http.sql(tampered, SHOW));
    }

    @Test
    void futureIssuedAtOrNotBeforeIsInvalidCredentials() {
        long now = now();
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims(CAROL, "user", "access", now + 600, now + 4200)), SHOW));
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims(CAROL, "user", "access", now, now + 3600).put("nbf", now + 600)), SHOW));
        Expect.sqlOk(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims(CAROL, "user", "access", now + 30, now + 3600).put("nbf", now + 30)), SHOW), 1);
    }

    @Test
    void otherAlgorithmsAreRefused() {
        long now = now();
        ObjectNode claims = Jwt.kalamClaims("root", "system", "access", now, now + 3600);
        String valid = Jwt.signHs256(SECRET, claims);
        String rs256Header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String[] parts = valid.split("\\.");
        Expect.invalidCredentials(http.sql(rs256Header + "." + parts[1] + "." + parts[2], SHOW));
        Expect.invalidCredentials(http.sql(parts[0] + "." + parts[1], SHOW));
    }

    @Test
    void wrongIssuerOrMissingSubjectIsInvalidCredentials() {
        long now = now();
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims(CAROL, "user", "access", now, now + 3600).put("iss", "someone-else")), SHOW));
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims("", "user", "access", now, now + 3600)), SHOW));
    }

    @Test
    void roleClaimMustMatchStoredRole() {
        long now = now();
        String escalated = Jwt.signHs256(SECRET, Jwt.kalamClaims(CAROL, "system", "access", now, now + 3600));
        Expect.invalidCredentials(http.sql(escalated, "SHOW NAMESPACES"));
    }

    @Test
    void tokenOfUnknownUserIsInvalidCredentials() {
        long now = now();
        Expect.invalidCredentials(http.sql(Jwt.signHs256(SECRET,
                Jwt.kalamClaims("nobody_at_all", "user", "access", now, now + 3600)), SHOW));
    }

    @Test
    void failedBasicAttemptsCountTowardLockout() {
        for (int i = 1; i <= 5; i++) {
            Expect.invalidCredentials(http.sqlBasic(BERT, "wrong-password-" + i, SHOW));
        }
        Expect.unauthorized(http.sqlBasic(BERT, BERT_PW, SHOW), "ACCOUNT_LOCKED", "Account locked");
        Expect.authError(http.loginRaw(BERT, BERT_PW), 401, "account_locked", "Account locked. Try again in 15 minute(s)");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
