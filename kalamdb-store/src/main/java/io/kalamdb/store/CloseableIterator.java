package io.kalamdb.store;

import java.util.Iterator;

/**
 * An iterator holding native resources. Close it when done, preferably with try-with-resources; closing twice is
 * harmless. Implementations also release their resources once exhausted.
 *
 * @param <T> element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close();
}
