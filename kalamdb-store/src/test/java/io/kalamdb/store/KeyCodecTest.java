package io.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    private static final char[] ALPHABET = {'\u0000', '\u0001', '\u0002', 'a', 'b', 'z', '\u007F', '\u0080', 'é',
        '\u07FF', '€', '\uFFFD'};
    private static final long[] EDGE_LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L << 32, -256, -1, 0, 1, 255,
        256, 1L << 32, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    private final Random random = new Random(42);

    @Test
    void strByteOrderMatchesStringOrder() {
        for (int i = 0; i < 20_000; i++) {
            String a = randomString();
            String b = randomString();
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(KeyCodec.compare(KeyCodec.str(a),
                    KeyCodec.str(b))), () -> "order of " + escape(a) + " vs " + escape(b));
        }
    }

    @Test
    void i64ByteOrderMatchesSignedOrder() {
        for (int i = 0; i < 20_000; i++) {
            long a = randomLong();
            long b = randomLong();
            byte[] ka = KeyCodec.builder().i64(a).build();
            byte[] kb = KeyCodec.builder().i64(b).build();
            assertEquals(Integer.signum(Long.compare(a, b)), Integer.signum(KeyCodec.compare(ka, kb)),
                    () -> a + " vs " + b);
        }
    }

    @Test
    void i32ByteOrderMatchesSignedOrder() {
        int[] values = {Integer.MIN_VALUE, -65536, -1, 0, 1, 255, 65536, Integer.MAX_VALUE};
        for (int a : values) {
            for (int b : values) {
                assertEquals(Integer.signum(Integer.compare(a, b)), Integer.signum(KeyCodec.compare(
                        KeyCodec.builder().i32(a).build(), KeyCodec.builder().i32(b).build())), a + " vs " + b);
            }
        }
    }

    @Test
    void u64ByteOrderMatchesUnsignedOrder() {
        for (int i = 0; i < 20_000; i++) {
            long a = randomLong();
            long b = randomLong();
            assertEquals(Integer.signum(Long.compareUnsigned(a, b)),
                    Integer.signum(KeyCodec.compare(KeyCodec.u64(a), KeyCodec.u64(b))), () -> a + " vs " + b);
        }
    }

    @Test
    void tupleOrderIsLexicographicOverComponents() {
        for (int i = 0; i < 20_000; i++) {
            String sa = randomString();
            String sb = random.nextInt(4) == 0 ? sa : randomString();
            long la = randomLong();
            long lb = randomLong();
            int expected = sa.equals(sb) ? Long.compare(la, lb) : sa.compareTo(sb);
            byte[] ka = KeyCodec.builder().str(sa).i64(la).build();
            byte[] kb = KeyCodec.builder().str(sb).i64(lb).build();
            assertEquals(Integer.signum(expected), Integer.signum(KeyCodec.compare(ka, kb)),
                    () -> "(" + escape(sa) + "," + la + ") vs (" + escape(sb) + "," + lb + ")");
        }
    }

    @Test
    void strIsPrefixFree() {
        assertFalse(KeyCodec.startsWith(KeyCodec.str("bob2"), KeyCodec.str("bob")));
        assertFalse(KeyCodec.startsWith(KeyCodec.str("bob\u0000"), KeyCodec.str("bob")));
        assertFalse(KeyCodec.startsWith(KeyCodec.str("bob\u0001"), KeyCodec.str("bob")));
        assertFalse(KeyCodec.startsWith(KeyCodec.str(""), KeyCodec.str("a")));
        assertTrue(KeyCodec.startsWith(KeyCodec.builder().str("bob").u64(7).build(), KeyCodec.str("bob")));
        for (int i = 0; i < 5_000; i++) {
            String a = randomString();
            String b = randomString();
            if (!a.equals(b)) {
                assertFalse(KeyCodec.startsWith(KeyCodec.str(b), KeyCodec.str(a)), () -> escape(a) + " / " + escape(b));
            }
        }
    }

    @Test
    void strEscapesLowBytesAndTerminates() {
        assertArrayEquals(new byte[] {'b', 'o', 'b', 0}, KeyCodec.str("bob"));
        assertArrayEquals(new byte[] {1, 0, 1, 1, 2, 0}, KeyCodec.str("\u0000\u0001\u0002"));
        assertArrayEquals(new byte[] {'a', (byte) 0xC3, (byte) 0xA9, 0}, KeyCodec.str("aé"));
        assertArrayEquals(new byte[] {0}, KeyCodec.str(""));
    }

    @Test
    void fixedWidthEncodings() {
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, KeyCodec.builder().i64(Long.MIN_VALUE).build());
        assertArrayEquals(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 1}, KeyCodec.builder().i64(1).build());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 2}, KeyCodec.u64(258));
        assertArrayEquals(new byte[] {(byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                KeyCodec.builder().i32(-1).build());
        assertArrayEquals(new byte[] {(byte) 0xFE}, KeyCodec.builder().u8(254).build());
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.builder().u8(256));
    }

    @Test
    void readerDecodesWhatBuilderWrote() {
        for (int i = 0; i < 2_000; i++) {
            String s = randomString();
            long a = randomLong();
            long b = randomLong();
            int c = random.nextInt();
            int tag = random.nextInt(256);
            byte[] tail = {1, 0, (byte) 0xFF};
            byte[] key = KeyCodec.builder().u8(tag).str(s).i64(a).u64(b).i32(c).str("x\u0001y").bytes(tail).build();
            KeyReader r = KeyCodec.reader(key);
            assertEquals(tag, r.u8());
            assertEquals(s, r.str());
            assertEquals(a, r.i64());
            assertEquals(b, r.u64());
            assertEquals(c, r.i32());
            assertEquals("x\u0001y", r.str());
            assertEquals(3, r.remaining());
            assertArrayEquals(tail, r.rest());
            assertEquals(0, r.remaining());
        }
        byte[] withOffset = KeyCodec.builder().u64(5).str("naïve ünïcode 𝄞").build();
        KeyReader r = KeyCodec.reader(withOffset, 8);
        assertEquals("naïve ünïcode 𝄞", r.str());
        assertEquals(withOffset.length, r.position());
    }

    @Test
    void malformedKeysAreRejected() {
        KalamDbException unterminated = assertThrows(KalamDbException.class,
                () -> KeyCodec.reader(new byte[] {'a', 'b'}).str());
        assertEquals(ErrorCode.INTERNAL_ERROR, unterminated.code());
        assertEquals("malformed storage key: unterminated string component at offset 0", unterminated.getMessage());
        assertThrows(KalamDbException.class, () -> KeyCodec.reader(new byte[] {1, 5, 0}).str());
        KalamDbException shortLong = assertThrows(KalamDbException.class,
                () -> KeyCodec.reader(new byte[] {1, 2, 3}).u64());
        assertEquals("malformed storage key: needs 8 bytes at offset 0, key has 3", shortLong.getMessage());
    }

    @Test
    void prefixEndIsSmallestKeyAfterThePrefix() {
        assertArrayEquals(new byte[] {1, 3}, KeyCodec.prefixEnd(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {2}, KeyCodec.prefixEnd(new byte[] {1, (byte) 0xFF}));
        assertArrayEquals(new byte[] {1, (byte) 0x80}, KeyCodec.prefixEnd(new byte[] {1, (byte) 0x7F, (byte) 0xFF}));
        assertNull(KeyCodec.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF}));
        assertNull(KeyCodec.prefixEnd(new byte[0]));
        byte[] prefix = KeyCodec.str("bob");
        byte[] end = KeyCodec.prefixEnd(prefix);
        byte[] inside = KeyCodec.builder().str("bob").u64(-1L).build();
        assertTrue(KeyCodec.compare(inside, end) < 0);
        assertTrue(KeyCodec.compare(KeyCodec.str("bob\u0000"), end) >= 0);
    }

    private String randomString() {
        int len = random.nextInt(7);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private long randomLong() {
        return random.nextInt(3) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
