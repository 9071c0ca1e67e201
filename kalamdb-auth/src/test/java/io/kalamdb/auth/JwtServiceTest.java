package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.auth.AuthException.Reason;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JwtServiceTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-kalamdb-test";
    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(T0);
    private final JwtService jwt = new JwtService(SECRET, 24, clock);
    private final User alice = TestUsers.password("alice", "", Role.DBA);

    private static String payload(String extra) {
        long iat = T0.getEpochSecond();
        return "{\"sub\":\"alice\",\"iss\":\"kalamdb\",\"iat\":" + iat + ",\"exp\":" + (iat + 3600)
                + ",\"email\":null,\"role\":\"dba\",\"token_type\":\"access\"" + extra + "}";
    }

    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private void assertRejected(Reason reason, String token, TokenType type) {
        AuthException e = assertThrows(AuthException.class, () -> jwt.verify(token, type));
        assertEquals(reason, e.reason());
        assertEquals(reason.code(), e.code());
    }

    @Test
    void issueAndVerifyRoundTrip() {
        IssuedTokens tokens = jwt.issue(alice);
        assertEquals(T0.plus(Duration.ofHours(24)), tokens.accessExpiresAt());
        assertEquals(T0.plus(Duration.ofHours(168)), tokens.refreshExpiresAt());

        TokenClaims access = jwt.verify(tokens.accessToken(), TokenType.ACCESS);
        assertEquals(new TokenClaims(new UserId("alice"), Role.DBA, TokenType.ACCESS, tokens.accessExpiresAt()),
                access);
        TokenClaims refresh = jwt.verify(tokens.refreshToken(), TokenType.REFRESH);
        assertEquals(new TokenClaims(new UserId("alice"), Role.DBA, TokenType.REFRESH, tokens.refreshExpiresAt()),
                refresh);
    }

    @Test
    void tokensCarryExactlyTheContractClaims() throws Exception {
        IssuedTokens tokens = jwt.issue(alice);
        String[] parts = tokens.accessToken().split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = json.readTree(TestTokens.decode(parts[0]));
        assertEquals(json.readTree(HS256), header);

        JsonNode claims = json.readTree(TestTokens.decode(parts[1]));
        Set<String> names = new TreeSet<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("sub", "iss", "iat", "exp", "email", "role", "token_type")), names);
        assertEquals("alice", claims.get("sub").asText());
        assertEquals("kalamdb", claims.get("iss").asText());
        assertEquals(T0.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(T0.getEpochSecond() + 24 * 3600, claims.get("exp").asLong());
        assertEquals("alice@example.com", claims.get("email").asText());
        assertEquals("dba", claims.get("role").asText());
        assertEquals("access", claims.get("token_type").asText());

        JsonNode refresh = json.readTree(TestTokens.decode(tokens.refreshToken().split("\\.")[1]));
        assertEquals("refresh", refresh.get("token_type").asText());
        assertEquals(T0.getEpochSecond() + 168 * 3600, refresh.get("exp").asLong());
    }

    @Test
    void missingEmailIsJsonNull() throws Exception {
        User noEmail = TestUsers.user("svc", "", Role.SERVICE, AuthType.PASSWORD, null);
        String token = jwt.issue(noEmail).accessToken();
        JsonNode claims = json.readTree(TestTokens.decode(token.split("\\.")[1]));
        assertTrue(claims.has("email"));
        assertTrue(claims.get("email").isNull());
        assertEquals("service", claims.get("role").asText());
        assertEquals(Role.SERVICE, jwt.verify(token, TokenType.ACCESS).role());
    }

    @Test
    void issuedAtIsWholeSeconds() {
        clock.set(T0.plusMillis(999));
        IssuedTokens tokens = jwt.issue(alice);
        assertEquals(T0.plus(Duration.ofHours(24)), tokens.accessExpiresAt());
    }

    @Test
    void aTokenSignedByHandWithTheSecretVerifies() {
        String token = TestTokens.hs256(HS256, payload(""), SECRET);
        assertEquals(Role.DBA, jwt.verify(token, TokenType.ACCESS).role());
    }

    @Test
    void algNoneIsRejected() {
        String forged = TestTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + TestTokens.b64(payload("").replace("\"dba\"", "\"system\"")) + ".";
        assertRejected(Reason.INVALID_CREDENTIALS, forged, TokenType.ACCESS);
        assertRejected(Reason.INVALID_CREDENTIALS, forged + "c2ln", TokenType.ACCESS);
        String noneWithValidMac = TestTokens.hs256("{\"alg\":\"none\"}", payload(""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, noneWithValidMac, TokenType.ACCESS);
    }

    @Test
    void otherAlgorithmsAreRejectedEvenWithAValidHmac() {
        for (String alg : List.of("RS256", "ES256", "HS384", "HS512", "PS256", "hs256")) {
            String token = TestTokens.hs256("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", payload(""), SECRET);
            assertRejected(Reason.INVALID_CREDENTIALS, token, TokenType.ACCESS);
        }
        String noAlg = TestTokens.hs256("{\"typ\":\"JWT\"}", payload(""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, noAlg, TokenType.ACCESS);
    }

    @Test
    void correctlySignedHs384AndHs512TokensAreRejected() {
        String longSecret = "0123456789abcdef".repeat(5);
        JwtService longKey = new JwtService(longSecret, 24, clock);
        assertEquals(Role.DBA, longKey.verify(TestTokens.hs256(HS256, payload(""), longSecret), TokenType.ACCESS)
                .role());
        for (String[] alg : new String[][]{{"HS384", "HmacSHA384"}, {"HS512", "HmacSHA512"}}) {
            String token = TestTokens.hmac(alg[1], "{\"alg\":\"" + alg[0] + "\",\"typ\":\"JWT\"}", payload(""),
                    longSecret);
            AuthException e = assertThrows(AuthException.class, () -> longKey.verify(token, TokenType.ACCESS));
            assertEquals(Reason.INVALID_CREDENTIALS, e.reason());
        }
    }

    @Test
    void wrongSecretIsRejected() {
        JwtService other = new JwtService("another-secret-of-at-least-32-bytes!!", 24, clock);
        String token = other.issue(alice).accessToken();
        assertRejected(Reason.INVALID_CREDENTIALS, token, TokenType.ACCESS);
    }

    @Test
    void modifiedPayloadIsRejected() {
        String token = jwt.issue(alice).accessToken();
        String[] parts = token.split("\\.");
        String escalated = TestTokens.decode(parts[1]).replace("\"role\":\"dba\"", "\"role\":\"system\"");
        assertTrue(escalated.contains("\"system\""));
        String tampered = parts[0] + "." + TestTokens.b64(escalated) + "." + parts[2];
        assertRejected(Reason.INVALID_CREDENTIALS, tampered, TokenType.ACCESS);
    }

    @Test
    void malformedTokensAreRejected() {
        String token = jwt.issue(alice).accessToken();
        for (String bad : new String[]{null, "", "abc", "a.b", "a.b.c.d", "..", token + ".", token + "=",
                token.replace('.', ' '), "Bearer " + token, token.substring(0, token.length() - 2)}) {
            assertRejected(Reason.INVALID_CREDENTIALS, bad, TokenType.ACCESS);
        }
    }

    @Test
    void tokensWithGarbageJsonOrClaimTypesAreRejected() {
        long iat = T0.getEpochSecond();
        String[][] cases = {
                {"not json", payload("")},
                {"[1,2]", payload("")},
                {HS256, "[1,2]"},
                {HS256, "\"text\""},
                {HS256, "{\"sub\":\"alice\",\"iss\":\"kalamdb\",\"exp\":\"tomorrow\",\"role\":\"dba\","
                        + "\"token_type\":\"access\"}"},
                {HS256, "{\"sub\":42,\"iss\":\"kalamdb\",\"exp\":" + (iat + 60) + ",\"role\":\"dba\","
                        + "\"token_type\":\"access\"}"},
                {HS256, "{\"sub\":\"alice\",\"iss\":[\"kalamdb\"],\"exp\":" + (iat + 60)
                        + ",\"role\":\"dba\",\"token_type\":\"access\"}"},
                {HS256, payload("").replace("\"role\":\"dba\"", "\"role\":7")},
        };
        for (String[] c : cases) {
            assertRejected(Reason.INVALID_CREDENTIALS, TestTokens.hs256(c[0], c[1], SECRET), TokenType.ACCESS);
        }
    }

    @Test
    void expiryHasSixtySecondsOfLeeway() {
        IssuedTokens tokens = jwt.issue(alice);
        clock.set(tokens.accessExpiresAt().plusSeconds(60));
        assertEquals(Role.DBA, jwt.verify(tokens.accessToken(), TokenType.ACCESS).role());
        clock.set(tokens.accessExpiresAt().plusSeconds(61));
        AuthException e = assertThrows(AuthException.class,
                () -> jwt.verify(tokens.accessToken(), TokenType.ACCESS));
        assertEquals(ErrorCode.TOKEN_EXPIRED, e.code());
        assertEquals("Token expired", e.getMessage());
        assertEquals(Role.DBA, jwt.verify(tokens.refreshToken(), TokenType.REFRESH).role(),
                "the refresh token lives 7 times longer");
    }

    @Test
    void expiryIsReportedBeforeTheIssuerAndTypeChecks() {
        long iat = T0.getEpochSecond();
        String token = TestTokens.hs256(HS256, "{\"sub\":\"alice\",\"iss\":\"evil\",\"iat\":" + iat + ",\"exp\":"
                + (iat + 10) + ",\"role\":\"dba\",\"token_type\":\"refresh\"}", SECRET);
        clock.advance(Duration.ofMinutes(5));
        assertRejected(Reason.TOKEN_EXPIRED, token, TokenType.ACCESS);
    }

    @Test
    void missingExpIsRejected() {
        String token = TestTokens.hs256(HS256, payload("").replaceFirst(",\"exp\":[0-9]+", ""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, token, TokenType.ACCESS);
    }

    @Test
    void futureIatAndNbfBeyondTheLeewayAreRejected() {
        long iat = T0.getEpochSecond();
        String base = "{\"sub\":\"alice\",\"iss\":\"kalamdb\",\"exp\":" + (iat + 3600)
                + ",\"role\":\"dba\",\"token_type\":\"access\"";
        assertRejected(Reason.INVALID_CREDENTIALS,
                TestTokens.hs256(HS256, base + ",\"iat\":" + (iat + 61) + "}", SECRET), TokenType.ACCESS);
        assertEquals(Role.DBA, jwt.verify(
                TestTokens.hs256(HS256, base + ",\"iat\":" + (iat + 60) + "}", SECRET), TokenType.ACCESS).role());
        assertRejected(Reason.INVALID_CREDENTIALS,
                TestTokens.hs256(HS256, base + ",\"nbf\":" + (iat + 61) + "}", SECRET), TokenType.ACCESS);
        assertEquals(Role.DBA, jwt.verify(
                TestTokens.hs256(HS256, base + ",\"nbf\":" + (iat + 60) + "}", SECRET), TokenType.ACCESS).role());
    }

    @Test
    void missingOrWrongIssuerIsRejected() {
        String noIss = TestTokens.hs256(HS256, payload("").replace("\"iss\":\"kalamdb\",", ""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, noIss, TokenType.ACCESS);
        String otherIss = TestTokens.hs256(HS256, payload("").replace("\"kalamdb\"", "\"KalamDB\""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, otherIss, TokenType.ACCESS);
    }

    @Test
    void emptyOrMissingSubjectIsRejected() {
        String emptySub = TestTokens.hs256(HS256, payload("").replace("\"sub\":\"alice\"", "\"sub\":\"\""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, emptySub, TokenType.ACCESS);
        String noSub = TestTokens.hs256(HS256, payload("").replace("\"sub\":\"alice\",", ""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, noSub, TokenType.ACCESS);
    }

    @Test
    void tokenTypeMustFitTheUse() {
        IssuedTokens tokens = jwt.issue(alice);
        assertRejected(Reason.WRONG_TOKEN_TYPE, tokens.refreshToken(), TokenType.ACCESS);
        assertRejected(Reason.WRONG_TOKEN_TYPE, tokens.accessToken(), TokenType.REFRESH);
        String noType = TestTokens.hs256(HS256, payload("").replace(",\"token_type\":\"access\"", ""), SECRET);
        assertRejected(Reason.WRONG_TOKEN_TYPE, noType, TokenType.ACCESS);
        AuthException e = assertThrows(AuthException.class,
                () -> jwt.verify(tokens.refreshToken(), TokenType.ACCESS));
        assertEquals(ErrorCode.INVALID_CREDENTIALS, e.code());
        assertEquals("Invalid credentials", e.getMessage());
        assertEquals("Refresh endpoint requires a refresh token", e.detailMessage());
    }

    @Test
    void unknownRoleClaimIsRejected() {
        String token = TestTokens.hs256(HS256, payload("").replace("\"dba\"", "\"admin\""), SECRET);
        assertRejected(Reason.INVALID_CREDENTIALS, token, TokenType.ACCESS);
    }

    @Test
    void weakSecretsAndBadLifetimesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JwtService("short", 24, clock));
        assertThrows(IllegalArgumentException.class, () -> new JwtService(null, 24, clock));
        assertThrows(IllegalArgumentException.class, () -> new JwtService(SECRET, 0, clock));
        assertEquals(Duration.ofHours(24), jwt.accessLifetime());
        assertEquals(Duration.ofHours(168), jwt.refreshLifetime());
    }

    @Test
    void aLongSecretStillSignsHs256() throws Exception {
        JwtService longKey = new JwtService("k".repeat(100), 1, clock);
        String token = longKey.issue(alice).accessToken();
        assertEquals("HS256", json.readTree(TestTokens.decode(token.split("\\.")[0])).get("alg").asText());
        assertEquals(Role.DBA, longKey.verify(token, TokenType.ACCESS).role());
    }
}
