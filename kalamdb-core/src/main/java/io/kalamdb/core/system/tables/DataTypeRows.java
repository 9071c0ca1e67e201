package io.kalamdb.core.system.tables;

import java.util.List;

/** Rows of {@code system.datatypes}: one per data_type of spec sql.md §12.1, with its Parquet physical type. */
final class DataTypeRows {
    private static final List<Object[]> ROWS = List.of(
            new Object[] {"BOOLEAN", "Boolean", "BOOLEAN", "true or false"},
            new Object[] {"INT32", "SmallInt", "SMALLINT", "16-bit signed integer"},
            new Object[] {"INT32", "Int", "INT", "32-bit signed integer"},
            new Object[] {"INT64", "BigInt", "BIGINT", "64-bit signed integer, rendered as a JSON string"},
            new Object[] {"FLOAT", "Float", "FLOAT", "32-bit floating point"},
            new Object[] {"DOUBLE", "Double", "DOUBLE", "64-bit floating point"},
            new Object[] {"FIXED_LEN_BYTE_ARRAY", "Decimal", "DECIMAL(p,s)", "exact decimal, rendered as a string"},
            new Object[] {"BYTE_ARRAY", "Text", "TEXT", "UTF-8 text"},
            new Object[] {"BYTE_ARRAY", "Bytes", "BYTES", "binary data, rendered as an array of byte values"},
            new Object[] {"BYTE_ARRAY", "Json", "JSON", "JSON document stored as compact text"},
            new Object[] {"INT64", "Timestamp", "TIMESTAMP", "microseconds since the Unix epoch (UTC)"},
            new Object[] {"INT64", "DateTime", "DATETIME", "microseconds since the Unix epoch (UTC)"},
            new Object[] {"INT32", "Date", "DATE", "days since 1970-01-01"},
            new Object[] {"INT64", "Time", "TIME", "microseconds since midnight"},
            new Object[] {"FIXED_LEN_BYTE_ARRAY", "Uuid", "UUID", "16-byte UUID, rendered hyphenated"},
            new Object[] {"FIXED_LEN_BYTE_ARRAY", "Embedding", "EMBEDDING(n)", "vector of n 32-bit floats"},
            new Object[] {"BYTE_ARRAY", "File", "FILE", "reference to an uploaded file (FileRef JSON)"});

    private DataTypeRows() {
    }

    static List<Object[]> rows() {
        return ROWS;
    }
}
