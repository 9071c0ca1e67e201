/**
 * The value layer: SQL type names, column types, value coercion, JSON cell encoding and the binary row record.
 * Pure code, no I/O.
 *
 * <h2>Storage values</h2>
 * The engine holds each column value as one Java object, chosen by the column's {@link
 * io.kalamdb.commons.types.KalamDataType.Kind}; SQL NULL is Java {@code null}:
 * <table>
 * <caption>Storage representation per type</caption>
 * <tr><th>type</th><th>Java class</th><th>meaning</th></tr>
 * <tr><td>BOOLEAN</td><td>{@link java.lang.Boolean}</td><td></td></tr>
 * <tr><td>SMALL_INT</td><td>{@link java.lang.Short}</td><td></td></tr>
 * <tr><td>INT</td><td>{@link java.lang.Integer}</td><td></td></tr>
 * <tr><td>BIG_INT</td><td>{@link java.lang.Long}</td><td></td></tr>
 * <tr><td>FLOAT</td><td>{@link java.lang.Float}</td><td>NaN and ±Infinity allowed</td></tr>
 * <tr><td>DOUBLE</td><td>{@link java.lang.Double}</td><td>NaN and ±Infinity allowed</td></tr>
 * <tr><td>DECIMAL(p,s)</td><td>{@link java.math.BigDecimal}</td><td>scale exactly s, at most p digits</td></tr>
 * <tr><td>TEXT</td><td>{@link java.lang.String}</td><td></td></tr>
 * <tr><td>BYTES</td><td>{@code byte[]}</td><td></td></tr>
 * <tr><td>JSON</td><td>{@link java.lang.String}</td><td>compact JSON text, normalized by parsing and writing
 * again with key order kept</td></tr>
 * <tr><td>TIMESTAMP, DATE_TIME</td><td>{@link java.lang.Long}</td><td>µs since 1970-01-01T00:00Z</td></tr>
 * <tr><td>DATE</td><td>{@link java.lang.Integer}</td><td>days since 1970-01-01</td></tr>
 * <tr><td>TIME</td><td>{@link java.lang.Long}</td><td>µs since midnight, 0 to 86,399,999,999</td></tr>
 * <tr><td>UUID</td><td>{@link java.util.UUID}</td><td></td></tr>
 * <tr><td>EMBEDDING(n)</td><td>{@code float[]}</td><td>exactly n finite values</td></tr>
 * <tr><td>FILE</td><td>{@link java.lang.String}</td><td>compact FileRef JSON text</td></tr>
 * </table>
 *
 * <ul>
 * <li>{@link io.kalamdb.commons.types.SqlTypes} maps SQL type names to {@link io.kalamdb.commons.types.KalamDataType}
 * (sql.md §12.1).</li>
 * <li>{@link io.kalamdb.commons.types.ValueCoercion} converts literals and parameters into storage values
 * (sql.md §12.3).</li>
 * <li>{@link io.kalamdb.commons.types.CellEncoder} turns storage values into JSON cells (http-api.md §5.5).</li>
 * <li>{@link io.kalamdb.commons.types.RowCodec} writes and reads the binary row record (storage.md §4.3).</li>
 * <li>{@link io.kalamdb.commons.types.Ids} generates UUIDv7 and ULID text.</li>
 * </ul>
 */
package io.kalamdb.commons.types;
