package io.kalamdb.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void successPrefix() {
        assertTrue(Envelope.startsWithSuccess(bytes("{\"status\":\"success\",\"results\":[]}")));
        assertFalse(Envelope.startsWithSuccess(bytes("{\"status\":\"error\",\"results\":[]}")));
        assertFalse(Envelope.startsWithSuccess(bytes("{\"status\"")));
        assertFalse(Envelope.startsWithSuccess(bytes("")));
    }

    @Test
    void rowCountOfFirstResultIgnoresEscapedTextInRows() {
        String body = "{\"status\":\"success\",\"results\":[{\"schema\":[],\"rows\":[[\"say \\\"row_count\\\":9\"]],"
                + "\"row_count\":1,\"as_user\":\"root\"},{\"row_count\":5}],\"took\":0.1}";
        assertEquals(1, Envelope.firstRowCount(bytes(body)));
        assertEquals(250, Envelope.firstRowCount(bytes("{\"results\":[{\"row_count\": 250}]}")));
        assertEquals(-1, Envelope.firstRowCount(bytes("{\"results\":[]}")));
    }

    @Test
    void indexOfFindsPatterns() {
        byte[] body = bytes("abcabd");
        assertEquals(3, Envelope.indexOf(body, bytes("abd"), 0));
        assertEquals(-1, Envelope.indexOf(body, bytes("abe"), 0));
        assertEquals(3, Envelope.indexOf(body, bytes("ab"), 1));
    }
}
