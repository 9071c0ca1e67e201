package io.kalamdb.auth;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;

/**
 * An authentication failure. {@link #code()} and {@link #getMessage()} are the protected-route answer of
 * http-api.md §4 (for example {@code INVALID_CREDENTIALS} / "Invalid credentials"); {@link #reason()} tells the
 * cases apart that share a code, and {@link #detailMessage()} is the text the {@code /v1/api/auth/*} endpoints
 * answer with (http-api.md §7). No stack trace is captured: these are expected outcomes, not bugs, and they
 * can be frequent under a brute-force attempt.
 */
public final class AuthException extends KalamDbException {

    /** Why authentication failed. Each reason maps to one error code. */
    public enum Reason {
        /** No credentials at all. */
        MISSING_AUTHORIZATION(ErrorCode.MISSING_AUTHORIZATION, "Authentication required"),
        /** Unknown user, wrong password, malformed header or token, bad signature, unknown scheme. */
        INVALID_CREDENTIALS(ErrorCode.INVALID_CREDENTIALS, "Invalid credentials"),
        /** The token's {@code exp} (plus leeway) has passed. */
        TOKEN_EXPIRED(ErrorCode.TOKEN_EXPIRED, "Token expired"),
        /** A valid token of the wrong {@code token_type} for this use. */
        WRONG_TOKEN_TYPE(ErrorCode.INVALID_CREDENTIALS, "Refresh endpoint requires a refresh token"),
        /** A valid token whose user no longer exists or is soft-deleted. */
        USER_NO_LONGER_VALID(ErrorCode.INVALID_CREDENTIALS, "User no longer valid"),
        /** A valid token whose role claim differs from the stored role. */
        ROLE_MISMATCH(ErrorCode.INVALID_CREDENTIALS, "Token role does not match user role"),
        /** The account is locked after repeated failures. */
        ACCOUNT_LOCKED(ErrorCode.ACCOUNT_LOCKED, "Account locked"),
        /** Root has no password yet: the server needs setup. */
        SETUP_REQUIRED(ErrorCode.SETUP_REQUIRED, "Server requires initial setup. Root password is not configured."),
        /** A passwordless system user tried to authenticate from a remote address. */
        REMOTE_ACCESS_DENIED(ErrorCode.REMOTE_ACCESS_DENIED,
                "System users with empty passwords cannot authenticate remotely"),
        /** The per-IP auth bucket is empty (Basic cache misses). */
        RATE_LIMITED(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many authentication attempts. Please retry shortly.");

        private final ErrorCode code;
        private final String detail;

        Reason(ErrorCode code, String detail) {
            this.code = code;
            this.detail = detail;
        }

        public ErrorCode code() {
            return code;
        }
    }

    private final Reason reason;
    private final long lockedMinutes;

    private AuthException(Reason reason, long lockedMinutes) {
        super(reason.code, messageFor(reason.code));
        this.reason = reason;
        this.lockedMinutes = lockedMinutes;
    }

    /** A failure for {@code reason}; use {@link #locked(long)} for a locked account. */
    public static AuthException of(Reason reason) {
        return new AuthException(reason, 0);
    }

    /** {@code ACCOUNT_LOCKED} with the remaining lock time in whole minutes, rounded up. */
    public static AuthException locked(long minutes) {
        return new AuthException(Reason.ACCOUNT_LOCKED, minutes);
    }

    /** The generic {@code INVALID_CREDENTIALS} failure. */
    public static AuthException invalidCredentials() {
        return of(Reason.INVALID_CREDENTIALS);
    }

    /** The protected-route message of an error code (http-api.md §4). */
    public static String messageFor(ErrorCode code) {
        switch (code) {
            case MISSING_AUTHORIZATION: return "Authentication required";
            case TOKEN_EXPIRED: return "Token expired";
            case ACCOUNT_LOCKED: return "Account locked";
            case SETUP_REQUIRED: return "Server requires initial setup";
            case REMOTE_ACCESS_DENIED: return "Access denied";
            case RATE_LIMIT_EXCEEDED: return "Too many authentication attempts. Please retry shortly.";
            default: return "Invalid credentials";
        }
    }

    public Reason reason() {
        return reason;
    }

    /** For {@code ACCOUNT_LOCKED}: the remaining lock in minutes, rounded up; 0 otherwise. */
    public long lockedMinutes() {
        return lockedMinutes;
    }

    /**
     * The message of the auth endpoints (http-api.md §7): "Account locked. Try again in N minute(s)",
     * "User no longer valid", "Token role does not match user role", "Refresh endpoint requires a refresh token",
     * the setup and remote-access texts, else the protected-route message.
     */
    public String detailMessage() {
        if (reason == Reason.ACCOUNT_LOCKED) {
            return "Account locked. Try again in " + lockedMinutes + " minute(s)";
        }
        return reason.detail;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
