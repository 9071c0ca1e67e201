package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashWrites2aWithTheConfiguredCostAndVerifies() {
        String hash = hasher.hash("kalamdb123");
        assertTrue(hash.startsWith("$2a$04$"), hash);
        assertEquals(60, hash.length());
        assertTrue(hasher.verify("kalamdb123", hash));
        assertFalse(hasher.verify("kalamdb124", hash));
        assertFalse(hasher.verify("", hash));
        assertNotEquals(hash, hasher.hash("kalamdb123"), "every hash has its own salt");
    }

    @Test
    void verifyAccepts2bAnd2yPrefixes() {
        String hash = hasher.hash("S3cret!pass");
        String tail = hash.substring(4);
        assertTrue(hasher.verify("S3cret!pass", "$2b$" + tail));
        assertTrue(hasher.verify("S3cret!pass", "$2y$" + tail));
        assertFalse(hasher.verify("S3cret!pasS", "$2b$" + tail));
        assertFalse(hasher.verify("S3cret!pasS", "$2y$" + tail));
    }

    @Test
    void verifyAcceptsA2yHashWrittenByPhp() {
        // the password_verify() example of the PHP manual, produced by PHP's own bcrypt
        String php = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";
        assertTrue(hasher.verify("rasmuslerdorf", php));
        assertFalse(hasher.verify("rasmuslerdorF", php));
    }

    @Test
    void verifyReturnsFalseForMalformedHashesWithoutThrowing() {
        String good = hasher.hash("kalamdb123");
        assertFalse(hasher.verify("kalamdb123", null));
        assertFalse(hasher.verify("kalamdb123", ""));
        assertFalse(hasher.verify("kalamdb123", "not-a-hash"));
        assertFalse(hasher.verify("kalamdb123", good.substring(0, 59)));
        assertFalse(hasher.verify("kalamdb123", "$2x$" + good.substring(4)));
        assertFalse(hasher.verify("kalamdb123", "$2a$99$" + good.substring(7)));
        assertFalse(hasher.verify("kalamdb123", "$2a$04!" + good.substring(7)));
        assertFalse(hasher.verify(null, good));
    }

    @Test
    void verifyCountsNonAsciiPasswordsAsUtf8() {
        String hash = hasher.hash("пароль-日本語");
        assertTrue(hasher.verify("пароль-日本語", hash));
        assertFalse(hasher.verify("пароль-日本", hash));
    }

    @Test
    void dummyVerifyRunsForAnyInput() {
        assertDoesNotThrow(() -> hasher.dummyVerify("whatever"));
        assertDoesNotThrow(() -> hasher.dummyVerify(""));
        assertDoesNotThrow(() -> hasher.dummyVerify(null));
    }

    @Test
    void costOutsideTheBcryptRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
        assertEquals(4, hasher.cost());
    }
}
