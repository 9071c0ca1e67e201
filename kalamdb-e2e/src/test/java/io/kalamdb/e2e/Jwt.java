package io.kalamdb.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads JWT payloads and signs test tokens with HS256, using only the JDK. */
final class Jwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwt() {
    }

    /** The decoded payload (claims) of a compact JWT. */
    static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWT (expected 3 parts): " + token);
        }
        return Json.parse(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8), "JWT payload");
    }

    /** The decoded header of a compact JWT. */
    static JsonNode header(String token) {
        return Json.parse(new String(DECODER.decode(token.split("\\.")[0]), StandardCharsets.UTF_8), "JWT header");
    }

    /** Claims of a KalamDB token: sub, iss, iat, exp, email, role, token_type. */
    static ObjectNode kalamClaims(String sub, String role, String tokenType, long iat, long exp) {
        ObjectNode claims = Json.object();
        claims.put("sub", sub).put("iss", "kalamdb").put("iat", iat).put("exp", exp);
        claims.putNull("email");
        claims.put("role", role).put("token_type", tokenType);
        return claims;
    }

    /** An HS256 token for these claims signed with {@code secret}. */
    static String signHs256(String secret, JsonNode claims) {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode(Json.write(claims));
        String signingInput = header + "." + payload;
        return signingInput + "." + ENCODER.encodeToString(hmac(secret, signingInput));
    }

    /** An unsigned token with {@code alg: none}. */
    static String unsigned(JsonNode claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(Json.write(claims)) + ".";
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("HmacSHA256 unavailable", e);
        }
    }
}
