package io.kalamdb.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire, int bufferSize) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), bufferSize);
    }

    @Test
    void keepAliveResponsesBackToBack() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 7\r\nconnection: keep-alive\r\n\r\n"
                + "{\"a\":1}"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}";
        HttpResponseReader reader = reader(wire, 16);
        HttpReply first = reader.read();
        assertEquals(200, first.status());
        assertEquals("{\"a\":1}", first.bodyText());
        assertFalse(reader.closeRequested());
        HttpReply second = reader.read();
        assertEquals(404, second.status());
        assertEquals("{}", second.bodyText());
        assertThrows(EOFException.class, reader::read);
    }

    @Test
    void chunkedBodyWithInterimContinue() throws IOException {
        String wire = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
        HttpReply reply = reader(wire, 8).read();
        assertEquals(200, reply.status());
        assertEquals("hello, world", reply.bodyText());
    }

    @Test
    void bodyUntilCloseAndConnectionClose() throws IOException {
        HttpResponseReader untilEnd = reader("HTTP/1.0 200 OK\r\n\r\nstream body", 64);
        assertEquals("stream body", untilEnd.read().bodyText());
        assertTrue(untilEnd.closeRequested());

        HttpResponseReader close = reader("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 64);
        HttpReply reply = close.read();
        assertEquals(500, reply.status());
        assertEquals(0, reply.body().length);
        assertTrue(close.closeRequested());
    }

    @Test
    void truncatedResponsesFail() {
        assertThrows(EOFException.class, () -> reader("", 64).read());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 64).read());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n", 64).read());
        assertThrows(IOException.class, () -> reader("SMTP ready\r\n\r\n", 64).read());
    }
}
