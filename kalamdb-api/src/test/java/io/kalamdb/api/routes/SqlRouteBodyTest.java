package io.kalamdb.api.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.SqlRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON body of {@code POST /v1/api/sql} (spec http-api.md §5.1, §5.10). */
class SqlRouteBodyTest {
    private static RequestContext request(String body) {
        return new RequestContext(HttpMethod.POST, "/v1/api/sql", new DefaultHttpHeaders(),
                body.getBytes(StandardCharsets.UTF_8), new ClientAddress("127.0.0.1", true, true), "req-1",
                System.nanoTime(), false);
    }

    @Test
    void paramsThatAreNotAnArrayAreAnInvalidParameter() {
        for (String params : List.of("\"x\"", "5", "{\"a\":1}", "true")) {
            KalamDbException e = assertThrows(KalamDbException.class,
                    () -> SqlRoute.parseBody(request("{\"sql\":\"SELECT 1\",\"params\":" + params + "}")), params);
            assertEquals(ErrorCode.INVALID_PARAMETER, e.code(), params);
            assertEquals(400, e.code().httpStatus(), params);
            assertEquals("Params must be a JSON array", e.getMessage(), params);
            assertTrue(e.isPreserved(), params);
        }
    }

    @Test
    void arrayOrNullParamsAreRead() {
        SqlRequest withParams = SqlRoute.parseBody(request("{\"sql\":\"SELECT $1\",\"params\":[7]}"));
        assertEquals(7L, withParams.params().get(0).value());
        assertEquals(null, SqlRoute.parseBody(request("{\"sql\":\"SELECT 1\",\"params\":null}")).params());
    }
}
