package io.kalamdb.e2e;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Requests that the JDK HttpClient cannot make: a declared Content-Length above the server limit, or a chunked body
 * above it. The body is written by a background thread while the response is read, so a server that answers early
 * (and closes) and a server that reads the body first both work. With a declared length the body is held back for
 * {@link #BODY_DELAY_MS}, so that a server deciding by Content-Length answers before any body byte is sent.
 */
final class RawHttp {

    private static final int SOCKET_TIMEOUT_MS = 20_000;
    private static final long BODY_DELAY_MS = 1_500;
    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        Arrays.fill(FILLER, (byte) ' ');
    }

    private RawHttp() {
    }

    /** POST with {@code Content-Length: declaredLength} and that many filler bytes. */
    static Response postWithLength(String host, int port, String path, long declaredLength) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n";
        return exchange(host, port, head, BODY_DELAY_MS, out -> {
            long left = declaredLength;
            while (left > 0) {
                int n = (int) Math.min(left, FILLER.length);
                out.write(FILLER, 0, n);
                left -= n;
            }
        });
    }

    /** POST with {@code Transfer-Encoding: chunked}, streaming {@code totalBytes} in 64 KiB chunks. */
    static Response postChunked(String host, int port, String path, long totalBytes) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        return exchange(host, port, head, 0, out -> {
            long left = totalBytes;
            while (left > 0) {
                int n = (int) Math.min(left, FILLER.length);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(FILLER, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                left -= n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Response exchange(String host, int port, String head, long bodyDelayMs, BodyWriter body)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CountDownLatch answered = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try {
                    if (bodyDelayMs > 0 && answered.await(bodyDelayMs, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    body.write(out);
                    out.flush();
                } catch (IOException ignored) {
                    // the server may stop reading and close the connection once it has answered
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raw-http-body-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            Response response = readResponse(new NotifyingInputStream(in, answered));
            answered.countDown();
            return response;
        }
    }

    /** Counts the latch down at the first byte read, so the delayed body writer stands down. */
    private static final class NotifyingInputStream extends FilterInputStream {
        private final CountDownLatch firstByte;

        NotifyingInputStream(InputStream in, CountDownLatch firstByte) {
            super(in);
            this.firstByte = firstByte;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            firstByte.countDown();
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            firstByte.countDown();
            return n;
        }
    }

    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            byte[] data = in.readNBytes(Integer.parseInt(length.get(0)));
            bodyBytes.write(data);
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            while (true) {
                String size = readLine(in);
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (n == 0) {
                    break;
                }
                bodyBytes.write(in.readNBytes(n));
                readLine(in);
            }
        } else {
            bodyBytes.write(in.readAllBytes());
        }
        return new Response(status, headers, bodyBytes.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
