package io.kalamdb.commons.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final Pattern UUID_V7 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");

    @Test
    void uuidV7FormatVersionAndVariant() {
        for (int i = 0; i < 1000; i++) {
            String id = Ids.uuidV7();
            assertTrue(UUID_V7.matcher(id).matches(), id);
            UUID u = UUID.fromString(id);
            assertEquals(7, u.version());
            assertEquals(2, u.variant());
            assertEquals(id, u.toString());
        }
    }

    @Test
    void uuidV7EncodesTheTime() {
        long millis = 1_700_000_000_123L;
        String id = Ids.uuidV7(millis);
        UUID u = UUID.fromString(id);
        assertEquals(millis, u.getMostSignificantBits() >>> 16);
        assertEquals(String.format("%012x", millis), id.substring(0, 8) + id.substring(9, 13));
        assertTrue(Ids.uuidV7(0).startsWith("00000000-0000-7"));
        assertTrue(Ids.uuidV7((1L << 48) - 1).startsWith("ffffffff-ffff-7"));
        assertThrows(IllegalArgumentException.class, () -> Ids.uuidV7(-1));
        assertThrows(IllegalArgumentException.class, () -> Ids.uuidV7(1L << 48));
    }

    @Test
    void uuidV7SortsByTime() {
        String previous = Ids.uuidV7(1_000L);
        for (long t = 1_001L; t < 3_000L; t++) {
            String next = Ids.uuidV7(t);
            assertTrue(previous.compareTo(next) < 0, previous + " < " + next);
            previous = next;
        }
        assertTrue(Ids.uuidV7(1_699_999_999_999L).compareTo(Ids.uuidV7(1_700_000_000_000L)) < 0);
    }

    @Test
    void ulidFormatAndTime() {
        for (int i = 0; i < 1000; i++) {
            String id = Ids.ulid();
            assertTrue(ULID.matcher(id).matches(), id);
        }
        assertEquals("0000000000", Ids.ulid(0).substring(0, 10));
        assertEquals("7ZZZZZZZZZ", Ids.ulid((1L << 48) - 1).substring(0, 10));
        assertEquals("01ARYZ6S41", Ids.ulid(1469918176385L).substring(0, 10));
        assertThrows(IllegalArgumentException.class, () -> Ids.ulid(-1));
    }

    @Test
    void ulidSortsByTime() {
        String previous = Ids.ulid(5_000L);
        for (long t = 5_001L; t < 7_000L; t++) {
            String next = Ids.ulid(t);
            assertTrue(previous.compareTo(next) < 0, previous + " < " + next);
            previous = next;
        }
    }

    @Test
    void idsAreUniqueWithinOneMillisecond() {
        Set<String> uuids = new HashSet<>();
        Set<String> ulids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            uuids.add(Ids.uuidV7(42L));
            ulids.add(Ids.ulid(42L));
        }
        assertEquals(10_000, uuids.size());
        assertEquals(10_000, ulids.size());
        assertNotEquals(Ids.uuidV7(42L), Ids.uuidV7(42L));
    }
}
