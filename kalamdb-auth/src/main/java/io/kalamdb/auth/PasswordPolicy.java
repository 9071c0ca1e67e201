package io.kalamdb.auth;

import io.kalamdb.commons.errors.KalamDbException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy of spec auth.md §3: 8–72 bytes of UTF-8, not a common password (case-insensitive), and,
 * when enabled, the complexity rule.
 */
public final class PasswordPolicy {
    public static final int MIN_BYTES = 8;
    public static final int MAX_BYTES = 72;

    public static final String TOO_SHORT = "Password must be at least 8 bytes";
    public static final String TOO_LONG = "Password must be at most 72 bytes";
    public static final String TOO_COMMON = "Password is too common";
    public static final String NOT_COMPLEX =
            "Password must contain an uppercase letter, a lowercase letter, a digit and a special character";

    /** The common-password list, lowercase. */
    public static final Set<String> COMMON_PASSWORDS = Set.of(
            "password", "123456", "12345678", "123456789", "qwerty", "abc123", "monkey", "1234567", "letmein",
            "trustno1", "dragon", "baseball", "iloveyou", "master", "sunshine", "ashley", "bailey", "passw0rd",
            "shadow", "123123", "654321", "superman", "qazwsx", "michael", "football", "welcome", "admin123",
            "password1", "changeme", "kalamdb");

    private final boolean enforceComplexity;

    public PasswordPolicy(boolean enforceComplexity) {
        this.enforceComplexity = enforceComplexity;
    }

    public boolean enforcesComplexity() {
        return enforceComplexity;
    }

    /** The first rule {@code password} breaks, as its exact message; empty when the password is acceptable. */
    public Optional<String> violation(String password) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            return Optional.of(TOO_SHORT);
        }
        if (bytes > MAX_BYTES) {
            return Optional.of(TOO_LONG);
        }
        if (COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(TOO_COMMON);
        }
        if (enforceComplexity && !isComplex(password)) {
            return Optional.of(NOT_COMPLEX);
        }
        return Optional.empty();
    }

    /** Throws a user-visible {@code SQL_EXECUTION_ERROR} with the violation message, if any. */
    public void check(String password) {
        Optional<String> violation = violation(password);
        if (violation.isPresent()) {
            throw KalamDbException.userError(violation.get());
        }
    }

    private static boolean isComplex(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else if (!Character.isLetter(cp)) {
                other = true;
            }
            i += Character.charCount(cp);
        }
        return upper && lower && digit && other;
    }
}
