package io.kalamdb.commons.enums;

/** Table types (spec storage.md §1). */
public enum TableType {
    USER("user"),
    SHARED("shared"),
    STREAM("stream"),
    SYSTEM("system");

    private final String wireName;

    TableType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
