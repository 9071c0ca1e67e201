package io.kalamdb.store;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.file.Path;

/** Thrown by {@link RocksDbBackend#open} when another process, or another open store, holds the data directory. */
public final class StoreLockedException extends KalamDbException {
    private final Path dataDir;

    public StoreLockedException(Path dataDir, Throwable cause) {
        super(ErrorCode.INTERNAL_ERROR, "data directory " + dataDir + " is in use by another process", cause);
        this.dataDir = dataDir;
    }

    /** The locked directory. */
    public Path dataDir() {
        return dataDir;
    }
}
