package io.kalamdb.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an HTTP Basic header value: base64 of {@code user:password}, split at the first
 * {@code :} (spec auth.md §5).
 */
public record BasicCredentials(String user, String password) {

    /**
     * Decodes the part after {@code "Basic "}. Empty when it is not valid base64, not valid UTF-8, or holds
     * no {@code :}.
     */
    public static Optional<BasicCredentials> decode(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
