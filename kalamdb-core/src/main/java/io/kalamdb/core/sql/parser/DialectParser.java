package io.kalamdb.core.sql.parser;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.core.sql.parser.KalamStatement.AlterNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.AlterUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.CreateUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateView;
import io.kalamdb.core.sql.parser.KalamStatement.Dml;
import io.kalamdb.core.sql.parser.KalamStatement.Explain;
import io.kalamdb.core.sql.parser.KalamStatement.KillJob;
import io.kalamdb.core.sql.parser.KalamStatement.Query;
import io.kalamdb.core.sql.parser.KalamStatement.ShowStats;
import io.kalamdb.core.sql.parser.KalamStatement.DropNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.DropUser;
import io.kalamdb.core.sql.parser.KalamStatement.ShowNamespaces;
import io.kalamdb.core.sql.parser.KalamStatement.Unavailable;
import io.kalamdb.core.sql.parser.KalamStatement.UseNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.UserChange;
import io.kalamdb.core.sql.parser.ddl.TableDdlParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser of KalamDB's own statements. It classifies every statement of the contract by its
 * leading keywords (one pass over the tokens): the statements built so far are parsed fully; the others become
 * {@link Unavailable} with their RBAC rule.
 */
public final class DialectParser {
    private static final String PARAMS_ONLY_DML = "Parameters are only supported for SELECT, INSERT, UPDATE and DELETE";

    private final List<Token> tokens;
    private String sql;
    private int pos;

    private DialectParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses one statement (already split from its batch). */
    public static KalamStatement parse(String sql) {
        Token first = Lexer.tokenize(sql, 1).get(0);
        if (first.isSymbol("(")) {
            return new Query(sql);
        }
        if (first.kind() == TokenKind.WORD) {
            switch (first.upper()) {
                case "SELECT": case "WITH": case "VALUES":
                    return new Query(sql);
                case "INSERT": case "UPDATE": case "DELETE":
                    return new Dml(sql, first.upper());
                case "EXPLAIN":
                    return explain(sql);
                default:
                    break;
            }
        }
        DialectParser p = new DialectParser(Lexer.tokenize(sql));
        p.sql = sql;
        KalamStatement statement = p.statement();
        if (!(statement instanceof CreateView)) {
            p.rejectParameters();
        }
        return statement;
    }

    /** {@code EXPLAIN [ANALYZE] <query>}: the explained query is the rest of the statement, parsed by Calcite. */
    private static KalamStatement explain(String sql) {
        List<Token> head = Lexer.tokenize(sql, 3);
        Token query = head.get(1).isKeyword("ANALYZE") ? head.get(2) : head.get(1);
        if (query.kind() == TokenKind.EOF) {
            throw Lexer.syntax("expected a query after EXPLAIN", query.position());
        }
        return new Explain(sql.substring(query.position()));
    }

    private KalamStatement statement() {
        Token first = peek();
        if (first.kind() != TokenKind.WORD) {
            throw unsupported();
        }
        switch (first.upper()) {
            case "CREATE": return create();
            case "ALTER": return alter();
            case "DROP": return drop();
            case "SHOW": return show();
            case "DESCRIBE": case "DESC":
                return TableDdlParser.parse(tokens);
            case "USE":
                next();
                acceptKeyword("NAMESPACE");
                return endOf(new UseNamespace(identifier("namespace name")));
            case "SET":
                if (peekAt(1).isKeyword("NAMESPACE")) {
                    next();
                    next();
                    return endOf(new UseNamespace(identifier("namespace name")));
                }
                throw unsupported();
            case "STORAGE": return storage();
            case "KILL": return kill();
            case "EXECUTE":
                if (peekAt(1).isKeyword("AS") && peekAt(2).isKeyword("USER")) {
                    return unavailable("EXECUTE AS USER", RoleRequirement.ANY);
                }
                throw unsupported();
            case "SUBSCRIBE":
                return keywords("SUBSCRIBE TO", RoleRequirement.ANY);
            case "BEGIN": case "COMMIT": case "ROLLBACK":
                return unavailable(first.upper(), RoleRequirement.ANY);
            case "START":
                return keywords("START TRANSACTION", RoleRequirement.ANY);
            case "CLEAR":
                return keywords("CLEAR TOPIC", RoleRequirement.admin(RoleRequirement.ADMIN_TOPIC));
            case "CONSUME":
                return unavailable("CONSUME", RoleRequirement.service("CONSUME requires Service, DBA, or System role"));
            case "ACK":
                return unavailable("ACK", RoleRequirement.service("ACK requires Service, DBA, or System role"));
            case "BACKUP":
                return keywords("BACKUP DATABASE", RoleRequirement.admin(RoleRequirement.ADMIN_BACKUP));
            case "RESTORE":
                return keywords("RESTORE DATABASE", RoleRequirement.admin(RoleRequirement.ADMIN_BACKUP));
            case "EXPORT":
                return keywords("EXPORT USER DATA", RoleRequirement.ANY);
            case "UPSERT":
            case "REPLACE":
                throw new KalamDbException(ErrorCode.INVALID_SQL, "ON CONFLICT is not supported");
            default:
                throw unsupported();
        }
    }

