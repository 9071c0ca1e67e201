package io.kalamdb.commons.enums;

/** Access levels of SHARED tables (spec auth.md §8). */
public enum AccessLevel {
    PUBLIC("public"),
    PRIVATE("private"),
    RESTRICTED("restricted"),
    DBA("dba");

    private final String wireName;

    AccessLevel(String wireName) {
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
