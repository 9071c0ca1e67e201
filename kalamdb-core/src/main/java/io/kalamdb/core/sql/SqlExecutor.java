package io.kalamdb.core.sql;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.calcite.ExecutionErrors;
import io.kalamdb.core.sql.ddl.DescribeHandler;
import io.kalamdb.core.sql.handlers.CatalogHandler;
import io.kalamdb.core.sql.handlers.NamespaceHandler;
import io.kalamdb.core.sql.handlers.QueryHandler;
import io.kalamdb.core.sql.handlers.UserHandler;
import io.kalamdb.core.sql.parser.DialectParser;
import io.kalamdb.core.sql.parser.KalamStatement;
import io.kalamdb.core.sql.parser.KalamStatement.AlterNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.AlterUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.CreateUser;
import io.kalamdb.core.sql.parser.KalamStatement.CreateView;
import io.kalamdb.core.sql.parser.KalamStatement.Dml;
import io.kalamdb.core.sql.parser.KalamStatement.DropNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.DropUser;
import io.kalamdb.core.sql.parser.KalamStatement.Explain;
import io.kalamdb.core.sql.parser.KalamStatement.KillJob;
import io.kalamdb.core.sql.parser.KalamStatement.Query;
import io.kalamdb.core.sql.parser.KalamStatement.ShowNamespaces;
import io.kalamdb.core.sql.parser.KalamStatement.ShowStats;
import io.kalamdb.core.sql.parser.KalamStatement.Unavailable;
import io.kalamdb.core.sql.parser.KalamStatement.UseNamespace;
import io.kalamdb.core.sql.parser.ddl.DescribeTableStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a SQL request (spec http-api.md §5.2 steps 3–7): length guard, split, parameter checks, then each statement
 * in order — parse, role check, execute. The first failure aborts the request; earlier statements stay applied.
 */
public final class SqlExecutor {
    public static final int MAX_SQL_BYTES = 1_048_576;
    public static final int MAX_PARAMS = 50;
    public static final int MAX_PARAM_BYTES = 524_288;
    private static final Logger log = LoggerFactory.getLogger(SqlExecutor.class);
    private static final Logger slowLog = LoggerFactory.getLogger("kalamdb.slow");

    private final AppContext ctx;
    private final NamespaceHandler namespaces;
    private final UserHandler users;
    private final QueryHandler queries;
    private final CatalogHandler catalog;

    public SqlExecutor(AppContext ctx) {
        this.ctx = ctx;
        this.namespaces = new NamespaceHandler(ctx);
        this.users = new UserHandler(ctx);
        this.queries = new QueryHandler(ctx);
        this.catalog = new CatalogHandler(ctx, queries);
    }

    /** Plans and runs one trivial query so the first client query does not pay Calcite's start-up cost. */
    public void warmUp() {
        AuthSession root = new AuthSession(UserId.ROOT, Role.SYSTEM, AuthSession.AuthMethod.INTERNAL, "127.0.0.1");
        execute(root, new SqlRequest("SELECT 1 FROM system.namespaces WHERE namespace_id = 'default'", null, null));
    }

