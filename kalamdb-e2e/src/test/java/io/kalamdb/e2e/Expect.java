package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** Assertions on the wire contract: exact JSON bodies, key order, the SQL envelope and auth error shapes. */
final class Expect {

    static final String WWW_AUTHENTICATE = "Bearer realm=\"kalamdb\"";

    private Expect() {
    }

    /** The status code, with the whole response in the failure message. */
    static void status(Response response, int status) {
        assertEquals(status, response.status(), () -> "unexpected status: " + response);
    }

    /** The body equals {@code expectedJson} exactly (same fields and values, any order). */
    static JsonNode json(Response response, int status, String expectedJson) {
        status(response, status);
        JsonNode actual = response.json();
        assertEquals(Json.parse(expectedJson), actual, () -> "unexpected body: " + response.body());
        return actual;
    }

    /** The object's fields, in this exact order. */
    static void keys(JsonNode node, String... keys) {
        assertEquals(List.of(keys), Json.fieldNames(node), () -> "unexpected fields or field order in " + node);
    }

    /** An auth-route error body {"error":..., "message":...}, exactly. */
    static void authError(Response response, int status, String error, String message) {
        JsonNode body = json(response, status, Json.write(Json.object().put("error", error).put("message", message)));
        keys(body, "error", "message");
    }

    /** A successful SQL envelope; returns {@code results}. */
    static JsonNode sqlOk(Response response) {
        status(response, 200);
        JsonNode body = response.json();
        keys(body, "status", "results", "took");
        assertEquals("success", body.get("status").asText(), () -> "body: " + body);
        assertTrue(body.get("results").isArray(), () -> "results is not an array: " + body);
        assertTook(body);
        return body.get("results");
    }

    /** A successful SQL envelope with exactly {@code count} results; returns them. */
    static JsonNode sqlOk(Response response, int count) {
        JsonNode results = sqlOk(response);
        assertEquals(count, results.size(), () -> "unexpected number of results: " + response.body());
        return results;
    }

    /** A single message result {"row_count":0,"message":...,"as_user":...}; no schema, no rows. */
    static void messageResult(JsonNode result, String message, String asUser) {
        messageResult(result, message, asUser, 0);
    }

    static void messageResult(JsonNode result, String message, String asUser, int rowCount) {
        JsonNode expected = Json.object().put("row_count", rowCount).put("message", message).put("as_user", asUser);
        assertEquals(expected, result, () -> "unexpected result entry: " + result);
    }

    /** A one-statement success whose only result is the given message. */
    static void message(Response response, String message, String asUser) {
        messageResult(sqlOk(response, 1).get(0), message, asUser);
    }

    /**
     * An SQL error envelope {"status":"error","results":[],"took":n,"error":{"code","message"[,"details"]}} with this
     * status, code and message; returns the {@code error} object.
     */
    static JsonNode sqlError(Response response, int status, String code, String message) {
        status(response, status);
        JsonNode body = response.json();
        keys(body, "status", "results", "took", "error");
        assertEquals("error", body.get("status").asText(), () -> "body: " + body);
        assertTrue(body.get("results").isArray() && body.get("results").isEmpty(), () -> "results must be []: " + body);
        assertTook(body);
        JsonNode error = body.get("error");
        assertEquals(code, error.path("code").asText(null), () -> "unexpected error code: " + body);
        assertEquals(message, error.path("message").asText(null), () -> "unexpected error message: " + body);
        return error;
    }

    /** Like {@link #sqlError} but the message only has to match {@code messageRegex}. */
    static JsonNode sqlErrorMatching(Response response, int status, String code, String messageRegex) {
        status(response, status);
        JsonNode body = response.json();
        keys(body, "status", "results", "took", "error");
        assertEquals("error", body.get("status").asText(), () -> "body: " + body);
        assertTrue(body.get("results").isArray() && body.get("results").isEmpty(), () -> "results must be []: " + body);
        assertTook(body);
        JsonNode error = body.get("error");
        assertEquals(code, error.path("code").asText(null), () -> "unexpected error code: " + body);
        String message = error.path("message").asText("");
        assertTrue(Pattern.compile(messageRegex, Pattern.DOTALL).matcher(message).matches(),
                () -> "message does not match /" + messageRegex + "/: " + body);
        return error;
    }

    /** An SQL error without {@code details} (errors before execution, or any error for non-admins). */
    static void sqlErrorNoDetails(Response response, int status, String code, String message) {
        JsonNode error = sqlError(response, status, code, message);
        keys(error, "code", "message");
    }

    /** An admin's statement error, whose {@code details} hold the failing statement's SQL. */
    static void sqlErrorWithDetails(Response response, int status, String code, String message, String details) {
        JsonNode error = sqlError(response, status, code, message);
        keys(error, "code", "message", "details");
        assertEquals(details, error.get("details").asText(), () -> "unexpected details: " + error);
    }

    /** A 401 of a protected route: the SQL envelope plus {@code WWW-Authenticate: Bearer realm="kalamdb"}. */
    static void unauthorized(Response response, String code, String message) {
        sqlErrorNoDetails(response, 401, code, message);
        assertEquals(WWW_AUTHENTICATE, response.header("WWW-Authenticate"), () -> "missing WWW-Authenticate: " + response);
    }

    /** 401 INVALID_CREDENTIALS "Invalid credentials". */
    static void invalidCredentials(Response response) {
        unauthorized(response, "INVALID_CREDENTIALS", "Invalid credentials");
    }

    private static void assertTook(JsonNode body) {
        JsonNode took = body.get("took");
        assertTrue(took.isNumber() && took.asDouble() >= 0, () -> "took must be a non-negative number: " + body);
        double thousandths = took.asDouble() * 1000;
        assertTrue(Math.abs(thousandths - Math.rint(thousandths)) < 1e-6,
                () -> "took must be rounded to 3 decimals: " + took);
    }
}
