package io.kalamdb.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs with arbitrary header and payload, for forged and malformed token tests. */
final class TestTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** {@code header.payload.HMAC-SHA256(secret)}. */
    static String hs256(String headerJson, String payloadJson, String secret) {
        return hmac("HmacSHA256", headerJson, payloadJson, secret);
    }

    /** {@code header.payload.HMAC(secret)} with the JCA MAC algorithm {@code jcaMac}, e.g. HmacSHA512. */
    static String hmac(String jcaMac, String headerJson, String payloadJson, String secret) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance(jcaMac);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaMac));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
