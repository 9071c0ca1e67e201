package io.kalamdb.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from one connection: status line, headers, then a body framed by {@code Content-Length},
 * {@code Transfer-Encoding: chunked} or the end of the stream. Interim 1xx responses are skipped. The reader keeps
 * its own buffer, so bytes of a following response stay available for the next {@link #read()}.
 */
final class HttpResponseReader {

    private static final byte[] EMPTY = new byte[0];

    private final InputStream in;
    private final byte[] buffer;
    private final StringBuilder line = new StringBuilder(128);
    private int position;
    private int limit;
    private boolean started;
    private boolean closeRequested;

    HttpResponseReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Whether any byte of the current response has arrived (a request must not be retried after that). */
    boolean started() {
        return started;
    }

    /** Whether the last response asked to close the connection, or was framed by the end of the stream. */
    boolean closeRequested() {
        return closeRequested;
    }

    HttpReply read() throws IOException {
        started = false;
        while (true) {
            closeRequested = false;
            String statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException("connection closed before a response");
            }
            int status = parseStatus(statusLine);
            long contentLength = -1;
            boolean chunked = false;
            String header;
            while ((header = readLine()) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed response header: " + header);
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    closeRequested = value.equalsIgnoreCase("close");
                }
            }
            if (header == null) {
                throw new EOFException("connection closed inside the response headers");
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body;
            if (status == 204 || status == 304) {
                body = EMPTY;
            } else if (chunked) {
                body = readChunked();
            } else if (contentLength >= 0) {
                body = readExactly(Math.toIntExact(contentLength));
            } else {
                body = readToEnd();
                closeRequested = true;
            }
            return new HttpReply(status, body);
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        int firstSpace = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/") || firstSpace < 0 || statusLine.length() < firstSpace + 4) {
            throw new IOException("malformed status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line: " + statusLine, e);
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // trailers carry nothing the benchmark needs
                }
                return body.toByteArray();
            }
            body.write(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = new byte[length];
        int copied = Math.min(length, limit - position);
        System.arraycopy(buffer, position, body, 0, copied);
        position += copied;
        while (copied < length) {
            int n = in.read(body, copied, length - copied);
            if (n < 0) {
                throw new EOFException("connection closed after " + copied + " of " + length + " body bytes");
            }
            copied += n;
        }
        return body;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(buffer, position, limit - position);
        position = limit;
        in.transferTo(body);
        return body.toByteArray();
    }

    /** One line without its CR LF, or null at the end of the stream before any byte of the line. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                return line.length() == 0 ? null : line.toString();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        started = true;
        position = 0;
        limit = n;
        return true;
    }
}
