package io.kalamdb.server.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, class-name-free descriptions of file-system failures for operator messages. */
public final class IoMessages {
    private IoMessages() {
    }

    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "'" + exists.getFile() + "' exists and is not a directory";
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return "'" + notDirectory.getFile() + "' is not a directory";
        }
        if (e instanceof NoSuchFileException missing) {
            return "'" + missing.getFile() + "' does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
