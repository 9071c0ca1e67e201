package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.util.function.Supplier;

/**
 * Who runs a query and when: the effective user (whose USER/STREAM scope is visible), its role and the statement
 * start time, and whether it is the inner statement of EXECUTE AS USER. It travels in the DataContext under {@link #KEY} and, for functions such as {@code CURRENT_USER()},
 * in a thread-local for the duration of one execution. Never part of a cached plan.
 */
public record QueryScope(UserId userId, Role role, long nowMicros, boolean executeAs) {
    public static final String KEY = "kalam.scope";
    private static final ThreadLocal<QueryScope> CURRENT = new ThreadLocal<>();

    public static QueryScope current() {
        QueryScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("no query scope on this thread");
        }
        return scope;
    }

    /** Runs {@code body} with this scope as the thread's current scope. */
    public <T> T run(Supplier<T> body) {
        QueryScope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