    private KalamStatement create() {
        Token what = peekAt(1);
        if (what.isKeyword("NAMESPACE")) {
            next();
            next();
            boolean ifNotExists = ifNotExists();
            return endOf(new CreateNamespace(identifier("namespace name"), ifNotExists));
        }
        if (isTableAfterTypeKeyword(1)) {
            return TableDdlParser.parse(tokens);
        }
        if (what.isKeyword("USER")) {
            next();
            next();
            return createUser();
        }
        if (what.isKeyword("STORAGE")) {
            return unavailable("CREATE STORAGE", RoleRequirement.admin(RoleRequirement.ADMIN_STORAGE));
        }
        if (what.isKeyword("VIEW") || (what.isKeyword("OR") && peekAt(2).isKeyword("REPLACE")
                && peekAt(3).isKeyword("VIEW"))) {
            return createView();
        }
        if (what.isKeyword("TOPIC")) {
            return unavailable("CREATE TOPIC", RoleRequirement.admin(RoleRequirement.ADMIN_TOPIC));
        }
        throw unsupported();
    }

    /** True when the tokens from {@code offset} read {@code [USER|SHARED|STREAM] TABLE}. */
    private boolean isTableAfterTypeKeyword(int offset) {
        Token t = peekAt(offset);
        if (t.isKeyword("TABLE")) {
            return true;
        }
        return (t.isKeyword("USER") || t.isKeyword("SHARED") || t.isKeyword("STREAM"))
                && peekAt(offset + 1).isKeyword("TABLE");
    }

    private KalamStatement createUser() {
        boolean ifNotExists = ifNotExists();
        String name = userName();
        expectKeyword("WITH");
        String password = null;
        String oauthData = null;
        boolean oauth = false;
        if (acceptKeyword("PASSWORD")) {
            password = string("password");
        } else if (acceptKeyword("OAUTH")) {
            oauth = true;
            if (peek().kind() == TokenKind.STRING) {
                oauthData = next().text();
            }
        } else {
            throw expected("PASSWORD or OAUTH");
        }
        expectKeyword("ROLE");
        String role = word("role");
        String email = null;
        if (acceptKeyword("EMAIL")) {
            email = string("email");
        }
        return endOf(new CreateUser(name, ifNotExists, password, oauth, oauthData, role, email));
    }

