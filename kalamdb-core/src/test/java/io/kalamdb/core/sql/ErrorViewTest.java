package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import org.junit.jupiter.api.Test;

class ErrorViewTest {

    private static SqlRequestException failed(KalamDbException e) {
        return new SqlRequestException(e, 2, "SELECT * FROM secret.hidden");
    }

    @Test
    void adminsGetPrefixedMessageAndDetails() {
        ErrorView v = ErrorView.of(failed(new KalamDbException(ErrorCode.TABLE_NOT_FOUND,
                "Table 'secret.hidden' not found")), Role.DBA);
        assertEquals("Statement 2 failed: Table 'secret.hidden' not found", v.message());
        assertEquals("SELECT * FROM secret.hidden", v.details());
    }

    @Test
    void nonAdminsGetFixedPublicMessagesWithoutDetails() {
        ErrorView v = ErrorView.of(failed(new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Namespace 'x' does not exist")),
                Role.USER);
        assertEquals("SQL statement failed", v.message());
        assertNull(v.details());
        assertEquals("SQL statement is invalid or not allowed",
                ErrorView.of(failed(new KalamDbException(ErrorCode.INVALID_SQL, "Syntax error")), Role.SERVICE).message());
        assertEquals("SQL request failed",
                ErrorView.of(failed(KalamDbException.internal("boom", null)), Role.USER).message());
        assertEquals("Failed to parse SQL batch", ErrorView.of(new SqlRequestException(
                new KalamDbException(ErrorCode.BATCH_PARSE_ERROR, "Failed to split"), 0, null), Role.USER).message());
    }

    @Test
    void preservedMessagesKeepTheirPrefixForEveryone() {
        assertEquals("Statement 2 failed: Password is too common",
                ErrorView.of(failed(KalamDbException.userError("Password is too common")), Role.USER).message());
        assertEquals("Statement 2 failed: Admin privileges (DBA or System role) required for namespace operations",
                ErrorView.of(failed(new KalamDbException(ErrorCode.PERMISSION_DENIED,
                        "Admin privileges (DBA or System role) required for namespace operations")), Role.USER).message());
        assertEquals("Statement 2 failed: BEGIN is not available in this version",
                ErrorView.of(failed(KalamDbException.notImplemented("BEGIN")), Role.USER).message());
    }

    @Test
    void sqlTooLongIsPreservedAndUnprefixed() {
        ErrorView v = ErrorView.of(new SqlRequestException(new KalamDbException(ErrorCode.INVALID_SQL,
                "SQL query too long: 2000000 bytes (maximum 1048576 bytes)"), 0, null), Role.USER);
        assertEquals("SQL query too long: 2000000 bytes (maximum 1048576 bytes)", v.message());
    }
}
