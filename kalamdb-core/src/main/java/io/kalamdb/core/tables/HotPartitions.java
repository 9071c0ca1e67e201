package io.kalamdb.core.tables;

import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.Partition;

/**
 * The hot row layout (spec storage.md §4.3). Every key of a table starts with its 8-byte big-endian table uid, so
 * a dropped table is removed by one range delete per partition and a re-created table (new uid) never mixes with
 * the old one:
 * <ul>
 *   <li>{@link #ROWS} ({@code hot_data}): USER {@code uid ‖ str(user) ‖ seq}, SHARED {@code uid ‖ seq} → row record;</li>
 *   <li>{@link #PK_INDEX} ({@code hot_index}): USER {@code uid ‖ str(user) ‖ pk(v)}, SHARED {@code uid ‖ pk(v)}
 *       → the latest version's {@code seq} (8 bytes) and a flag byte, 0 live / 1 tombstone: a point lookup is two
 *       gets, no iterator;</li>
 *   <li>{@link #STREAM_ROWS} ({@code stream_data}): {@code uid ‖ str(user) ‖ seq} → row record.</li>
 * </ul>
 */
public final class HotPartitions {
    public static final Partition ROWS = new Partition(ColumnFamily.HOT_DATA, "rows");
    public static final Partition PK_INDEX = new Partition(ColumnFamily.HOT_INDEX, "pk");
    public static final Partition STREAM_ROWS = new Partition(ColumnFamily.STREAM_DATA, "rows");

    private HotPartitions() {
    }

    /** The key prefix of every hot entry of the table with this uid. */
    public static byte[] tablePrefix(long tableUid) {
        return KeyCodec.u64(tableUid);
    }
}
