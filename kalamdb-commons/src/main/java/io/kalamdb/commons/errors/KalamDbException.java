package io.kalamdb.commons.errors;

/**
 * The one exception type of KalamDB. It carries an {@link ErrorCode}; the API layer maps it to an HTTP status
 * and the contract's JSON. {@code preserved} marks a message that non-admins may see verbatim
 * (spec http-api.md §5.11).
 */
public class KalamDbException extends RuntimeException {
    private final ErrorCode code;
    private final boolean preserved;

    public KalamDbException(ErrorCode code, String message) {
        this(code, message, false, null);
    }

    public KalamDbException(ErrorCode code, String message, Throwable cause) {
        this(code, message, false, cause);
    }

    private KalamDbException(ErrorCode code, String message, boolean preserved, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.preserved = preserved;
    }

    /** An error whose message is about the caller's own input and is shown to every role. */
    public static KalamDbException preserved(ErrorCode code, String message) {
        return new KalamDbException(code, message, true, null);
    }

    /** A {@code SQL_EXECUTION_ERROR} whose message is shown to every role (validation, conflicts, …). */
    public static KalamDbException userError(String message) {
        return preserved(ErrorCode.SQL_EXECUTION_ERROR, message);
    }

    public static KalamDbException permissionDenied(String message) {
        return preserved(ErrorCode.PERMISSION_DENIED, message);
    }

    public static KalamDbException notImplemented(String statement) {
        return preserved(ErrorCode.NOT_IMPLEMENTED, statement + " is not available in this version");
    }

    public static KalamDbException internal(String message, Throwable cause) {
        return new KalamDbException(ErrorCode.INTERNAL_ERROR, message, false, cause);
    }

    public ErrorCode code() {
        return code;
    }

    public boolean isPreserved() {
        return preserved;
    }
}
