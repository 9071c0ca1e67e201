package io.kalamdb.core.sql;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;

/**
 * The {@code error} object of a failed SQL request as one caller may see it: the code, the message (with the
 * {@code Statement N failed: } prefix, redacted for non-admins per spec http-api.md §5.11) and {@code details}
 * (the failing statement, admins only).
 */
public record ErrorView(ErrorCode code, String message, String details) {

    public static ErrorView of(SqlRequestException failure, Role callerRole) {
        KalamDbException error = failure.error();
        boolean admin = callerRole != null && callerRole.isAdmin() && !failure.asRoleUser();
        String prefix = failure.statementIndex() > 0 ? "Statement " + failure.statementIndex() + " failed: " : "";
        String message;
        if (admin || error.isPreserved() || !isRedactedCode(error)) {
            message = prefix + error.getMessage();
        } else {
            message = publicMessage(error);
        }
        return new ErrorView(error.code(), message, admin ? SqlRedaction.redact(failure.statementSql()) : null);
    }

    private static boolean isRedactedCode(KalamDbException error) {
        switch (error.code()) {
            case INVALID_SQL:
                return !error.getMessage().startsWith("SQL query too long");
            case BATCH_PARSE_ERROR:
            case TABLE_NOT_FOUND:
            case SQL_EXECUTION_ERROR:
            case INTERNAL_ERROR:
                return true;
            default:
                return false;
        }
    }

    private static String publicMessage(KalamDbException error) {
        switch (error.code()) {
            case INVALID_SQL:
                return "SQL statement is invalid or not allowed";
            case BATCH_PARSE_ERROR:
                return "Failed to parse SQL batch";
            case TABLE_NOT_FOUND:
            case SQL_EXECUTION_ERROR:
                return "SQL statement failed";
            case INTERNAL_ERROR:
                return "SQL request failed";
            default:
                return error.getMessage();
        }
    }
}
