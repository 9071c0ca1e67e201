package io.kalamdb.api.routes;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.ErrorView;
import io.kalamdb.core.sql.SqlRequestException;

/**
 * Authentication of the protected routes (spec http-api.md §4): credentials come from {@code Authorization}
 * only; failures use the SQL error envelope with {@code WWW-Authenticate}.
 */
public final class ProtectedRoutes {
    private ProtectedRoutes() {
    }

    public static AuthSession authenticate(ApiServices services, RequestContext request) {
        return services.app().authenticator().authenticateHeader(request.header("Authorization"),
                request.client().ip(), request.client().local());
    }

    public static ApiResponse authFailure(KalamDbException e, RequestContext request) {
        ApiResponse response = SqlEnvelope.error(ErrorView.of(new SqlRequestException(e, 0, null), null),
                request.tookMillis());
        if (e.code().httpStatus() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"kalamdb\"");
        }
        return response;
    }
}