    private KalamStatement createView() {
        next();
        boolean orReplace = false;
        if (acceptKeyword("OR")) {
            expectKeyword("REPLACE");
            orReplace = true;
        }
        expectKeyword("VIEW");
        boolean ifNotExists = ifNotExists();
        String ns = null;
        String name = identifier("view name");
        if (acceptSymbol(".")) {
            ns = name;
            name = identifier("view name");
        }
        List<String> columns = new ArrayList<>();
        if (acceptSymbol("(")) {
            do {
                columns.add(identifier("column name"));
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        Token as = peek();
        expectKeyword("AS");
        String query = sql.substring(as.position() + as.text().length()).strip();
        if (query.isEmpty()) {
            throw expected("a query after AS");
        }
        return new CreateView(ns, name, orReplace, ifNotExists, columns, query);
    }

    private KalamStatement alter() {
        Token what = peekAt(1);
        if (what.isKeyword("NAMESPACE")) {
            next();
            next();
            String name = identifier("namespace name");
            expectKeyword("SET");
            if (acceptKeyword("DESCRIPTION")) {
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("description", string("description"));
                return endOf(new AlterNamespace(name, options));
            }
            expectKeyword("OPTIONS");
            return endOf(new AlterNamespace(name, optionList()));
        }
        if (what.isKeyword("USER")) {
            next();
            next();
            String name = userName();
            expectKeyword("SET");
            if (acceptKeyword("PASSWORD")) {
                return endOf(new AlterUser(name, UserChange.PASSWORD, string("password")));
            }
            if (acceptKeyword("ROLE")) {
                return endOf(new AlterUser(name, UserChange.ROLE, word("role")));
            }
            if (acceptKeyword("EMAIL")) {
                return endOf(new AlterUser(name, UserChange.EMAIL, string("email")));
            }
            throw expected("PASSWORD, ROLE or EMAIL");
        }
        if (isTableAfterTypeKeyword(1)) {
            return TableDdlParser.parse(tokens);
        }
        if (what.isKeyword("STORAGE")) {
            return unavailable("ALTER STORAGE", RoleRequirement.admin(RoleRequirement.ADMIN_STORAGE));
        }
        if (what.isKeyword("TOPIC")) {
            return unavailable("ALTER TOPIC", RoleRequirement.admin(RoleRequirement.ADMIN_TOPIC));
        }
        throw unsupported();
    }

    private KalamStatement drop() {
        Token what = peekAt(1);
        if (what.isKeyword("NAMESPACE")) {
            next();
            next();
            boolean ifExists = ifExists();
            String name = identifier("namespace name");
            acceptKeyword("CASCADE");
            return endOf(new DropNamespace(name, ifExists));
        }
        if (isTableAfterTypeKeyword(1)) {
            return TableDdlParser.parse(tokens);
        }
        if (what.isKeyword("USER")) {
            next();
            next();
            boolean ifExists = ifExists();
            return endOf(new DropUser(userName(), ifExists));
        }
        if (what.isKeyword("STORAGE")) {
            return unavailable("DROP STORAGE", RoleRequirement.admin(RoleRequirement.ADMIN_STORAGE));
        }
        if (what.isKeyword("VIEW")) {
            return TableDdlParser.parse(tokens);
        }
        if (what.isKeyword("TOPIC")) {
            return unavailable("DROP TOPIC", RoleRequirement.admin(RoleRequirement.ADMIN_TOPIC));
        }
        throw unsupported();
    }

    private KalamStatement show() {
        Token what = peekAt(1);
        if (what.isKeyword("NAMESPACES")) {
            next();
            next();
            return endOf(new ShowNamespaces());
        }
        if (what.isKeyword("TABLES")) {
            return TableDdlParser.parse(tokens);
        }
        if (what.isKeyword("STORAGES")) {
            return unavailable("SHOW STORAGES", RoleRequirement.ANY);
        }
        if (what.isKeyword("STATS")) {
            next();
            next();
            expectKeyword("FOR");
            expectKeyword("TABLE");
            Token a = identifierToken("table name");
            if (acceptSymbol(".")) {
                Token b = identifierToken("table name");
                return endOf(new ShowStats(a.text(), b.text()));
            }
            return endOf(new ShowStats(null, a.text()));
        }
        if (what.isKeyword("MANIFEST")) {
            return unavailable("SHOW MANIFEST", RoleRequirement.admin(RoleRequirement.ADMIN_MANIFEST));
        }
        if (what.isKeyword("EXPORT")) {
            return unavailable("SHOW EXPORT", RoleRequirement.ANY);
        }
        throw unsupported();
    }

    private KalamStatement storage() {
        Token action = peekAt(1);
        Token scope = peekAt(2);
        if ((action.isKeyword("FLUSH") || action.isKeyword("COMPACT"))
                && (scope.isKeyword("TABLE") || scope.isKeyword("ALL"))) {
            String name = "STORAGE " + action.upper() + " " + scope.upper();
            return unavailable(name, RoleRequirement.service(name + " requires Service, DBA, or System role"));
        }
        if (action.isKeyword("CHECK")) {
            return unavailable("STORAGE CHECK", RoleRequirement.admin(RoleRequirement.ADMIN_STORAGE));
        }
        throw unsupported();
    }

    private KalamStatement kill() {
        if (peekAt(1).isKeyword("JOB")) {
            next();
            next();
            Token id = peek();
            if (id.kind() != TokenKind.STRING && id.kind() != TokenKind.QUOTED_IDENT) {
                return endOf(new KillJob(userName()));
            }
            return endOf(new KillJob(next().text()));
        }
        if (peekAt(1).isKeyword("LIVE") && peekAt(2).isKeyword("QUERY")) {
            return unavailable("KILL LIVE QUERY", RoleRequirement.admin(RoleRequirement.ADMIN_LIVE));
        }
        throw unsupported();
    }

    /** A statement named by its leading keywords, which must all be present. */
    private KalamStatement keywords(String name, RoleRequirement requirement) {
        String[] words = name.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (!peekAt(i).isKeyword(words[i])) {
                throw unsupported();
            }
        }
        return unavailable(name, requirement);
    }

    private KalamStatement unavailable(String name, RoleRequirement requirement) {
        return new Unavailable(name, requirement);
    }

    private Map<String, Object> optionList() {
        expectSymbol("(");
        Map<String, Object> options = new LinkedHashMap<>();
        do {
            String key = identifierToken("option name").text();
            expectSymbol("=");
            options.put(key, optionValue());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return options;
    }

    private Object optionValue() {
        Token t = next();
        boolean negative = false;
        if (t.isSymbol("-") && peek().kind() == TokenKind.NUMBER) {
            negative = true;
            t = next();
        }
        switch (t.kind()) {
            case STRING:
                return t.text();
            case NUMBER:
                String text = negative ? "-" + t.text() : t.text();
                if (text.contains(".") || text.contains("e") || text.contains("E")) {
                    return Double.parseDouble(text);
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw syntaxAt(t, "integer out of range " + text);
                }
            case WORD:
                if (t.isKeyword("TRUE")) {
                    return Boolean.TRUE;
                }
                if (t.isKeyword("FALSE")) {
                    return Boolean.FALSE;
                }
                throw syntaxAt(t, "expected a string, number, TRUE or FALSE but found " + t.describe());
            case PARAM:
                throw KalamDbException.userError(PARAMS_ONLY_DML);
            default:
                throw syntaxAt(t, "expected a string, number, TRUE or FALSE but found " + t.describe());
        }
    }

    /** A namespace/table style name: bare or double-quoted. */
    private String identifier(String what) {
        return identifierToken(what).text();
    }

    private Token identifierToken(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT) {
            return next();
        }
        if (t.kind() == TokenKind.PARAM) {
            throw KalamDbException.userError(PARAMS_ONLY_DML);
        }
        throw expected(what);
    }

    /**
     * A user name: quoted with {@code '…'} or {@code "…"}, or bare. A bare name may hold {@code . - @}, so adjacent
     * tokens without whitespace between them are joined.
     */
    private String userName() {
        Token t = peek();
        if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.QUOTED_IDENT) {
            return next().text();
        }
        if (t.kind() != TokenKind.WORD && t.kind() != TokenKind.NUMBER) {
            if (t.kind() == TokenKind.PARAM) {
                throw KalamDbException.userError(PARAMS_ONLY_DML);
            }
            throw expected("user name");
        }
        StringBuilder name = new StringBuilder(next().text());
        int end = t.position() + t.text().length();
        while (peek().position() == end && isUserNamePart(peek())) {
            Token part = next();
            name.append(part.text());
            end = part.position() + part.text().length();
        }
        return name.toString();
    }

