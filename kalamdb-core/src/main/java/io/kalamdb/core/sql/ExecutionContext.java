package io.kalamdb.core.sql;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.ids.NamespaceId;

/**
 * The state of one SQL request while its statements run: the caller and the default namespace, which
 * {@code USE} changes for the rest of the request only.
 */
public final class ExecutionContext {
    private final AuthSession session;
    private NamespaceId defaultNamespace;

    public ExecutionContext(AuthSession session, NamespaceId defaultNamespace) {
        this.session = session;
        this.defaultNamespace = defaultNamespace;
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
