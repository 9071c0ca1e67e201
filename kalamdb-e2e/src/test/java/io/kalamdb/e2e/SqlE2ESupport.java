package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Helpers shared by the {@code Sql*E2ETest} classes: row results with exact schemas (http-api.md §5.3, §5.4),
 * parameterised requests (§5.8), users of a given role, and polling of asynchronous state.
 */
final class SqlE2ESupport {

    static final String ROOT = "root";
    static final String ROOT_PASSWORD = ServerProcess.ROOT_PASSWORD;
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private SqlE2ESupport() {
    }

    /** One expected schema field: name, data_type (a name such as {@code Int} or a JSON object) and flags. */
    record Column(String name, JsonNode dataType, List<String> flags) {
    }

    /** A schema field; {@code dataType} starting with '{' is parsed as JSON, anything else is a type name. */
    static Column col(String name, String dataType, String... flags) {
        JsonNode type = dataType.startsWith("{") ? Json.parse(dataType) : TextNode.valueOf(dataType);
        return new Column(name, type, List.of(flags));
    }

    /** A one-statement DML success: {@code message} (e.g. {@code Inserted 2 row(s)}) with row_count = affected rows. */
    static void affected(Response response, String message, int count, String asUser) {
        Expect.messageResult(Expect.sqlOk(response, 1).get(0), message, asUser, count);
    }

    /** The one result of a successful one-statement request, which must be a row result for {@code asUser}. */
    static JsonNode rowResult(Response response, String asUser) {
        return rowResultEntry(Expect.sqlOk(response, 1).get(0), asUser);
    }

    /** A result entry {"schema","rows","row_count","as_user"}: row_count = rows, every row as wide as the schema. */
    static JsonNode rowResultEntry(JsonNode result, String asUser) {
        Expect.keys(result, "schema", "rows", "row_count", "as_user");
        assertEquals(asUser, result.get("as_user").asText(), () -> "as_user of " + result);
        JsonNode schema = result.get("schema");
        JsonNode rows = result.get("rows");
        assertTrue(schema.isArray() && rows.isArray(), () -> "schema and rows must be arrays: " + result);
        assertEquals(rows.size(), result.get("row_count").asInt(), () -> "row_count must equal the rows: " + result);
        for (JsonNode row : rows) {
            assertTrue(row.isArray() && row.size() == schema.size(), () -> "rows are positional arrays of "
                    + schema.size() + " cells: " + row);
        }
        return result;
    }

    /** The schema equals the given fields exactly: names, data types, 0-based indexes and flags (omitted when none). */
    static void assertSchema(JsonNode result, Column... columns) {
        ArrayNode expected = Json.array();
        for (int i = 0; i < columns.length; i++) {
            ObjectNode field = expected.addObject()
                    .put("name", columns[i].name());
            field.set("data_type", columns[i].dataType());
            field.put("index", i);
            if (!columns[i].flags().isEmpty()) {
                ArrayNode flags = field.putArray("flags");
                columns[i].flags().forEach(flags::add);
            }
        }
        JsonNode schema = result.get("schema");
        assertEquals(expected, schema, () -> "unexpected schema: " + schema);
        for (JsonNode field : schema) {
            List<String> keys = field.has("flags") ? List.of("name", "data_type", "index", "flags")
                    : List.of("name", "data_type", "index");
            assertEquals(keys, Json.fieldNames(field), () -> "schema field keys and order: " + field);
        }
    }

    /** The schema's column names, in order. */
    static List<String> columnNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("schema").forEach(field -> names.add(field.get("name").asText()));
        return names;
    }

    /** The rows equal {@code expectedJson} (a JSON array of row arrays), in this order. */
    static void assertRows(JsonNode result, String expectedJson) {
        JsonNode expected = Json.parse(expectedJson);
        assertEquals(expected, result.get("rows"), () -> "unexpected rows: " + result.get("rows"));
    }

    /** The values of one column (by index) of every row, as text. */
    static List<String> columnText(JsonNode result, int index) {
        List<String> values = new ArrayList<>();
        result.get("rows").forEach(row -> values.add(row.get(index).isNull() ? null : row.get(index).asText()));
        return values;
    }

    /** A BigInt cell: a JSON string of decimal digits, returned as a number. */
    static long bigInt(JsonNode cell) {
        assertTrue(cell.isTextual() && cell.asText().matches("-?\\d+"), () -> "a BigInt cell is a string of digits: " + cell);
        return Long.parseLong(cell.asText());
    }

    /** POST /v1/api/sql {"sql": sql, "params": [...]} with a Bearer token; params are written as JSON values. */
    static Response sqlParams(Http http, String token, String sql, Object... params) {
        ObjectNode body = Json.sqlBody(sql);
        ArrayNode array = body.putArray("params");
        for (Object param : params) {
            array.add(Json.MAPPER.valueToTree(param));
        }
        return http.sqlWith(Http.bearer(token), body);
    }

    /** Creates a user with the given role (as {@code adminToken}) and returns a fresh access token for it. */
    static String createUserAndLogin(Http http, String adminToken, String user, String password, String role) {
        Expect.message(http.sql(adminToken, "CREATE USER " + user + " WITH PASSWORD '" + password + "' ROLE " + role),
                "User '" + user + "' created", ROOT);
        return http.login(user, password);
    }

    /** The single cell of a one-row, one-column result. */
    static JsonNode scalar(Response response, String asUser) {
        JsonNode result = rowResult(response, asUser);
        assertEquals(1, result.get("rows").size(), () -> "expected one row: " + result);
        assertEquals(1, result.get("schema").size(), () -> "expected one column: " + result);
        return result.get("rows").get(0).get(0);
    }

    /** Polls {@code probe} every 50 ms until it returns a non-null value, failing after {@code timeout}. */
    static <T> T pollUntil(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Sleeps without checked exceptions. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
