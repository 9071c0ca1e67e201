package io.kalamdb.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt hashing through jBCrypt (spec auth.md §3). New hashes are {@code $2a$<cost>$…}; verification also
 * accepts {@code $2b$} and {@code $2y$} hashes, which jBCrypt 0.4 cannot parse but which hash identically.
 */
public class PasswordHasher {
    /** jBCrypt's accepted cost range; the configuration narrows it to 4–14. */
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private static final int HASH_LENGTH = 60;

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST
                    + ", got " + cost);
        }
        this.cost = cost;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.dummyHash = BCrypt.hashpw(HexFormat.of().formatHex(random), BCrypt.gensalt(cost));
    }

    public int cost() {
        return cost;
    }

    /** A new {@code $2a$} hash of {@code password} with a random salt. */
    public String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /** True when {@code password} matches {@code hash}; false for a null, empty or malformed hash. */
    public boolean verify(String password, String hash) {
        return check(password, hash);
    }

    /**
     * Runs one bcrypt verification against a fixed dummy hash of the same cost and discards the answer, so
     * that an unknown user costs the same time as a known one.
     */
    public void dummyVerify(String password) {
        check(password == null ? "" : password, dummyHash);
    }

    private static boolean check(String password, String hash) {
        if (password == null || hash == null || hash.length() != HASH_LENGTH) {
            return false;
        }
        String normalized;
        if (hash.startsWith("$2a$")) {
            normalized = hash;
        } else if (hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
            normalized = "$2a$" + hash.substring(4);
        } else {
            return false;
        }
        String computed;
        try {
            computed = BCrypt.hashpw(password, normalized);
        } catch (RuntimeException malformed) {
            return false;
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8),
                normalized.getBytes(StandardCharsets.UTF_8));
    }
}
