package io.kalamdb.core.sql.calcite;

import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/** The per-execution context of a compiled plan: parameters, the caller's scope and the statement time. */
final class KalamDataContext implements DataContext {
    private final SchemaPlus root;
    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> internal;
    private final Params params;
    private final QueryScope scope;
    private final ScanHints hints;
    private final AtomicBoolean cancel = new AtomicBoolean();

    /**
     * The bound parameters: in Calcite's representation by index, as storage values by index, and the exact-µs
     * parameters {@link TableValuesRewriter} added, from its {@code EXACT_PARAM_BASE} on.
     */
    record Params(Object[] calcite, Object[] storage, Object[] exact) {
    }

    KalamDataContext(SchemaPlus root, JavaTypeFactory typeFactory, Map<String, Object> internal, Params params,
                     QueryScope scope, ScanHints hints) {
        this.hints = hints;
        this.root = root;
        this.typeFactory = typeFactory;
        this.internal = internal;
        this.params = params;
        this.scope = scope;
    }

    /** Parameter {@code i} as a storage value (null when absent). */
    Object storageParam(int i) {
        return i < params.storage().length ? params.storage()[i] : null;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return root;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            int i = Integer.parseInt(name.substring(1));
            if (i >= TableValuesRewriter.EXACT_PARAM_BASE) {
                return params.exact()[i - TableValuesRewriter.EXACT_PARAM_BASE];
            }
            return i < params.calcite().length ? params.calcite()[i] : null;
        }
        Object v = internal.get(name);
        if (v != null) {
            return v;
        }
        switch (name) {
            case QueryScope.KEY: return scope;
            case ScanHints.KEY: return hints;
            case "currentTimestamp":
            case "localTimestamp":
            case "utcTimestamp": return scope.nowMicros() / 1000L;
            case "user":
            case "systemUser": return scope.userId().value();
            case "timeZone": return TimeZone.getTimeZone("UTC");
            case "locale": return Locale.ROOT;
            case "cancelFlag": return cancel;
            default: return null;
        }
    }
}
