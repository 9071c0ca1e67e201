package io.kalamdb.core.bootstrap;

import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.Namespace;
import io.kalamdb.commons.models.Storage;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.system.Micros;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-start bootstrap (spec auth.md §2, storage.md §12.1): namespace {@code default}, storage {@code local} and
 * user {@code root}. Existing entries are never modified.
 */
public final class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    /** Runs the bootstrap; returns true when root has no password (the server needs setup). */
    public static boolean run(AppContext ctx) {
        long now = Micros.now(ctx.clock());
        if (!ctx.namespaces().exists(NamespaceId.DEFAULT)) {
            ctx.namespaces().put(new Namespace(NamespaceId.DEFAULT, NamespaceId.DEFAULT.value(), now, Map.of()));
            log.info("Created namespace 'default'");
        }
        if (ctx.storages().count() == 0) {
            Path base = Path.of(ctx.config().storage().dataPath()).resolve("storage").toAbsolutePath().normalize();
            ctx.storages().put(new Storage(StorageId.LOCAL, "Local Filesystem", "Default local filesystem storage",
                    "filesystem", base.toString(), null, null, ctx.config().storage().sharedTablesTemplate(),
                    ctx.config().storage().userTablesTemplate(), now, now));
            log.info("Created storage 'local' at {}", base);
        }
        User root = ctx.users().findUser(UserId.ROOT).orElse(null);
        if (root == null) {
            String password = ctx.config().auth().rootPassword();
            String hash = "";
            if (password != null && !password.isEmpty()) {
                ctx.passwordPolicy().violation(password).ifPresent(problem ->
                        log.warn("The bootstrap root password is weak: {}", problem));
                hash = ctx.passwordHasher().hash(password);
            }
            root = new User(UserId.ROOT, hash, Role.SYSTEM, "root@localhost", AuthType.INTERNAL, null, "table",
                    StorageId.LOCAL.value(), 0, null, null, now, now, null, null);
            ctx.users().put(root);
            log.info("Created user 'root'{}", hash.isEmpty() ? " without a password: the server needs setup" : "");
        }
        boolean needsSetup = !root.hasPassword();
        if (needsSetup) {
            log.warn("Root has no password. Call POST /v1/api/auth/setup from localhost to configure the server.");
        }
        return needsSetup;
    }
}
