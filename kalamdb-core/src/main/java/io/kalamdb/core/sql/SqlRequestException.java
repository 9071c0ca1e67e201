package io.kalamdb.core.sql;

import io.kalamdb.commons.errors.KalamDbException;

/**
 * A failed SQL request: the error, and for a failed statement its 1-based index and its text (0 and null for
 * errors before execution: body, length, split, params).
 */
public final class SqlRequestException extends RuntimeException {
    private final KalamDbException error;
    private final int statementIndex;
    private final String statementSql;
    private final boolean asRoleUser;

    public SqlRequestException(KalamDbException error, int statementIndex, String statementSql) {
        this(error, statementIndex, statementSql, false);
    }

    /** {@code asRoleUser}: the statement ran under EXECUTE AS USER, so the error is shown as to role user. */
    public SqlRequestException(KalamDbException error, int statementIndex, String statementSql, boolean asRoleUser) {
        super(error.getMessage(), error);
        this.error = error;
        this.statementIndex = statementIndex;
        this.statementSql = statementSql;
        this.asRoleUser = asRoleUser;
    }

    public boolean asRoleUser() {
        return asRoleUser;
    }

    public KalamDbException error() {
        return error;
    }

    public int statementIndex() {
        return statementIndex;
    }

    public String statementSql() {
        return statementSql;
    }
}
