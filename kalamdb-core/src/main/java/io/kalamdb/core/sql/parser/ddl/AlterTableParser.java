package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.sql.parser.TokenKind;

/**
 * {@code ALTER TABLE [ns.]t <operation>} with exactly one operation (spec sql.md §4). The cursor starts on
 * {@code ALTER}.
 */
final class AlterTableParser {
    private final TokenCursor in;
    private final ColumnParser columns;

    AlterTableParser(TokenCursor in) {
        this.in = in;
        this.columns = new ColumnParser(in);
    }

    AlterTableStatement parse() {
        in.expectKeyword("ALTER");
        in.expectKeyword("TABLE");
        QualifiedName name = in.qualifiedName("a table name");
        AlterOperation operation = operation();
        in.expectEnd();
        return new AlterTableStatement(name, operation);
    }

    private AlterOperation operation() {
        if (in.peek().isKeyword("CREATE") || in.peek().isKeyword("DROP") && isIndexClause(1)) {
            return indexClause();
        }
        if (in.acceptKeyword("ADD")) {
            in.acceptKeyword("COLUMN");
            ColumnSpec column = columns.column();
            boolean positioned = false;
            if (in.acceptKeyword("FIRST")) {
                positioned = true;
            } else if (in.acceptKeyword("AFTER")) {
                in.identifier("a column name");
                positioned = true;
            }
            return new AddColumn(column, positioned);
        }
        if (in.acceptKeyword("DROP")) {
            in.acceptKeyword("COLUMN");
            return new DropColumn(in.identifier("a column name"));
        }
        if (in.acceptKeyword("RENAME")) {
            in.acceptKeyword("COLUMN");
            String from = in.identifier("a column name");
            in.expectKeyword("TO");
            return new RenameColumn(from, in.identifier("a column name"));
        }
        if (in.acceptKeyword("MODIFY")) {
            in.acceptKeyword("COLUMN");
            String column = in.identifier("a column name");
            TypeSpec type = columns.type();
            return new ModifyColumn(column, type, nullability(), false);
        }
        if (in.acceptKeyword("ALTER")) {
            in.acceptKeyword("COLUMN");
            return alterColumn(in.identifier("a column name"));
        }
        if (in.acceptKeyword("SET")) {
            return setTableClause();
        }
        throw in.expected("ADD, DROP, RENAME, MODIFY, ALTER or SET");
    }

    private boolean isIndexClause(int offset) {
        return in.peekAt(offset).isKeyword("INDEX")
                || in.peekAt(offset).isKeyword("VECTOR") && in.peekAt(offset + 1).isKeyword("INDEX");
    }

    /** {@code CREATE|DROP [VECTOR] INDEX …}: a later-phase clause; the rest of the statement is not read. */
    private AlterOperation indexClause() {
        String verb = in.next().upper();
        if (!isIndexClause(0)) {
            throw in.expected("INDEX or VECTOR INDEX");
        }
        String name = verb + (in.acceptKeyword("VECTOR") ? " VECTOR INDEX" : " INDEX");
        while (!in.atEnd()) {
            in.next();
        }
        return new UnavailableClause(name);
    }

    private Boolean nullability() {
        if (in.acceptKeyword("NOT")) {
            in.expectKeyword("NULL");
            return Boolean.TRUE;
        }
        if (in.acceptKeyword("NULL")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private AlterOperation alterColumn(String column) {
        if (in.acceptKeyword("TYPE")) {
            return new ModifyColumn(column, columns.type(), null, true);
        }
        if (in.acceptKeyword("SET")) {
            if (in.acceptKeyword("NOT")) {
                in.expectKeyword("NULL");
                return new SetColumnNotNull(column);
            }
            if (in.acceptKeyword("DATA")) {
                in.expectKeyword("TYPE");
                return new ModifyColumn(column, columns.type(), null, true);
            }
            in.expectKeyword("DEFAULT");
            return new SetColumnDefault(column, columns.defaultExpression());
        }
        if (in.acceptKeyword("DROP")) {
            if (in.acceptKeyword("NOT")) {
                in.expectKeyword("NULL");
                return new DropColumnNotNull(column);
            }
            in.expectKeyword("DEFAULT");
            return new DropColumnDefault(column);
        }
        throw in.expected("TYPE, SET or DROP");
    }

    private AlterOperation setTableClause() {
        if (in.acceptKeyword("ACCESS")) {
            in.expectKeyword("LEVEL");
            if (in.peek().kind() == TokenKind.STRING) {
                return new SetAccessLevel(new OptionValue(in.next().text(), true));
            }
            return new SetAccessLevel(new OptionValue(in.identifier("an access level"), false));
        }
        if (in.acceptKeyword("TBLPROPERTIES")) {
            return new SetTableProperties(OptionListParser.parse(in));
        }
        throw in.expected("ACCESS LEVEL or TBLPROPERTIES");
    }
}
