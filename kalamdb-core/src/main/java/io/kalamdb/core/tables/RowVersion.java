package io.kalamdb.core.tables;

import io.kalamdb.commons.types.RowRecord;

/** One stored version of a row: its {@code _seq}, the scope it belongs to (user id or null) and its record. */
public record RowVersion(long seq, String scope, RowRecord record) {
}
