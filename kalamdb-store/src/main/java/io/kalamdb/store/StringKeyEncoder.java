package io.kalamdb.store;

/** {@link KeyEncoder} for strings, encoded as {@code str(s)}. */
final class StringKeyEncoder implements KeyEncoder<String> {
    static final StringKeyEncoder INSTANCE = new StringKeyEncoder();

    private StringKeyEncoder() {
    }

    @Override
    public byte[] encode(String key) {
        return KeyCodec.str(key);
    }

    @Override
    public String decode(byte[] bytes) {
        return KeyCodec.reader(bytes).str();
    }
}
