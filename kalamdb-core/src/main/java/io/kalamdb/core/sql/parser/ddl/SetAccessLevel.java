package io.kalamdb.core.sql.parser.ddl;

/** {@code SET ACCESS LEVEL public|private|restricted|dba}, the level as written. */
public record SetAccessLevel(OptionValue level) implements AlterOperation {
}
