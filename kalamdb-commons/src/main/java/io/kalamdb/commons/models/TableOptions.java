package io.kalamdb.commons.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kalamdb.commons.enums.AccessLevel;

/**
 * The WITH options of a table (spec sql.md §3.3, storage.md §13.3). Options that do not apply to the table's type
 * are null: {@code storageId}, {@code flushPolicy}, {@code deletedRetentionHours} for USER/SHARED;
 * {@code accessLevel} for SHARED; {@code useUserStorage} for USER; {@code ttlSeconds} for STREAM.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableOptions(String storageId, FlushPolicy flushPolicy, Long deletedRetentionHours,
                           AccessLevel accessLevel, Boolean useUserStorage, Long ttlSeconds) {
}
