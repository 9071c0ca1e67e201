package io.kalamdb.core.tables;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.store.KeyBuilder;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The order-preserving encoding of a primary-key value inside hot keys (spec storage.md §4.3): a type tag then the
 * value. Integers and times are sign-flipped big-endian so byte order is value order.
 */
public final class PkCodec {
    private static final int TAG_INTEGER = 0x01;
    private static final int TAG_TEXT = 0x02;
    private static final int TAG_UUID = 0x03;
    private static final int TAG_TIME = 0x04;
    private static final int TAG_DECIMAL = 0x05;

    private PkCodec() {
    }

    /** Appends the encoded storage value of a PK column of type {@code type}. */
    public static KeyBuilder append(KeyBuilder key, KalamDataType type, Object value) {
        switch (type.kind()) {
            case SMALL_INT:
            case INT:
            case BIG_INT:
                return key.u8(TAG_INTEGER).i64(((Number) value).longValue());
            case TEXT:
                return key.u8(TAG_TEXT).str((String) value);
            case UUID:
                UUID uuid = (UUID) value;
                return key.u8(TAG_UUID).u64(uuid.getMostSignificantBits()).u64(uuid.getLeastSignificantBits());
            case DATE:
            case TIMESTAMP:
            case DATE_TIME:
                return key.u8(TAG_TIME).i64(((Number) value).longValue());
            case DECIMAL:
                return key.u8(TAG_DECIMAL).str(((BigDecimal) value).toPlainString());
            default:
                throw KalamDbException.internal("type " + type + " cannot be a primary key", null);
        }
    }
}
