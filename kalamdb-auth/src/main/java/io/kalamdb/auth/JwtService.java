package io.kalamdb.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.UnsupportedJwtException;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the internal HS256 tokens of spec auth.md §4. Tokens carry exactly {@code sub},
 * {@code iss}, {@code iat}, {@code exp}, {@code email} (a string or JSON {@code null}), {@code role} and
 * {@code token_type}. Verification runs steps 1–6 of the spec in order; steps 7–8 (stored user and role) belong
 * to {@link Authenticator}.
 */
public final class JwtService {
    public static final String ISSUER = "kalamdb";
    public static final String ALGORITHM = "HS256";
    /** Leeway on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int VERIFIED_CACHE_SIZE = 50_000;
    /** Refresh tokens live this many times as long as access tokens. */
    public static final int REFRESH_MULTIPLIER = 7;

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER_B64 = B64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;
    /** Tokens whose signature and claims were verified, so a hot client costs no HMAC or JSON parsing. */
    private final Cache<String, TokenClaims> verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final JwtParser parser;

    /**
     * @param secret             the HS256 secret, at least {@link JwtSecretPolicy#MIN_BYTES} bytes of UTF-8
     * @param accessExpiryHours  access-token lifetime in hours ({@code auth.jwt_expiry_hours}); must be positive
     * @param clock              the time source for issuing and verifying
     */
    public JwtService(String secret, long accessExpiryHours, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < JwtSecretPolicy.MIN_BYTES) {
            throw new IllegalArgumentException("JWT secret must be at least " + JwtSecretPolicy.MIN_BYTES + " bytes");
        }
        if (accessExpiryHours <= 0) {
            throw new IllegalArgumentException("JWT expiry must be positive, got " + accessExpiryHours + " hours");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.accessLifetime = Duration.ofHours(accessExpiryHours);
        this.refreshLifetime = accessLifetime.multipliedBy(REFRESH_MULTIPLIER);
        this.clock = clock;
        Locator<Key> hs256Only = header -> {
            if (!(header instanceof JwsHeader) || !ALGORITHM.equals(((JwsHeader) header).getAlgorithm())) {
                throw new UnsupportedJwtException("Only HS256 tokens are accepted");
            }
            return key;
        };
        this.parser = Jwts.parser()
                .keyLocator(hs256Only)
                .clockSkewSeconds(LEEWAY.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public Duration accessLifetime() {
        return accessLifetime;
    }

    public Duration refreshLifetime() {
        return refreshLifetime;
    }

    /** A new access token and refresh token for {@code user}, both issued now. */
    public IssuedTokens issue(User user) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant accessExp = now.plus(accessLifetime);
        Instant refreshExp = now.plus(refreshLifetime);
        return new IssuedTokens(
                sign(user, TokenType.ACCESS, now, accessExp), accessExp,
                sign(user, TokenType.REFRESH, now, refreshExp), refreshExp);
    }

    /**
     * Verifies {@code token} for the use {@code expected} (steps 1–6 of auth.md §4).
     *
     * @throws AuthException {@code TOKEN_EXPIRED} when expired; {@code WRONG_TOKEN_TYPE} (code
     *                       {@code INVALID_CREDENTIALS}) for another token type; {@code INVALID_CREDENTIALS}
     *                       for anything else
     */
    public TokenClaims verify(String token, TokenType expected) {
        if (token == null || token.isEmpty()) {
            throw AuthException.invalidCredentials();
        }
        TokenClaims known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt().plus(LEEWAY))) {
                verified.invalidate(token);
                throw AuthException.of(AuthException.Reason.TOKEN_EXPIRED);
            }
            if (known.type() != expected) {
                throw AuthException.of(AuthException.Reason.WRONG_TOKEN_TYPE);
            }
            return known;
        }
        TokenClaims claims = verifyUncached(token, expected);
        verified.put(token, claims);
        return claims;
    }

    private TokenClaims verifyUncached(String token, TokenType expected) {
        if (!hasThreeBase64UrlParts(token)) {
            throw AuthException.invalidCredentials();
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException expired) {
            throw AuthException.of(AuthException.Reason.TOKEN_EXPIRED);
        } catch (RuntimeException invalid) {
            // JwtException for bad signatures, algorithms and claims; anything else for input the parser chokes on
            throw AuthException.invalidCredentials();
        }
        try {
            return checkClaims(claims, expected);
        } catch (AuthException e) {
            throw e;
        } catch (RuntimeException wrongClaimType) {
            throw AuthException.invalidCredentials();
        }
    }

    /** Steps 3 (presence of exp, iat), 4, 5 and 6 after the library checked signature, exp and nbf. */
    private TokenClaims checkClaims(Claims claims, TokenType expected) {
        Instant now = clock.instant();
        Date exp = claims.getExpiration();
        if (exp == null) {
            throw AuthException.invalidCredentials();
        }
        Date iat = claims.getIssuedAt();
        if (iat != null && iat.toInstant().isAfter(now.plus(LEEWAY))) {
            throw AuthException.invalidCredentials();
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            throw AuthException.invalidCredentials();
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isEmpty()) {
            throw AuthException.invalidCredentials();
        }
        Optional<TokenType> type = TokenType.fromWireName(stringClaim(claims, "token_type"));
        if (type.isEmpty() || type.get() != expected) {
            throw AuthException.of(AuthException.Reason.WRONG_TOKEN_TYPE);
        }
        Role role = Role.fromWireName(stringClaim(claims, "role"))
                .orElseThrow(AuthException::invalidCredentials);
        return new TokenClaims(new UserId(sub), role, type.get(), exp.toInstant());
    }

    private String sign(User user, TokenType type, Instant iat, Instant exp) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", user.userId().value());
        payload.put("iss", ISSUER);
        payload.put("iat", iat.getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        payload.put("email", user.email());
        payload.put("role", user.role().wireName());
        payload.put("token_type", type.wireName());
        try {
            String signingInput = HEADER_B64 + "." + B64URL.encodeToString(JSON.writeValueAsBytes(payload));
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a JWT", e);
        }
    }

    private static String stringClaim(Claims claims, String name) {
        Object value = claims.get(name);
        return value instanceof String ? (String) value : null;
    }

    private static boolean hasThreeBase64UrlParts(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }
}
