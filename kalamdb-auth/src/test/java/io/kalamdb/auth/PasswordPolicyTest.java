package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy plain = new PasswordPolicy(false);
    private final PasswordPolicy complex = new PasswordPolicy(true);

    @Test
    void lengthIsCountedInUtf8Bytes() {
        assertEquals(Optional.of("Password must be at least 8 bytes"), plain.violation("abcdefg"));
        assertEquals(Optional.empty(), plain.violation("abcdefgh"));
        String threeChars = "日本語";
        assertEquals(3, threeChars.length());
        assertEquals(9, threeChars.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(Optional.empty(), plain.violation(threeChars));
        assertEquals(Optional.empty(), plain.violation("éééé"), "4 characters, 8 bytes");
        assertEquals(Optional.of("Password must be at least 8 bytes"), plain.violation("ééé"));
    }

    @Test
    void atMost72Bytes() {
        assertEquals(Optional.empty(), plain.violation("a".repeat(72)));
        assertEquals(Optional.of("Password must be at most 72 bytes"), plain.violation("a".repeat(73)));
        String twentyFiveChars = "日".repeat(25);
        assertEquals(Optional.of("Password must be at most 72 bytes"), plain.violation(twentyFiveChars),
                "25 characters are 75 bytes");
        assertEquals(Optional.empty(), plain.violation("日".repeat(24)));
    }

    @Test
    void emptyAndNullAreTooShort() {
        assertEquals(Optional.of("Password must be at least 8 bytes"), plain.violation(""));
        assertEquals(Optional.of("Password must be at least 8 bytes"), plain.violation(null));
    }

    @Test
    void commonPasswordsAreRefusedCaseInsensitively() {
        assertEquals(Optional.of("Password is too common"), plain.violation("password"));
        assertEquals(Optional.of("Password is too common"), plain.violation("PassWord1"));
        assertEquals(Optional.of("Password is too common"), plain.violation("TRUSTNO1"));
        assertEquals(Optional.of("Password is too common"), plain.violation("12345678"));
        assertEquals(Optional.empty(), plain.violation("kalamdb123"), "the development password is allowed");
        assertEquals(30, PasswordPolicy.COMMON_PASSWORDS.size());
    }

    @Test
    void complexityOnlyWhenEnabled() {
        String msg = "Password must contain an uppercase letter, a lowercase letter, a digit and a special character";
        assertEquals(Optional.empty(), plain.violation("alllowercase"));
        assertEquals(Optional.of(msg), complex.violation("alllowercase"));
        assertEquals(Optional.of(msg), complex.violation("NoDigits!!"));
        assertEquals(Optional.of(msg), complex.violation("NoSpecial123"));
        assertEquals(Optional.of(msg), complex.violation("NOLOWER1!"));
        assertEquals(Optional.of(msg), complex.violation("noupper1!"));
        assertEquals(Optional.empty(), complex.violation("Str0ng!pass"));
        assertEquals(Optional.empty(), complex.violation("Ünïcode9 x"), "a space counts as a special character");
    }

    @Test
    void lengthRulesComeBeforeTheCommonListAndComplexity() {
        assertEquals(Optional.of("Password must be at least 8 bytes"), complex.violation("admin"));
        assertEquals(Optional.of("Password is too common"), complex.violation("changeme"));
    }

    @Test
    void checkThrowsAUserVisibleError() {
        KalamDbException e = assertThrows(KalamDbException.class, () -> plain.check("short"));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertEquals("Password must be at least 8 bytes", e.getMessage());
        assertTrue(e.isPreserved());
        assertDoesNotThrow(() -> plain.check("kalamdb123"));
    }
}
