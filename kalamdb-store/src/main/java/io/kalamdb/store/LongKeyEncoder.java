package io.kalamdb.store;

/** {@link KeyEncoder} for signed longs, encoded as {@code i64(v)}. */
final class LongKeyEncoder implements KeyEncoder<Long> {
    static final LongKeyEncoder INSTANCE = new LongKeyEncoder();

    private LongKeyEncoder() {
    }

    @Override
    public byte[] encode(Long key) {
        return KeyCodec.builder(8).i64(key).build();
    }

    @Override
    public Long decode(byte[] bytes) {
        return KeyCodec.reader(bytes).i64();
    }
}