    /** Executes every statement of the request, or throws {@link SqlRequestException} at the first failure. */
    public List<StatementResult> execute(AuthSession session, SqlRequest request) {
        int sqlBytes = Utf8.length(request.sql());
        if (sqlBytes > MAX_SQL_BYTES) {
            throw before(new KalamDbException(ErrorCode.INVALID_SQL,
                    "SQL query too long: " + sqlBytes + " bytes (maximum " + MAX_SQL_BYTES + " bytes)"));
        }
        List<String> statements;
        try {
            statements = SqlSplitter.split(request.sql());
        } catch (KalamDbException e) {
            throw before(e);
        }
        if (statements.isEmpty()) {
            throw before(KalamDbException.preserved(ErrorCode.EMPTY_SQL, "No SQL statements provided"));
        }
        if (request.params() != null && statements.size() > 1) {
            throw before(KalamDbException.preserved(ErrorCode.PARAMS_WITH_BATCH,
                    "Parameters not supported with multi-statement batches"));
        }
        validateParams(request.params());
        if (request.params() != null) {
            int referenced = SqlSplitter.maxParamIndex(statements.get(0));
            if (referenced > request.params().size()) {
                throw before(KalamDbException.userError("Parameter $" + referenced + " has no value ("
                        + request.params().size() + " parameters given)"));
            }
        }
        ExecutionContext exec = new ExecutionContext(session, namespaceOf(request));
        List<StatementResult> results = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            long started = System.nanoTime();
            Optional<ExecuteAsWrapper> wrapper = Optional.empty();
            try {
                wrapper = ExecuteAsWrapper.parse(sql);
                if (wrapper.isPresent()) {
                    results.add(executeAs(wrapper.get(), exec, request.params()));
                    continue;
                }
                results.add(executeOne(DialectParser.parse(sql), exec, request.params()));
                logIfSlow(sql, started, session);
            } catch (KalamDbException e) {
                throw new SqlRequestException(e, i + 1, sql, wrapper.isPresent());
            } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
                // a plan's generated class evaluates constant expressions when it loads (e.g. 1/0); a cached plan whose
                // class failed so reports it as NoClassDefFoundError when it runs again
                throw new SqlRequestException(ExecutionErrors.of(e), i + 1, sql, wrapper.isPresent());
            } catch (StackOverflowError e) {
                throw new SqlRequestException(KalamDbException.userError(
                        "Statement is too complex: its expressions nest too deeply (use IN lists or joins)"), i + 1,
                        sql, wrapper.isPresent());
            } catch (RuntimeException e) {
                log.error("Statement {} failed with an internal error", i + 1, e);
                throw new SqlRequestException(KalamDbException.internal("Internal error while executing the statement", e), i + 1,
                        sql);
            }
        }
        return results;
    }

    private void logIfSlow(String sql, long startedNanos, AuthSession session) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000L;
        if (millis >= ctx.config().logging().slowQueryThresholdMs()) {
            slowLog.warn("slow statement took {} ms user={} sql={}", millis, session.userId(), SqlRedaction.redact(sql));
        }
    }

    /**
     * EXECUTE AS USER (spec auth.md §9): the role matrix decides, every attempt is audited, and the inner
     * statement runs with identity = target and role = user.
     */
    private StatementResult executeAs(ExecuteAsWrapper wrapper, ExecutionContext exec, List<SqlParam> params) {
        AuthSession actor = exec.session();
        UserId target = new UserId(wrapper.targetUser());
        Role targetRole = ctx.users().findUser(target).map(User::role).orElse(Role.USER);
        String kind = wrapper.statementKind();
        try {
            RolePolicy.checkExecuteAs(actor.userId(), actor.role(), target, targetRole);
        } catch (KalamDbException denied) {
            ctx.auditLog().record(actor.userId().value(), "EXECUTE_AS_USER_DENIED", "user:" + target,
                    "role_not_allowed " + kind, actor.clientIp(), target.value());
            throw denied;
        }
        ctx.auditLog().record(actor.userId().value(), "EXECUTE_AS_USER", "user:" + target, "role_allowed " + kind,
                actor.clientIp(), target.value());
        AuthSession inner = new AuthSession(target, Role.USER, actor.method(), actor.clientIp());
        ExecutionContext innerExec = new ExecutionContext(inner, exec.defaultNamespace(), true);
        return executeOne(DialectParser.parse(wrapper.innerSql()), innerExec, params);
    }

    private StatementResult executeOne(KalamStatement statement, ExecutionContext exec, List<SqlParam> params) {
        statement.requirement().check(exec.session().role());
        if (statement instanceof Query s) {
            return queries.query(s, exec, params);
        } else if (statement instanceof Dml s) {
            return queries.dml(s, exec, params);
        } else if (statement instanceof Explain s) {
            return queries.explain(s, exec, params);
        } else if (statement instanceof CreateView s) {
            return catalog.createView(s, exec, params);
        } else if (statement instanceof KillJob s) {
            return catalog.killJob(s, exec);
        } else if (statement instanceof ShowStats s) {
            return catalog.showStats(s, exec);
        } else if (statement instanceof DescribeTableStatement s) {
            return DescribeHandler.execute(ctx, s, exec, queries);
        } else if (statement instanceof ExecutableStatement s) {
            return s.execute(ctx, exec);
        } else if (statement instanceof CreateNamespace s) {
            return namespaces.create(s, exec);
        } else if (statement instanceof AlterNamespace s) {
            return namespaces.alter(s, exec);
        } else if (statement instanceof DropNamespace s) {
            return namespaces.drop(s, exec);
        } else if (statement instanceof ShowNamespaces) {
            return namespaces.show(exec);
        } else if (statement instanceof UseNamespace s) {
            return namespaces.use(s, exec);
        } else if (statement instanceof CreateUser s) {
            return users.create(s, exec);
        } else if (statement instanceof AlterUser s) {
            return users.alter(s, exec);
        } else if (statement instanceof DropUser s) {
            return users.drop(s, exec);
        } else if (statement instanceof Unavailable s) {
            throw KalamDbException.notImplemented(s.name());
        }
        throw new KalamDbException(ErrorCode.INVALID_SQL, "Unsupported statement");
    }

    private static NamespaceId namespaceOf(SqlRequest request) {
        String ns = request.namespaceId();
        return ns == null || ns.isBlank() ? NamespaceId.DEFAULT : NamespaceId.of(ns);
    }

    private static void validateParams(List<SqlParam> params) {
        if (params == null) {
            return;
        }
        if (params.size() > MAX_PARAMS) {
            throw before(KalamDbException.userError("Parameter count exceeded: " + params.size()
                    + " parameters (maximum " + MAX_PARAMS + ")"));
        }
        for (int i = 0; i < params.size(); i++) {
            int size = params.get(i).jsonBytes();
            if (size > MAX_PARAM_BYTES) {
                throw before(KalamDbException.userError("Parameter size exceeded: $" + (i + 1) + " is " + size
                        + " bytes (maximum " + MAX_PARAM_BYTES + " bytes, 512 KiB)"));
            }
        }
    }

    private static SqlRequestException before(KalamDbException e) {
        return new SqlRequestException(e, 0, null);
    }
}
