package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColon() {
        assertEquals(Optional.of(new BasicCredentials("alice", "pa:ss")), BasicCredentials.decode(b64("alice:pa:ss")));
        assertEquals(Optional.of(new BasicCredentials("alice", "")), BasicCredentials.decode(b64("alice:")));
        assertEquals(Optional.of(new BasicCredentials("", "pw")), BasicCredentials.decode(b64(":pw")));
        assertEquals(Optional.of(new BasicCredentials("jörg", "pässwörd")),
                BasicCredentials.decode(b64("jörg:pässwörd")));
    }

    @Test
    void malformedValuesAreEmpty() {
        assertEquals(Optional.empty(), BasicCredentials.decode(null));
        assertEquals(Optional.empty(), BasicCredentials.decode(""));
        assertEquals(Optional.empty(), BasicCredentials.decode("%%%"));
        assertEquals(Optional.empty(), BasicCredentials.decode(b64("no-colon")));
        assertEquals(Optional.empty(), BasicCredentials.decode(
                Base64.getEncoder().encodeToString(new byte[]{'a', ':', (byte) 0xFF})), "not UTF-8");
    }

    @Test
    void toStringNeverShowsThePassword() {
        String text = new BasicCredentials("alice", "S3cret!pass").toString();
        assertFalse(text.contains("S3cret"), text);
    }
}
