package io.kalamdb.core.sql;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.ids.NamespaceId;

/**
 * The state of one SQL request while its statements run: the caller and the default namespace, which
 * {@code USE} changes for the rest of the request only.
 */
public final class ExecutionContext {
    private final AuthSession session;
    private final boolean executeAs;
    private NamespaceId defaultNamespace;

    public ExecutionContext(AuthSession session, NamespaceId defaultNamespace) {
        this(session, defaultNamespace, false);
    }

    /** {@code executeAs} marks the inner statement of EXECUTE AS USER (identity = target, role = user). */
    public ExecutionContext(AuthSession session, NamespaceId defaultNamespace, boolean executeAs) {
        this.session = session;
        this.defaultNamespace = defaultNamespace;
        this.executeAs = executeAs;
    }

    public boolean executeAs() {
        return executeAs;
    }

    public AuthSession session() {
        return session;
    }

    public String asUser() {
        return session.userId().value();
    }

    public NamespaceId defaultNamespace() {
        return defaultNamespace;
    }

    public void useNamespace(NamespaceId namespace) {
        this.defaultNamespace = namespace;
    }
}
