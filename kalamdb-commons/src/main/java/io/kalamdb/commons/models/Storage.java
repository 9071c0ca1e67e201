package io.kalamdb.commons.models;

import io.kalamdb.commons.ids.StorageId;

/**
 * A row of {@code system.storages} (spec storage.md §13.7). {@code credentials} and {@code configJson} are compact
 * JSON text or null. Timestamps are µs since the epoch.
 */
public record Storage(StorageId storageId, String storageName, String description, String storageType,
                      String baseDirectory, String credentials, String configJson, String sharedTablesTemplate,
                      String userTablesTemplate, long createdAt, long updatedAt) {
}
