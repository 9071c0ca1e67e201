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

    public SqlRequestException(KalamDbException error, int statementIndex, String statementSql) {
        super(error.getMessage(), error);
        this.error = error;
        this.statementIndex = statementIndex;
        this.statementSql = statementSql;
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
