package io.kalamdb.auth;

import java.util.Optional;

/** The {@code token_type} claim of an internal JWT (spec auth.md §4). */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String wireName;

    TokenType(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase value written into the {@code token_type} claim. */
    public String wireName() {
        return wireName;
    }

    /** Parses a {@code token_type} claim value; empty for {@code null} or an unknown value. */
    public static Optional<TokenType> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TokenType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
