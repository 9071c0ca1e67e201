package io.kalamdb.commons.enums;

/** How a user authenticates (spec auth.md §1). */
public enum AuthType {
    PASSWORD("password"),
    OAUTH("oauth"),
    INTERNAL("internal");

    private final String wireName;

    AuthType(String wireName) {
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
