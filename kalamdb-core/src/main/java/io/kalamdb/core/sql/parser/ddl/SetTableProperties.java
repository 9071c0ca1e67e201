package io.kalamdb.core.sql.parser.ddl;

import java.util.Map;

/** {@code SET TBLPROPERTIES (key = value, …)}; keys in upper case, in the order written. */
public record SetTableProperties(Map<String, OptionValue> properties) implements AlterOperation {
}
