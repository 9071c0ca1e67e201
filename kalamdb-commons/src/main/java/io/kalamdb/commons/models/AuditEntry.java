package io.kalamdb.commons.models;

/**
 * A row of {@code system.audit_log} (spec storage.md §13.11): {@code auditId} is {@code audit_<µs>_<32 hex>},
 * {@code timestamp} µs since the epoch. {@code details} never holds a password.
 */
public record AuditEntry(String auditId, long timestamp, String actorUserId, String action, String target,
                         String details, String ipAddress, String subjectUserId) {
}
