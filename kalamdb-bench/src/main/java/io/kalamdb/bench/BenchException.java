package io.kalamdb.bench;

/** A benchmark run cannot go on: the server refused a statement, a response was unexpected or the server died. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
