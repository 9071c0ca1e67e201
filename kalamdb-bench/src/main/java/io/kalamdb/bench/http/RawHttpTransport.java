package io.kalamdb.bench.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over one blocking socket with keep-alive and {@code TCP_NODELAY}. Each request goes out in a single write
 * (head and body together) and the response is read with {@link HttpResponseReader}. When a reused connection turns
 * out to be closed by the server before any response byte arrived, the request is sent once more on a new
 * connection.
 */
final class RawHttpTransport implements HttpTransport {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 120_000;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    RawHttpTransport(URI baseUri) {
        if (!"http".equalsIgnoreCase(baseUri.getScheme())) {
            throw new IllegalArgumentException("the raw client speaks plain http only: " + baseUri);
        }
        this.host = baseUri.getHost();
        this.port = baseUri.getPort() > 0 ? baseUri.getPort() : 80;
        this.hostHeader = host + ":" + port;
    }

    @Override
    public HttpReply get(String path) throws IOException {
        return exchange(head("GET", path, null, -1), null);
    }

    @Override
    public HttpReply post(String path, byte[] jsonBody, String authorization) throws IOException {
        return exchange(head("POST", path, authorization, jsonBody.length), jsonBody);
    }

    private byte[] head(String method, String path, String authorization, int contentLength) {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private HttpReply exchange(byte[] head, byte[] body) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        try {
            return send(head, body);
        } catch (IOException e) {
            boolean retry = reused && !reader.started();
            close();
            if (!retry) {
                throw e;
            }
            connect();
            return send(head, body);
        }
    }

    private HttpReply send(byte[] head, byte[] body) throws IOException {
        byte[] request = head;
        if (body != null && body.length > 0) {
            request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
        }
        out.write(request);
        out.flush();
        HttpReply reply = reader.read();
        if (reader.closeRequested()) {
            close();
        }
        return reply;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            out = s.getOutputStream();
            reader = new HttpResponseReader(s.getInputStream(), BUFFER_SIZE);
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection has nothing left to report
            }
        }
    }
}
