package io.kalamdb.core.system;

import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.store.EntityStore;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyEncoder;
import io.kalamdb.store.StorageBackend;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code system.audit_log}: one entry per audited action (spec auth.md §13). Ids are
 * {@code audit_<µs>_<32 hex>}, so the key order is the time order.
 */
public final class AuditLog {
    private final EntityStore<String, AuditEntry> store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AuditLog(StorageBackend backend, Clock clock) {
        this.store = new EntityStore<>(backend, SystemPartitions.AUDIT_LOG, KeyEncoder.string(),
                JsonValueCodec.of(AuditEntry.class));
        this.clock = clock;
    }

    /** Records an action; {@code details} must never carry a password or other secret. */
    public AuditEntry record(String actor, String action, String target, String details, String ip,
                             String subjectUserId) {
        long now = Micros.now(clock);
        byte[] suffix = new byte[16];
        random.nextBytes(suffix);
        String id = "audit_" + String.format("%016d", now) + "_" + HexFormat.of().formatHex(suffix);
        AuditEntry entry = new AuditEntry(id, now, actor, action, target, details, ip, subjectUserId);
        store.put(id, entry);
        return entry;
    }

    public List<AuditEntry> all() {
        return store.scanAll();
    }
}
