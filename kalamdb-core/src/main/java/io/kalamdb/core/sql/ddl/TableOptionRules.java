package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.models.FlushPolicy;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.parser.ddl.OptionValue;
import java.util.Locale;
import java.util.Map;

/**
 * The table options of {@code WITH (…)} and {@code SET TBLPROPERTIES (…)} (spec sql.md §3.3, §4): each option's
 * value rules and the table types it applies to. Keys arrive in upper case.
 */
final class TableOptionRules {
    static final long MAX_TTL_SECONDS = 31_536_000L;

    private TableOptionRules() {
    }

    /** The options of a new table of {@code type}; the {@code TYPE} option has been read already. */
    static TableOptions forCreate(AppContext ctx, TableType type, Map<String, OptionValue> options) {
        boolean stream = type == TableType.STREAM;
        String storageId = stream ? null : StorageId.LOCAL.value();
        FlushPolicy flushPolicy = null;
        Long retention = stream ? null : ctx.config().retention().defaultDeletedRetentionHours();
        AccessLevel accessLevel = type == TableType.SHARED ? AccessLevel.PRIVATE : null;
        Boolean useUserStorage = type == TableType.USER ? Boolean.FALSE : null;
        Long ttl = null;
        for (Map.Entry<String, OptionValue> option : options.entrySet()) {
            OptionValue value = option.getValue();
            switch (option.getKey()) {
                case "TYPE":
                    break;
                case "STORAGE_ID":
                    storageId = storageId(ctx, type, value);
                    break;
                case "FLUSH_POLICY":
                    flushPolicy = flushPolicy(type, value);
                    break;
                case "DELETED_RETENTION_HOURS":
                    retention = deletedRetentionHours(type, value);
                    break;
                case "TTL_SECONDS":
                    ttl = ttlSeconds(type, value);
                    break;
                case "ACCESS_LEVEL":
                    accessLevel = accessLevel(type, value);
                    break;
                case "USE_USER_STORAGE":
                    useUserStorage = useUserStorage(type, value);
                    break;
                default:
                    throw unknown(option.getKey());
            }
        }
        if (stream && ttl == null) {
            throw KalamDbException.userError("STREAM tables must specify 'TTL_SECONDS'");
        }
        return new TableOptions(storageId, flushPolicy, retention, accessLevel, useUserStorage, ttl);
    }

    /** {@code SET TBLPROPERTIES}: ACCESS_LEVEL, FLUSH_POLICY, DELETED_RETENTION_HOURS and TTL_SECONDS only. */
    static TableOptions withProperties(TableOptions current, TableType type, Map<String, OptionValue> properties) {
        TableOptions out = current;
        for (Map.Entry<String, OptionValue> property : properties.entrySet()) {
            OptionValue value = property.getValue();
            switch (property.getKey()) {
                case "ACCESS_LEVEL":
                    out = withAccessLevel(out, accessLevel(type, value));
                    break;
                case "FLUSH_POLICY":
                    out = new TableOptions(out.storageId(), flushPolicy(type, value), out.deletedRetentionHours(),
                            out.accessLevel(), out.useUserStorage(), out.ttlSeconds());
                    break;
                case "DELETED_RETENTION_HOURS":
                    out = new TableOptions(out.storageId(), out.flushPolicy(), deletedRetentionHours(type, value),
                            out.accessLevel(), out.useUserStorage(), out.ttlSeconds());
                    break;
                case "TTL_SECONDS":
                    out = new TableOptions(out.storageId(), out.flushPolicy(), out.deletedRetentionHours(),
                            out.accessLevel(), out.useUserStorage(), ttlSeconds(type, value));
                    break;
                default:
                    throw unknown(property.getKey());
            }
        }
        return out;
    }

    static TableOptions withAccessLevel(TableOptions current, AccessLevel level) {
        return new TableOptions(current.storageId(), current.flushPolicy(), current.deletedRetentionHours(), level,
                current.useUserStorage(), current.ttlSeconds());
    }

    static AccessLevel accessLevel(TableType type, OptionValue value) {
        if (type != TableType.SHARED) {
            throw KalamDbException.userError("ACCESS_LEVEL is only supported for SHARED tables");
        }
        String text = value.text().trim();
        for (AccessLevel level : AccessLevel.values()) {
            if (level.wireName().equalsIgnoreCase(text)) {
                return level;
            }
        }
        throw KalamDbException.userError("Invalid ACCESS_LEVEL '" + value.text()
                + "'. Supported: PUBLIC, PRIVATE, RESTRICTED, DBA");
    }

    private static String storageId(AppContext ctx, TableType type, OptionValue value) {
        if (type == TableType.STREAM) {
            throw KalamDbException.userError("STORAGE_ID is not supported for STREAM tables");
        }
        String id = value.text().trim();
        if (!StorageId.isValid(id) || ctx.storages().get(new StorageId(id)).isEmpty()) {
            throw KalamDbException.userError("Storage '" + value.text() + "' does not exist");
        }
        return id;
    }

    private static FlushPolicy flushPolicy(TableType type, OptionValue value) {
        if (type == TableType.STREAM) {
            throw KalamDbException.userError("FLUSH_POLICY is not supported for STREAM tables");
        }
        return FlushPolicyText.parse(value.text());
    }

    private static Long deletedRetentionHours(TableType type, OptionValue value) {
        if (type == TableType.STREAM) {
            throw KalamDbException.userError("DELETED_RETENTION_HOURS is not supported for STREAM tables");
        }
        Long hours = integer(value);
        if (hours == null || hours < 0) {
            throw KalamDbException.userError("Invalid DELETED_RETENTION_HOURS");
        }
        return hours;
    }

    private static Long ttlSeconds(TableType type, OptionValue value) {
        if (type != TableType.STREAM) {
            throw KalamDbException.userError("TTL_SECONDS is only supported for STREAM tables");
        }
        Long ttl = integer(value);
        if (ttl == null || ttl < 1 || ttl > MAX_TTL_SECONDS) {
            throw KalamDbException.userError("Invalid TTL_SECONDS");
        }
        return ttl;
    }

    private static Boolean useUserStorage(TableType type, OptionValue value) {
        if (type != TableType.USER) {
            throw KalamDbException.userError("USE_USER_STORAGE is only supported for USER tables");
        }
        String text = value.text().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw KalamDbException.userError("Invalid USE_USER_STORAGE '" + value.text() + "'. Expected true or false");
    }

    private static Long integer(OptionValue value) {
        try {
            return Long.valueOf(value.text().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static KalamDbException unknown(String key) {
        return KalamDbException.userError("Unknown table option '" + key + "'");
    }
}
