package io.kalamdb.core.sql.parser.ddl;

/** The one operation of an ALTER TABLE statement (spec sql.md §4). */
public sealed interface AlterOperation permits AddColumn, DropColumn, RenameColumn, ModifyColumn, SetColumnNotNull,
        DropColumnNotNull, SetColumnDefault, DropColumnDefault, SetAccessLevel, SetTableProperties, UnavailableClause {
}
