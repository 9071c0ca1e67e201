package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.core.sql.parser.KalamStatement;
import io.kalamdb.core.sql.parser.Token;
import java.util.List;

/**
 * Parser of the table statements (spec sql.md §3–§5): {@code CREATE [USER|SHARED|STREAM] TABLE},
 * {@code ALTER TABLE}, {@code DROP [USER|SHARED|STREAM] TABLE}, {@code SHOW TABLES}, {@code DESCRIBE}/{@code DESC}
 * and {@code DROP VIEW}. Syntax errors are {@code INVALID_SQL}; everything the dialect refuses on meaning (types,
 * constraints, options) is left to the handlers, which run after the role check.
 */
public final class TableDdlParser {
    private TableDdlParser() {
    }

    /** Parses the statement whose tokens (ending with EOF, as the lexer returns them) start at index 0. */
    public static KalamStatement parse(List<Token> tokens) {
        TokenCursor in = new TokenCursor(tokens);
        Token first = in.peek();
        if (first.isKeyword("CREATE")) {
            return new CreateTableParser(in).parse();
        }
        if (first.isKeyword("ALTER")) {
            return new AlterTableParser(in).parse();
        }
        if (first.isKeyword("DROP")) {
            return in.peekAt(1).isKeyword("VIEW") ? dropView(in) : dropTable(in);
        }
        if (first.isKeyword("SHOW")) {
            return showTables(in);
        }
        if (first.isKeyword("DESCRIBE") || first.isKeyword("DESC")) {
            return describe(in);
        }
        throw in.expected("CREATE, ALTER, DROP, SHOW or DESCRIBE");
    }

    /** An optional {@code USER}, {@code SHARED} or {@code STREAM} before {@code TABLE}; null when absent. */
    static TableType typeKeyword(TokenCursor in) {
        if (in.acceptKeyword("USER")) {
            return TableType.USER;
        }
        if (in.acceptKeyword("SHARED")) {
            return TableType.SHARED;
        }
        if (in.acceptKeyword("STREAM")) {
            return TableType.STREAM;
        }
        return null;
    }

    private static KalamStatement dropTable(TokenCursor in) {
        in.expectKeyword("DROP");
        TableType typeKeyword = typeKeyword(in);
        in.expectKeyword("TABLE");
        boolean ifExists = in.ifExists();
        QualifiedName name = in.qualifiedName("a table name");
        in.expectEnd();
        return new DropTableStatement(name, typeKeyword, ifExists);
    }

    private static KalamStatement dropView(TokenCursor in) {
        in.expectKeyword("DROP");
        in.expectKeyword("VIEW");
        boolean ifExists = in.ifExists();
        QualifiedName name = in.qualifiedName("a view name");
        in.expectEnd();
        return new DropViewStatement(name, ifExists);
    }

    private static KalamStatement showTables(TokenCursor in) {
        in.expectKeyword("SHOW");
        in.expectKeyword("TABLES");
        String namespace = null;
        if (in.acceptKeyword("IN")) {
            in.acceptKeyword("NAMESPACE");
            namespace = in.identifier("a namespace name");
        }
        in.expectEnd();
        return new ShowTablesStatement(namespace);
    }

    private static KalamStatement describe(TokenCursor in) {
        in.next();
        in.acceptKeyword("TABLE");
        QualifiedName name = in.qualifiedName("a table name");
        boolean history = in.acceptKeyword("HISTORY");
        in.expectEnd();
        return new DescribeTableStatement(name, history);
    }
}
