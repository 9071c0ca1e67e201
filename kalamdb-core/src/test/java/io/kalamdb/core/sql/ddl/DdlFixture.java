package io.kalamdb.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.config.StorageSection;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.Namespace;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.bootstrap.Bootstrap;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.handlers.QueryHandler;
import io.kalamdb.core.sql.parser.KalamStatement;
import io.kalamdb.core.sql.parser.Lexer;
import io.kalamdb.core.sql.parser.ddl.DescribeTableStatement;
import io.kalamdb.core.sql.parser.ddl.TableDdlParser;
import io.kalamdb.core.tables.TableDataInspector;
import io.kalamdb.store.RocksDbBackend;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real RocksDB-backed {@link AppContext} after bootstrap, with namespace {@code app}, and helpers that parse and
 * run table DDL as the executor does (role check first).
 */
final class DdlFixture implements AutoCloseable {
    final Path dataPath;
    final RocksDbBackend backend;
    final AppContext ctx;
    private QueryHandler queries;

    DdlFixture(Path dir) {
        this(dir, null);
    }

    private DdlFixture(Path dir, TableDataInspector inspector) {
        this.dataPath = dir.resolve("data");
        this.backend = RocksDbBackend.open(dir.resolve("rocksdb"), RocksDbSection.defaults());
        AppContext created = AppContext.create(config(dataPath), backend, Clock.systemUTC());
        this.ctx = inspector == null ? created : withInspector(created, inspector);
        Bootstrap.run(ctx);
        ctx.namespaces().put(new Namespace(NamespaceId.of("app"), "app", 0, Map.of()));
    }

    /** A fixture whose {@code tableData()} answers with {@code inspector}. */
    static DdlFixture withData(Path dir, TableDataInspector inspector) {
        return new DdlFixture(dir, inspector);
    }

    private static ServerConfig config(Path dataPath) {
        ServerConfig d = ServerConfig.defaults();
        StorageSection storage = new StorageSection(dataPath.toString(), d.storage().sharedTablesTemplate(),
                d.storage().userTablesTemplate(), d.storage().rocksdb());
        return new ServerConfig(d.server(), storage, d.flush(), d.retention(), d.stream(), d.limits(), d.logging(),
                d.auth().withJwtSecret("x".repeat(40)), d.userManagement(), d.websocket(), d.rateLimit(), d.jobs(),
                d.security(), d.performance(), d.shutdown(), d.transactionTimeoutSecs(),
                d.maxTransactionBufferBytes());
    }

    /** A copy of the context record in which the {@link TableDataInspector} component is replaced. */
    private static AppContext withInspector(AppContext ctx, TableDataInspector inspector) {
        try {
            RecordComponent[] components = AppContext.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == TableDataInspector.class ? inspector : components[i].getAccessor().invoke(ctx);
            }
            Constructor<AppContext> constructor = AppContext.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query side DESCRIBE needs for views and system tables, built on first use. */
    private QueryHandler queries() {
        if (queries == null) {
            queries = new QueryHandler(ctx);
        }
        return queries;
    }

    ExecutionContext exec(Role role) {
        return new ExecutionContext(new AuthSession(new UserId(role == Role.SYSTEM ? "root" : role.wireName()), role,
                AuthSession.AuthMethod.INTERNAL, "127.0.0.1"), NamespaceId.DEFAULT);
    }

    /** Parses and runs one statement as root (role system). */
    StatementResult run(String sql) {
        return run(sql, exec(Role.SYSTEM));
    }

    StatementResult run(String sql, ExecutionContext exec) {
        KalamStatement statement = TableDdlParser.parse(Lexer.tokenize(sql));
        statement.requirement().check(exec.session().role());
        if (statement instanceof DescribeTableStatement describe) {
            return DescribeHandler.execute(ctx, describe, exec, queries());
        }
        return assertInstanceOf(ExecutableStatement.class, statement).execute(ctx, exec);
    }

    /** Runs a statement that must answer with a message, and returns the message. */
    String message(String sql) {
        return assertInstanceOf(StatementResult.Message.class, run(sql)).message();
    }

    StatementResult.Rows rows(String sql) {
        return assertInstanceOf(StatementResult.Rows.class, run(sql));
    }

    /** Runs a statement as root that must fail with {@code code}, and returns the message. */
    String error(ErrorCode code, String sql) {
        return error(code, sql, exec(Role.SYSTEM));
    }

    String error(ErrorCode code, String sql, ExecutionContext exec) {
        KalamDbException e = assertThrows(KalamDbException.class, () -> run(sql, exec));
        assertEquals(code, e.code(), e.getMessage());
        return e.getMessage();
    }

    /** Runs a statement as root that must fail with {@code SQL_EXECUTION_ERROR}, and returns the message. */
    String userError(String sql) {
        return error(ErrorCode.SQL_EXECUTION_ERROR, sql);
    }

    TableDefinition table(String ns, String name) {
        return ctx.schemas().table(TableId.of(ns, name)).orElseThrow();
    }

    @Override
    public void close() {
        backend.close();
    }
}
