package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.commons.enums.TableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [USER | SHARED | STREAM] TABLE [IF NOT EXISTS] [ns.]name (column_def [, …] [, table_constraint])
 * [WITH (option = value [, …])]} (spec sql.md §3). The cursor starts on {@code CREATE}.
 */
final class CreateTableParser {
    private final TokenCursor in;
    private final ColumnParser columns;

    CreateTableParser(TokenCursor in) {
        this.in = in;
        this.columns = new ColumnParser(in);
    }

    CreateTableStatement parse() {
        in.expectKeyword("CREATE");
        TableType typeKeyword = TableDdlParser.typeKeyword(in);
        in.expectKeyword("TABLE");
        boolean ifNotExists = in.ifNotExists();
        QualifiedName name = in.qualifiedName("a table name");
        List<ColumnSpec> columnSpecs = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        in.expectSymbol("(");
        if (!in.peek().isSymbol(")")) {
            do {
                if (startsTableConstraint()) {
                    constraints.add(tableConstraint());
                } else {
                    columnSpecs.add(columns.column());
                }
            } while (in.acceptSymbol(","));
        }
        in.expectSymbol(")");
        Map<String, OptionValue> options = Map.of();
        if (in.acceptKeyword("WITH")) {
            options = OptionListParser.parse(in);
        }
        in.expectEnd();
        return new CreateTableStatement(name, typeKeyword, ifNotExists, List.copyOf(columnSpecs),
                List.copyOf(constraints), options);
    }

    private boolean startsTableConstraint() {
        return in.peek().isKeyword("CONSTRAINT") || in.peek().isKeyword("PRIMARY") || in.peek().isKeyword("UNIQUE")
                || in.peek().isKeyword("CHECK") || in.peek().isKeyword("FOREIGN");
    }

    /** {@code [CONSTRAINT c] PRIMARY KEY (…) | UNIQUE (…) | CHECK (…) | FOREIGN KEY (…) REFERENCES …}. */
    private TableConstraint tableConstraint() {
        if (in.acceptKeyword("CONSTRAINT")) {
            in.identifier("a constraint name");
        }
        if (in.acceptKeyword("PRIMARY")) {
            in.expectKeyword("KEY");
            return new TableConstraint(TableConstraint.Kind.PRIMARY_KEY, columnList());
        }
        if (in.acceptKeyword("UNIQUE")) {
            in.acceptKeyword("KEY");
            return new TableConstraint(TableConstraint.Kind.UNIQUE, columnList());
        }
        if (in.peek().isKeyword("CHECK")) {
            in.next();
            in.skipParenthesized();
            return new TableConstraint(TableConstraint.Kind.CHECK, List.of());
        }
        if (in.acceptKeyword("FOREIGN")) {
            in.expectKeyword("KEY");
            List<String> keyColumns = columnList();
            in.expectKeyword("REFERENCES");
            in.skipToListSeparator();
            return new TableConstraint(TableConstraint.Kind.FOREIGN_KEY, keyColumns);
        }
        throw in.expected("PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
    }

    private List<String> columnList() {
        in.expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(in.identifier("a column name"));
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return List.copyOf(names);
    }
}
