package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.models.Storage;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.filestore.PathTemplates;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4 of DROP TABLE (spec storage.md §9): the table's cold directory — the resolved path template cut after the
 * segment that holds {@code {tableName}} — is renamed to {@code <base_directory>/.kalamdb-trash/<uid>/}.
 */
final class TableTrash {
    static final String TRASH_DIR = ".kalamdb-trash";
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
        Path trash = base.resolve(TRASH_DIR).resolve(Long.toString(def.tableUid()));
        Path tableDir = tableDirectory(base, storage.get(), def);
        if (Files.isDirectory(tableDir)) {
            move(tableDir, trash);
            log.info("Moved table files to trash table_id={} trash={}", def.tableId(), trash);
        }
        return trash.toString();
    }

    /** {@code base / template-up-to-{tableName}} with the table's namespace and name filled in. */
    static Path tableDirectory(Path base, Storage storage, TableDefinition def) {
        String template = PathTemplates.normalize(def.tableType() == TableType.USER ? storage.userTablesTemplate()
                : storage.sharedTablesTemplate());
        int table = template.indexOf(PathTemplates.TABLE_NAME);
        int cut = table < 0 ? template.length() : template.indexOf('/', table);
        String tableTemplate = cut < 0 ? template : template.substring(0, cut);
        return PathTemplates.scopeDirectory(base, tableTemplate, def.tableId().namespace().value(),
                def.tableId().table().value(), null);
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw KalamDbException.internal("Cannot move the table directory to the trash", e);
        }
    }
}
