package io.kalamdb.api.routes;

import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.auth.IssuedTokens;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** The {@code kalamdb_auth} and {@code kalamdb_refresh} cookies (spec auth.md §6). */
final class AuthCookies {
    static final String AUTH = "kalamdb_auth";
    static final String REFRESH = "kalamdb_refresh";
    private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private AuthCookies() {
    }

    static void set(ApiResponse response, IssuedTokens tokens, boolean secure) {
        response.cookie(cookie(AUTH, tokens.accessToken(), httpDate(tokens.accessExpiresAt()), secure));
        response.cookie(cookie(REFRESH, tokens.refreshToken(), httpDate(tokens.refreshExpiresAt()), secure));
    }

    static void clear(ApiResponse response, boolean secure) {
        response.cookie(cookie(AUTH, "", EPOCH, secure));
        response.cookie(cookie(REFRESH, "", EPOCH, secure));
    }

    /** The value of a request cookie, or null. */
    static String read(RequestContext request, String name) {
        String header = request.header("Cookie");
        if (header == null) {
            return null;
        }
        Set<Cookie> cookies = ServerCookieDecoder.LAX.decode(header);
        for (Cookie c : cookies) {
            if (c.name().equals(name) && !c.value().isEmpty()) {
                return c.value();
            }
        }
        return null;
    }

    private static String cookie(String name, String value, String expires, boolean secure) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Expires=" + expires
                + (secure ? "; Secure" : "");
    }

    private static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
