package io.kalamdb.commons.errors;

/** Error codes of the SQL endpoint envelope (spec http-api.md §5.10) with their HTTP status. */
public enum ErrorCode {
    MISSING_AUTHORIZATION(401),
    INVALID_CREDENTIALS(401),
    TOKEN_EXPIRED(401),
    ACCOUNT_LOCKED(401),
    SETUP_REQUIRED(401),
    REMOTE_ACCESS_DENIED(403),
    RATE_LIMIT_EXCEEDED(429),
    INVALID_INPUT(400),
    INVALID_PARAMETER(400),
    EMPTY_SQL(400),
    BATCH_PARSE_ERROR(400),
    PARAMS_WITH_BATCH(400),
    INVALID_SQL(400),
    PERMISSION_DENIED(403),
    TABLE_NOT_FOUND(404),
    SQL_EXECUTION_ERROR(400),
    NOT_IMPLEMENTED(501),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
