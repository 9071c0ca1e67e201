package io.kalamdb.core.sql;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.config.AuthSection;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.config.StorageSection;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.bootstrap.Bootstrap;
import io.kalamdb.store.RocksDbBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A real core (RocksDB in a temp dir, bootstrap done, bcrypt cost 4) with helpers to run SQL as a role. */
final class EngineFixture implements AutoCloseable {
    final RocksDbBackend backend;
    final AppContext ctx;
    final SqlExecutor sql;

    EngineFixture(Path dir) {
        ServerConfig d = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(d.server(), new StorageSection(
                dir.resolve("data").toString(), d.storage().sharedTablesTemplate(), d.storage().userTablesTemplate(),
                d.storage().rocksdb()), d.flush(), d.retention(), d.stream(), d.limits(), d.logging(),
                new AuthSection("kalamdb123", "x".repeat(40), 24, true, 4, false, false, 60,
                        10_000, ""), d.userManagement(), d.websocket(), d.rateLimit(), d.jobs(), d.security(),
                d.performance(), d.shutdown(), d.transactionTimeoutSecs(), d.maxTransactionBufferBytes());
        backend = RocksDbBackend.open(dir.resolve("rocksdb"), d.storage().rocksdb());
        ctx = AppContext.create(config, backend, Clock.systemUTC());
        Bootstrap.run(ctx);
        ctx.start();
        sql = new SqlExecutor(ctx);
    }

    static AuthSession as(String user, Role role) {
        return new AuthSession(new UserId(user), role, AuthSession.AuthMethod.INTERNAL, "127.0.0.1");
    }

    List<StatementResult> run(AuthSession who, String text, Object... params) {
        List<SqlParam> p = null;
        if (params.length > 0) {
            p = new ArrayList<>();
            for (Object o : params) {
                p.add(new SqlParam(o, String.valueOf(o).length()));
            }
        }
        return sql.execute(who, new SqlRequest(text, p, null));
    }

    StatementResult.Rows rows(AuthSession who, String text, Object... params) {
        return (StatementResult.Rows) run(who, text, params).get(0);
    }

    StatementResult.Message message(AuthSession who, String text, Object... params) {
        return (StatementResult.Message) run(who, text, params).get(0);
    }

    @Override
    public void close() {
        ctx.stop();
        backend.close();
    }
}
