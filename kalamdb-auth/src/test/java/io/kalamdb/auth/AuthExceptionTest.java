package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.auth.AuthException.Reason;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import org.junit.jupiter.api.Test;

class AuthExceptionTest {

    @Test
    void messagesFollowTheProtectedRouteTable() {
        assertEquals("Authentication required", AuthException.messageFor(ErrorCode.MISSING_AUTHORIZATION));
        assertEquals("Invalid credentials", AuthException.messageFor(ErrorCode.INVALID_CREDENTIALS));
        assertEquals("Token expired", AuthException.messageFor(ErrorCode.TOKEN_EXPIRED));
        assertEquals("Account locked", AuthException.messageFor(ErrorCode.ACCOUNT_LOCKED));
        assertEquals("Server requires initial setup", AuthException.messageFor(ErrorCode.SETUP_REQUIRED));
        assertEquals("Access denied", AuthException.messageFor(ErrorCode.REMOTE_ACCESS_DENIED));
    }

    @Test
    void everyReasonCarriesItsCodeAndMessage() {
        for (Reason reason : Reason.values()) {
            AuthException e = AuthException.of(reason);
            assertEquals(reason.code(), e.code());
            assertEquals(AuthException.messageFor(reason.code()), e.getMessage());
            assertEquals(reason, e.reason());
        }
        assertEquals(ErrorCode.INVALID_CREDENTIALS, Reason.WRONG_TOKEN_TYPE.code());
        assertEquals(ErrorCode.INVALID_CREDENTIALS, Reason.USER_NO_LONGER_VALID.code());
        assertEquals(ErrorCode.INVALID_CREDENTIALS, Reason.ROLE_MISMATCH.code());
    }

    @Test
    void lockedCarriesTheMinutes() {
        AuthException e = AuthException.locked(7);
        assertEquals(ErrorCode.ACCOUNT_LOCKED, e.code());
        assertEquals(7, e.lockedMinutes());
        assertEquals("Account locked", e.getMessage());
        assertEquals("Account locked. Try again in 7 minute(s)", e.detailMessage());
        assertEquals(0, AuthException.invalidCredentials().lockedMinutes());
    }

    @Test
    void isAKalamDbExceptionWithoutAStackTrace() {
        KalamDbException e = AuthException.invalidCredentials();
        assertEquals(ErrorCode.INVALID_CREDENTIALS, e.code());
        assertEquals(0, e.getStackTrace().length);
    }
}
