package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.models.Storage;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.filestore.TableDirectories;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4 of DROP TABLE (spec storage.md §9): the table's cold directory — the resolved path template cut after the
 * segment that holds {@code {tableName}} — is renamed to {@code <base_directory>/.kalamdb-trash/<uid>/}.
 */
final class TableTrash {
    private static final Logger log = LoggerFactory.getLogger(TableTrash.class);

    private TableTrash() {
    }

    /** Moves the table's files to the trash; returns the trash directory, or null for tables without cold storage. */
    static String moveToTrash(AppContext ctx, TableDefinition def) {
        if (def.tableType() == TableType.STREAM || def.options() == null || def.options().storageId() == null) {
            return null;
        }
        Optional<Storage> storage = ctx.storages().get(new StorageId(def.options().storageId()));
        if (storage.isEmpty()) {
            return null;
        }
        Path base = Path.of(storage.get().baseDirectory()).toAbsolutePath().normalize();
        Path trash = TableDirectories.trashDirectory(base, def.tableUid());
        String template = def.tableType() == TableType.USER ? storage.get().userTablesTemplate()
                : storage.get().sharedTablesTemplate();
        Path tableDir = TableDirectories.tableDirectory(base, template, def.tableId().namespace().value(),
                def.tableId().table().value());
        try {
            if (TableDirectories.move(tableDir, trash)) {
                log.info("Moved table files to trash table_id={} trash={}", def.tableId(), trash);
            }
        } catch (UncheckedIOException e) {
            throw KalamDbException.internal("Cannot move the table directory to the trash", e);
        }
        return trash.toString();
    }
}
