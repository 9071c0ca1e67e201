package io.kalamdb.core.sql;

import java.util.List;

/** The result of one statement: rows, or a message (spec http-api.md §5.3). */
public sealed interface StatementResult {
    /** The effective user id ({@code as_user}). */
    String asUser();

    /**
     * A row result. Each row holds its cells in schema order, already in their JSON cell encoding
     * (spec http-api.md §5.5): BigInt as String, timestamps as Long µs, Json as String, …
     */
    record Rows(List<SchemaField> schema, List<List<Object>> rows, String asUser) implements StatementResult {
    }

    /** A message result of DDL, DML and admin statements. */
    record Message(long rowCount, String message, String asUser) implements StatementResult {
    }
}
