package io.kalamdb.core.account;

/** A refused {@code POST /v1/api/auth/setup} (spec http-api.md §7.6 checks 3–8). */
public final class SetupException extends RuntimeException {
    /** Why setup was refused; the API maps each to its status and {@code error} code. */
    public enum Kind { ALREADY_CONFIGURED, WEAK_PASSWORD, INVALID_USER, USER_EXISTS }

    private final Kind kind;

    public SetupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
