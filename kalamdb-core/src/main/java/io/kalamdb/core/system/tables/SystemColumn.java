package io.kalamdb.core.system.tables;

import io.kalamdb.commons.types.KalamDataType;

/** A column of a system table: name, type, nullability and whether it is the primary key. */
public record SystemColumn(String name, KalamDataType type, boolean nullable, boolean primaryKey) {
}
