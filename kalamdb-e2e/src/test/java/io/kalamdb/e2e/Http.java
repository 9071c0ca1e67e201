package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small HTTP/1.1 client for one server: raw requests plus login and SQL helpers. */
final class Http {

    static final String SQL = "/v1/api/sql";
    static final String LOGIN = "/v1/api/auth/login";
    static final String REFRESH = "/v1/api/auth/refresh";
    static final String LOGOUT = "/v1/api/auth/logout";
    static final String ME = "/v1/api/auth/me";
    static final String STATUS = "/v1/api/auth/status";
    static final String SETUP = "/v1/api/auth/setup";
    static final String JSON_TYPE = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** GET with optional headers given as name/value pairs. */
    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** POST of a raw body (no Content-Type unless given in {@code headers}). */
    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /** POST of a JSON value (a String is sent verbatim) with {@code Content-Type: application/json}. */
    Response postJson(String path, Object body, String... headers) {
        String text = body instanceof String s ? s : Json.write(body);
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = JSON_TYPE;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, text, all);
    }

    Response send(String method, String path, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        request.method(method, publisher);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> lowered = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
            return new Response(response.statusCode(), lowered, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + method + " " + path, e);
        }
    }

    /** POST /v1/api/auth/login with {"user","password"}. */
    Response loginRaw(String user, String password) {
        return postJson(LOGIN, Json.object().put("user", user).put("password", password));
    }

    /** Logs in, asserts 200 and returns the login body. */
    JsonNode loginBody(String user, String password) {
        Response response = loginRaw(user, password);
        assertEquals(200, response.status(), () -> "login as " + user + " failed: " + response);
        return response.json();
    }

    /** Logs in and returns the access token. */
    String login(String user, String password) {
        return loginBody(user, password).get("access_token").asText();
    }

    /** POST /v1/api/sql {"sql": sql} with {@code Authorization: Bearer token}. */
    Response sql(String token, String sql) {
        return sqlWith(bearer(token), Json.sqlBody(sql));
    }

    /** POST /v1/api/sql {"sql": sql} with HTTP Basic credentials. */
    Response sqlBasic(String user, String password, String sql) {
        return sqlWith(basic(user, password), Json.sqlBody(sql));
    }

    /** POST /v1/api/sql with any Authorization value (null: none) and any JSON body. */
    Response sqlWith(String authorization, Object body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = authorization;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return postJson(SQL, body, all);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
