package io.kalamdb.core.sql.handlers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.SqlParam;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.CompiledQuery;
import io.kalamdb.core.sql.calcite.KalamFunctions;
import io.kalamdb.core.sql.calcite.QueryEngine;
import io.kalamdb.core.sql.calcite.QueryScope;
import io.kalamdb.core.sql.calcite.SqlPreparer;
import io.kalamdb.core.sql.dml.DmlExecutor;
import io.kalamdb.core.sql.parser.KalamStatement.Dml;
import io.kalamdb.core.sql.parser.KalamStatement.Explain;
import io.kalamdb.core.sql.parser.KalamStatement.Query;
import io.kalamdb.core.sql.parser.Lexer;
import io.kalamdb.core.sql.parser.Token;
import io.kalamdb.core.system.Micros;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/** SELECT, INSERT, UPDATE, DELETE and EXPLAIN: one Calcite parse each, then the query engine or the DML executor. */
public final class QueryHandler {
    private static final int PARSE_CACHE_SIZE = 5_000;
    private static final List<SchemaField> EXPLAIN_SCHEMA = List.of(
            SchemaField.of("plan_type", KalamDataType.TEXT, 0), SchemaField.of("plan", KalamDataType.TEXT, 1));

    private final AppContext ctx;
    private final QueryEngine engine;
    private final DmlExecutor dml;
    private final Cache<String, SqlNode> parsedInserts = Caffeine.newBuilder().maximumSize(PARSE_CACHE_SIZE).build();

    public QueryHandler(AppContext ctx) {
        this.ctx = ctx;
        KalamFunctions.useGenerator(ctx.snowflake());
        this.engine = new QueryEngine(ctx);
        this.dml = new DmlExecutor(ctx, engine);
    }

    public QueryEngine engine() {
        return engine;
    }

    /** The caller's scope for one statement, with the statement's start time. */
    public QueryScope scope(ExecutionContext exec) {
        return new QueryScope(exec.session().userId(), exec.session().role(), Micros.now(ctx.clock()),
                exec.executeAs());
    }

    public StatementResult query(Query q, ExecutionContext exec, List<SqlParam> params) {
        return engine.select(q.sql(), exec, params, scope(exec));
    }

    public StatementResult dml(Dml d, ExecutionContext exec, List<SqlParam> params) {
        SqlNode parsed = parsedInserts.getIfPresent(d.sql());
        if (parsed == null) {
            try {
                parsed = DmlExecutor.prepareExpressions(engine.parse(d.sql()));
            } catch (KalamDbException e) {
                throw unsupportedClause(d.sql()).orElse(e);
            }
            if (parsed instanceof SqlInsert insert && insert.getSource() != null
                    && insert.getSource().getKind() == SqlKind.VALUES) {
                // INSERT … VALUES trees are only read, never changed, so a repeat of the text skips the parse
                parsedInserts.put(d.sql(), parsed);
            }
        }
        SqlPreparer.checkParams(parsed, params == null ? 0 : params.size());
        QueryScope scope = scope(exec);
        if (parsed instanceof SqlInsert insert) {
            if (insert.getSource() == null) {
                throw KalamDbException.userError("INSERT needs VALUES or a query");
            }
            return dml.insert(insert, d.sql(), exec, params, scope);
        }
        if (parsed instanceof SqlUpdate update) {
            return dml.update(update, d.sql(), exec, params, scope);
        }
        if (parsed instanceof SqlDelete delete) {
            return dml.delete(delete, d.sql(), exec, params, scope);
        }
        throw KalamDbException.userError("Unsupported " + d.kind() + " statement");
    }

    /** A clause Calcite's grammar lacks but the contract names: RETURNING (later phase) and ON CONFLICT. */
    private static Optional<KalamDbException> unsupportedClause(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isKeyword("RETURNING")) {
                return Optional.of(KalamDbException.notImplemented("RETURNING"));
            }
            if (t.isKeyword("ON") && i + 1 < tokens.size() && tokens.get(i + 1).isKeyword("CONFLICT")) {
                return Optional.of(new KalamDbException(ErrorCode.INVALID_SQL, "ON CONFLICT is not supported"));
            }
        }
        return Optional.empty();
    }

    public StatementResult explain(Explain e, ExecutionContext exec, List<SqlParam> params) {
        SqlNode parsed = engine.parse(e.querySql());
        if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
            throw KalamDbException.userError("EXPLAIN supports queries only");
        }
        CompiledQuery q = engine.explain(e.querySql(), parsed, exec, params, scope(exec));
        List<List<Object>> rows = List.of(List.of("logical_plan", q.logicalPlan()),
                List.of("physical_plan", q.physicalPlan()));
        return new StatementResult.Rows(EXPLAIN_SCHEMA, rows, exec.asUser());
    }
}
