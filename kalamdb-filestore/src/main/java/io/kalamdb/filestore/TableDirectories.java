package io.kalamdb.filestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a table's cold files live in a storage, and moving them aside when the table is dropped. */
public final class TableDirectories {
    /** The trash directory name under a storage's base directory. */
    public static final String TRASH_DIR = ".kalamdb-trash";

    private TableDirectories() {
    }

    /**
     * The table directory: {@code base / template} cut after the segment holding {@code {tableName}}, with the
     * namespace and table filled in. For USER tables it holds every user's scope.
     */
    public static Path tableDirectory(Path base, String template, String namespace, String table) {
        String t = PathTemplates.normalize(template);
        int at = t.indexOf(PathTemplates.TABLE_NAME);
        int cut = at < 0 ? t.length() : t.indexOf('/', at);
        return PathTemplates.scopeDirectory(base, cut < 0 ? t : t.substring(0, cut), namespace, table, null);
    }

    /** {@code <base>/.kalamdb-trash/<uid>}. */
    public static Path trashDirectory(Path base, long tableUid) {
        return base.toAbsolutePath().normalize().resolve(TRASH_DIR).resolve(Long.toString(tableUid));
    }

    /** Renames {@code from} to {@code to} (atomically when the file system can); a missing {@code from} is a no-op. */
    public static boolean move(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return false;
        }
        try {
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }
}
