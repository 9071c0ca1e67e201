package io.kalamdb.filestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes directory trees, e.g. a dropped table's trash directory (spec storage.md §9). Symbolic links are
 * removed as links and never followed, so nothing outside the tree is touched; entries that vanish while the tree
 * is walked are ignored, so a second or concurrent deletion is harmless.
 */
public final class DirectoryCleaner {
    private DirectoryCleaner() {
    }

    /**
     * Deletes {@code dir} with everything below it and returns the bytes freed (the sizes of the regular files
     * removed). A missing {@code dir} frees 0 bytes; a {@code dir} that is a symbolic link or a file is removed
     * itself.
     *
     * @throws UncheckedIOException when an entry cannot be deleted
     */
    public static long deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        TreeDeleter deleter = new TreeDeleter();
        try {
            Files.walkFileTree(dir, deleter);
        } catch (NoSuchFileException e) {
            return deleter.bytesFreed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
        return deleter.bytesFreed;
    }

    /** Deletes files on the way down and directories on the way up, summing the sizes of regular files. */
    private static final class TreeDeleter extends SimpleFileVisitor<Path> {
        private long bytesFreed;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (Files.deleteIfExists(file) && attrs.isRegularFile()) {
                bytesFreed += attrs.size();
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
        }
    }
}
