package io.kalamdb.filestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCleanerTest {
    @TempDir
    Path tmp;

    @Test
    void deletesNestedTreeAndReturnsBytesFreed() throws IOException {
        Path trash = tmp.resolve(".kalamdb-trash").resolve("42");
        Files.createDirectories(trash.resolve("alice").resolve("empty"));
        Files.write(trash.resolve("manifest.json"), new byte[100]);
        Files.write(trash.resolve("alice").resolve("batch-1.parquet"), new byte[4096]);
        Files.write(trash.resolve("alice").resolve("batch-2.parquet"), new byte[0]);

        assertEquals(4196, DirectoryCleaner.deleteTree(trash));

        assertFalse(Files.exists(trash));
        assertTrue(Files.isDirectory(tmp.resolve(".kalamdb-trash")));
    }

    @Test
    void missingDirectoryFreesNothing() {
        Path missing = tmp.resolve("absent");
        assertEquals(0, DirectoryCleaner.deleteTree(missing));
        assertEquals(0, DirectoryCleaner.deleteTree(missing.resolve("deeper")));
        assertFalse(Files.exists(missing));
    }

    @Test
    void secondDeletionIsHarmless() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("t"));
        Files.write(dir.resolve("f"), new byte[10]);
        assertEquals(10, DirectoryCleaner.deleteTree(dir));
        assertEquals(0, DirectoryCleaner.deleteTree(dir));
    }

    @Test
    void symlinksAreRemovedButNeverFollowed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path outsideFile = Files.write(outside.resolve("keep.parquet"), new byte[512]);
        Path trash = Files.createDirectories(tmp.resolve("trash"));
        Files.write(trash.resolve("own.parquet"), new byte[8]);
        Path dirLink = Files.createSymbolicLink(trash.resolve("link-to-dir"), outside);
        Path fileLink = Files.createSymbolicLink(trash.resolve("link-to-file"), outsideFile);

        assertEquals(8, DirectoryCleaner.deleteTree(trash));

        assertFalse(Files.exists(trash, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dirLink, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(fileLink, LinkOption.NOFOLLOW_LINKS));
        assertEquals(512, Files.size(outsideFile));
    }

    @Test
    void rootSymlinkIsRemovedAsALink() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path kept = Files.write(outside.resolve("keep"), new byte[64]);
        Path link = Files.createSymbolicLink(tmp.resolve("trash-link"), outside);

        assertEquals(0, DirectoryCleaner.deleteTree(link));

        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals(64, Files.size(kept));
    }

    @Test
    void plainFileIsDeleted() throws IOException {
        Path file = Files.write(tmp.resolve("single.bin"), new byte[33]);
        assertEquals(33, DirectoryCleaner.deleteTree(file));
        assertFalse(Files.exists(file));
    }
}