    private static boolean isUserNamePart(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.NUMBER || t.isSymbol(".") || t.isSymbol("-")
                || t.isSymbol("@");
    }

    /** A role token or similar single word, bare or quoted. */
    private String word(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.STRING || t.kind() == TokenKind.QUOTED_IDENT) {
            return next().text();
        }
        throw expected(what);
    }

    private String string(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.STRING) {
            return next().text();
        }
        if (t.kind() == TokenKind.PARAM) {
            throw KalamDbException.userError(PARAMS_ONLY_DML);
        }
        throw expected(what + " as a quoted string");
    }

    private boolean ifNotExists() {
        if (peek().isKeyword("IF")) {
            next();
            expectKeyword("NOT");
            expectKeyword("EXISTS");
            return true;
        }
        return false;
    }

    private boolean ifExists() {
        if (peek().isKeyword("IF")) {
            next();
            expectKeyword("EXISTS");
            return true;
        }
        return false;
    }

    private KalamStatement endOf(KalamStatement statement) {
        if (peek().kind() != TokenKind.EOF) {
            if (peek().kind() == TokenKind.PARAM) {
                throw KalamDbException.userError(PARAMS_ONLY_DML);
            }
            throw syntaxAt(peek(), "unexpected " + peek().describe() + " after the end of the statement");
        }
        return statement;
    }

    private void rejectParameters() {
        for (Token t : tokens) {
            if (t.kind() == TokenKind.PARAM) {
                throw KalamDbException.userError(PARAMS_ONLY_DML);
            }
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(pos + offset, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw expected(keyword);
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw expected("'" + symbol + "'");
        }
    }

    private KalamDbException expected(String what) {
        return syntaxAt(peek(), "expected " + what + " but found " + peek().describe());
    }

    /**
     * {@code Unsupported statement: <first words>} (sql.md §1): the first word and the reserved keywords after it, up
     * to three words, as written ({@code TRUNCATE TABLE app.items} → {@code TRUNCATE TABLE}); never a name.
     */
    private KalamDbException unsupported() {
        StringBuilder words = new StringBuilder(tokens.get(0).text());
        for (int i = 1; i < 3 && tokens.get(i).kind() == TokenKind.WORD
                && IdentifierRules.RESERVED_KEYWORDS.contains(tokens.get(i).upper()); i++) {
            words.append(' ').append(tokens.get(i).text());
        }
        return new KalamDbException(ErrorCode.INVALID_SQL, "Unsupported statement: " + words);
    }

    private static KalamDbException syntaxAt(Token t, String reason) {
        return Lexer.syntax(reason, t.position());
    }
}
