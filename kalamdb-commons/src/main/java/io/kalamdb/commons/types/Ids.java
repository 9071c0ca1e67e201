package io.kalamdb.commons.types;

import java.security.SecureRandom;

/**
 * Generators for {@code UUID_V7()} and {@code ULID()} (spec sql.md §3.2, §7.1). The random bits come from a
 * {@link SecureRandom} per thread, so ids are unguessable and threads never contend on one generator.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final int RANDOM_BYTES = 10;
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Ids() {
    }

    /** A new RFC 9562 version-7 UUID for the current time, lowercase and hyphenated. */
    public static String uuidV7() {
        return uuidV7(System.currentTimeMillis());
    }

    /**
     * A version-7 UUID for the given time: 48 bits of Unix milliseconds, the version nibble {@code 7}, 12 random bits,
     * the variant bits {@code 10} and 62 random bits.
     *
     * @param unixMillis milliseconds since the epoch, 0 to 2<sup>48</sup>-1
     */
    public static String uuidV7(long unixMillis) {
        checkMillis(unixMillis);
        byte[] r = randomBytes();
        long msb = unixMillis << 16 | 0x7000L | (r[0] & 0x0FL) << 8 | (r[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | (r[2] & 0x3FL) << 56;
        for (int i = 3; i < RANDOM_BYTES; i++) {
            lsb |= (r[i] & 0xFFL) << (8 * (RANDOM_BYTES - 1 - i));
        }
        char[] out = new char[36];
        int p = hex(out, 0, msb >>> 32, 8);
        out[p++] = '-';
        p = hex(out, p, msb >>> 16, 4);
        out[p++] = '-';
        p = hex(out, p, msb, 4);
        out[p++] = '-';
        p = hex(out, p, lsb >>> 48, 4);
        out[p++] = '-';
        hex(out, p, lsb, 12);
        return new String(out);
    }

    /** A new ULID for the current time. */
    public static String ulid() {
        return ulid(System.currentTimeMillis());
    }

    /**
     * A ULID for the given time: 26 Crockford base32 characters encoding 48 bits of Unix milliseconds followed by
     * 80 random bits; ids of later milliseconds sort after earlier ones.
     *
     * @param unixMillis milliseconds since the epoch, 0 to 2<sup>48</sup>-1
     */
    public static String ulid(long unixMillis) {
        checkMillis(unixMillis);
        byte[] r = randomBytes();
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = hi << 8 | (r[i] & 0xFFL);
            lo = lo << 8 | (r[i + 5] & 0xFFL);
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (unixMillis & 0x1F)];
            unixMillis >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 0x1F)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 0x1F)];
            lo >>>= 5;
        }
        return new String(out);
    }

    private static void checkMillis(long unixMillis) {
        if (unixMillis < 0 || unixMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("Timestamp out of the 48-bit range: " + unixMillis);
        }
    }

    private static byte[] randomBytes() {
        byte[] r = new byte[RANDOM_BYTES];
        RANDOM.get().nextBytes(r);
        return r;
    }

    private static int hex(char[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return at + digits;
    }
}
