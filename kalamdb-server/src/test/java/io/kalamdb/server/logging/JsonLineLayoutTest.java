package io.kalamdb.server.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLineLayoutTest {
    private static String quoted(String value) {
        StringBuilder json = new StringBuilder();
        JsonLineLayout.quote(json, value);
        return json.toString();
    }

    @Test
    void escapesEverythingJsonRequires() throws IOException {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\"", quoted("a\"b\\c\n\r\t\b\f\u0001\u001f"));
        assertEquals("\"\\u2028\\u2029\"", quoted("\u2028\u2029"));
        assertEquals("\"\\ud800x\"", quoted("\uD800x"));
        assertEquals("\"\uD83D\uDE00 é\"", quoted("\uD83D\uDE00 é"));

        String all = "ctl\u0000\u0010 \"q\" \\ \uD83D\uDE00 \uDC00 end";
        String parsed = new ObjectMapper().readTree(quoted(all)).asText();
        assertEquals(all, parsed);
    }
}
