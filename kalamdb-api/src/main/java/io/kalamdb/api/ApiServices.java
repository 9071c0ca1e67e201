package io.kalamdb.api;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.account.AccountService;
import io.kalamdb.core.sql.SqlExecutor;

/** What the HTTP layer calls into core with, plus the build facts shown by {@code /health}. */
public record ApiServices(AppContext app, SqlExecutor sql, AccountService accounts, String version,
                          String buildDate) {

    public static ApiServices create(AppContext app, String version, String buildDate) {
        return new ApiServices(app, new SqlExecutor(app), new AccountService(app), version, buildDate);
    }
}
