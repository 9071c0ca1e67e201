package io.kalamdb.bench.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.BenchException;
import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs SQL through {@code POST /v1/api/sql} on one connection. Every response must be a success envelope; anything
 * else fails the run with the server's error code and message.
 */
public final class SqlClient implements Closeable {

    public static final String SQL_PATH = "/v1/api/sql";
    public static final String LOGIN_PATH = "/v1/api/auth/login";
    private static final int ABBREVIATE_AT = 160;

    private final HttpTransport transport;
    private final String authorization;
    private final ObjectMapper mapper;

    public SqlClient(HttpTransport transport, String authorization, ObjectMapper mapper) {
        this.transport = transport;
        this.authorization = authorization;
        this.mapper = mapper;
    }

    /** Logs in with {@code POST /v1/api/auth/login} and returns the {@code Authorization} header value to use. */
    public static String login(HttpTransport transport, ObjectMapper mapper, String user, String password) {
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("user", user, "password", password));
            HttpReply reply = transport.post(LOGIN_PATH, body, null);
            if (reply.status() != 200) {
                throw new BenchException("login as '" + user + "' failed with HTTP " + reply.status() + ": "
                        + abbreviate(reply.bodyText()));
            }
            String token = mapper.readTree(reply.body()).path("access_token").asText("");
            if (token.isEmpty()) {
                throw new BenchException("login response has no access_token: " + abbreviate(reply.bodyText()));
            }
            return "Bearer " + token;
        } catch (IOException e) {
            throw new BenchException("login request failed: " + e.getMessage(), e);
        }
    }

    public SqlResult execute(String sql, Object... params) {
        byte[] request = encode(sql, params);
        HttpReply reply;
        try {
            reply = transport.post(SQL_PATH, request, authorization);
        } catch (IOException e) {
            throw new BenchException("HTTP request failed (" + e.getMessage() + ") for " + abbreviate(sql), e);
        }
        byte[] body = reply.body();
        if (reply.status() == 200 && Envelope.startsWithSuccess(body)) {
            return new SqlResult(sql, body, mapper);
        }
        return checkSlow(sql, reply);
    }

    private byte[] encode(String sql, Object[] params) {
        try {
            return mapper.writeValueAsBytes(new SqlRequest(sql, params.length == 0 ? null : Arrays.asList(params)));
        } catch (JsonProcessingException e) {
            throw new BenchException("cannot encode the request for " + abbreviate(sql), e);
        }
    }

    /** Full parse of a response that failed the fast check: a success with another field order passes. */
    private SqlResult checkSlow(String sql, HttpReply reply) {
        JsonNode tree;
        try {
            tree = mapper.readTree(reply.body());
        } catch (IOException e) {
            tree = null;
        }
        if (reply.status() == 200 && tree != null && "success".equals(tree.path("status").asText())) {
            return new SqlResult(sql, reply.body(), mapper);
        }
        String detail = tree == null
                ? abbreviate(reply.bodyText())
                : tree.path("error").path("code").asText("?") + ": " + abbreviate(tree.path("error").path("message").asText(reply.bodyText()));
        throw new BenchException("statement failed with HTTP " + reply.status() + " " + detail + " | SQL: " + abbreviate(sql));
    }

    static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= ABBREVIATE_AT ? oneLine : oneLine.substring(0, ABBREVIATE_AT) + "…";
    }

    @Override
    public void close() {
        transport.close();
    }
}
