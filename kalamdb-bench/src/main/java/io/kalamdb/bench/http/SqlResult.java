package io.kalamdb.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A successful SQL response. The body is kept raw; it is parsed only when a caller asks for the tree. */
public final class SqlResult {

    private final String sql;
    private final byte[] body;
    private final ObjectMapper mapper;

    SqlResult(String sql, byte[] body, ObjectMapper mapper) {
        this.sql = sql;
        this.body = body;
        this.mapper = mapper;
    }

    public byte[] body() {
        return body;
    }

    /** {@code row_count} of the first result. */
    public long rowCount() {
        return Envelope.firstRowCount(body);
    }

    /** Fails the run unless the first result has exactly {@code expected} rows. */
    public SqlResult expectRowCount(long expected) {
        long actual = rowCount();
        if (actual != expected) {
            throw new BenchException("expected row_count " + expected + " but got " + actual + " for "
                    + SqlClient.abbreviate(sql) + ": " + SqlClient.abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** The first cell of the first row as text (BIGINT cells are JSON strings). */
    public String firstCell() {
        JsonNode rows = tree().path("results").path(0).path("rows");
        JsonNode cell = rows.path(0).path(0);
        if (cell.isMissingNode()) {
            throw new BenchException("no rows in the response to " + SqlClient.abbreviate(sql));
        }
        return cell.asText();
    }

    public JsonNode tree() {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new BenchException("response to " + SqlClient.abbreviate(sql) + " is not JSON", e);
        }
    }
}
